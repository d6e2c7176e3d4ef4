// The link's fragment: `v1.` + base64url(deflate-raw(JSON)), with the native (De)CompressionStream
// so it runs in the browser and in Node alike. The prefix picks the decoder, so a link made today
// opens the same way after the state grows a v2. Decoding never trusts the link: its length and the
// size it inflates to are capped (counted while inflating, so a bomb stops early), and the JSON
// must be a state of its version, field by field.

import { isShareStateV1, type ShareState } from './state';
import { readCapped } from './readCapped';

export type LinkProblem = 'unknown-version' | 'corrupt' | 'too-large' | 'not-a-state';
export type DecodedShare = { ok: true; state: ShareState } | { ok: false; problem: LinkProblem };

export const shareLimits = {
  /** The JSON a link may inflate to, in bytes. */
  json: 2 * 1024 * 1024,
  /** The fragment's length in characters: more than any browser keeps in an address. */
  fragment: 2 * 1024 * 1024,
} as const;

/** Input is fed to the inflater this many bytes at a time, so one piece can grow to at most ~1 MB before the count stops it. */
const inflateChunk = 1024;

const prefix = 'v1.';

export async function encodeShare(state: ShareState): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(state));
  const deflated = await new Response(new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer();
  return prefix + toBase64Url(new Uint8Array(deflated));
}

/** `fragment` is the address's hash without its '#'. */
export async function decodeShare(fragment: string): Promise<DecodedShare> {
  const version = /^v(\d+)\./.exec(fragment);
  if (!version) return { ok: false, problem: 'corrupt' };
  if (version[1] !== '1') return { ok: false, problem: 'unknown-version' };
  if (fragment.length > shareLimits.fragment) return { ok: false, problem: 'too-large' };
  const bytes = fromBase64Url(fragment.slice(prefix.length));
  if (!bytes) return { ok: false, problem: 'corrupt' };
  const inflated = await inflate(bytes, shareLimits.json);
  if (inflated === 'too-large' || inflated === 'corrupt') return { ok: false, problem: inflated };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch {
    return { ok: false, problem: 'not-a-state' };
  }
  return isShareStateV1(json) ? { ok: true, state: json } : { ok: false, problem: 'not-a-state' };
}

/** Inflates at most `cap` bytes; past that it stops reading and says so. */
async function inflate(bytes: Uint8Array, cap: number): Promise<Uint8Array | 'too-large' | 'corrupt'> {
  let offset = 0;
  const source = new ReadableStream<BufferSource>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + inflateChunk));
      offset += inflateChunk;
    },
  });
  const reader = source.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  try {
    return await readCapped(reader, cap);
  } catch {
    // Cut short, tampered with, or not deflate at all.
    return 'corrupt';
  }
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its bytes as arguments.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}
