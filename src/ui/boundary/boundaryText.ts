// The words of a failed part's message. They must show whatever else has failed: when the
// language's catalogue never arrived (offline, a failed chunk) or translating throws, the English
// text built in here is shown rather than a bare key or nothing.

import { boundaryEn } from '../../i18n/catalog/boundary';
import { catalogueLoaded, t, type Locale } from '../../i18n/i18n';

export type BoundaryKey = keyof typeof boundaryEn;

export function boundaryText(locale: Locale, key: BoundaryKey): string {
  try {
    if (catalogueLoaded(locale, 'player')) return t(locale, key);
  } catch (err) {
    console.error('PacketWalk: could not translate the message of a failed part', err);
  }
  return boundaryEn[key];
}

/** The most of an error's message the details show: a message may echo a long value from the text. */
const detailChars = 500;

/** What went wrong, as text for the details: the error's message, cut short when long. */
export function errorDetail(error: unknown): string {
  let text: string;
  try {
    text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    // A thrown object whose conversion to text throws too.
    text = Object.prototype.toString.call(error);
  }
  return text.length > detailChars ? `${text.slice(0, detailChars)}…` : text;
}
