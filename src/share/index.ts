// Share links: the state in the address bar, the codec behind it, and addresses to the app and the embed player.

export { readCapped } from './readCapped';
export { decodeShare, encodeShare, shareLimits, type DecodedShare, type LinkProblem } from './codec';
export { appUrl, embedSnippet, embedUrl, type EmbedOptions, type Theme } from './links';
export { applyShareState, isShareStateV1, shareStateOf, type SharePacket, type ShareState } from './state';
export { presentationQuery, startUrlSync, writtenHere } from './urlSync';
