// A step's location in words.

import { t, type Locale } from '../../i18n/i18n';
import type { Location } from '../../model';

export function whereText(locale: Locale, at: Location): string {
  return t(locale, `ui.where.${at.element}`, { node: at.node ?? '', pod: at.pod ?? '', hook: at.hook ?? '' });
}

/** A step in a few words, for the step list: the node is shown beside it. */
export function shortWhereText(locale: Locale, at: Location): string {
  return t(locale, `ui.short.${at.element}`, { pod: at.pod?.split('/').pop() ?? '', hook: at.hook ?? '' });
}
