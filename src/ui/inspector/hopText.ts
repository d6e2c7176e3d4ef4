// A key hop in a few words, from the headers of its key step.

import { t, type Locale } from '../../i18n/i18n';
import type { Headers, Step } from '../../model';
import type { KeyHop } from './keyHops';
import { shortWhereText } from './where';

const dst = (h: Headers) => `${h.dst}:${h.dport}`;
const src = (h: Headers) => `${h.src}:${h.sport}`;

export function hopText(locale: Locale, hop: KeyHop, steps: Step[]): string {
  const s = steps[hop.steps[0]];
  const where = shortWhereText(locale, s.at);
  const { after } = s;
  switch (hop.kind) {
    case 'send': {
      // From the LAN client: the node that answered ARP is where the frame goes.
      const lan = hop.steps.map((i) => steps[i]).find((step) => step.at.element === 'wire' && step.at.node);
      return lan
        ? t(locale, 'ui.hop.sendArp', { from: where, to: dst(after), node: lan.at.node ?? '' })
        : t(locale, 'ui.hop.send', { from: where, to: dst(after) });
    }
    case 'query':
      return t(locale, `ui.hop.${hop.kind}`, { from: where, to: dst(after) });
    case 'dnat':
    case 'unSnat':
      return t(locale, `ui.hop.${hop.kind}`, { where, to: dst(after) });
    case 'snat':
    case 'unDnat':
      return t(locale, `ui.hop.${hop.kind}`, { where, to: src(after) });
    case 'router':
      return t(locale, 'ui.hop.router', { node: steps[hop.steps[0] + 1]?.at.node ?? '' });
    case 'encap':
      return t(locale, 'ui.hop.encap', { to: after.outer?.dst ?? '' });
    case 'reply':
      return t(locale, 'ui.hop.reply', { from: where });
    default:
      return t(locale, `ui.hop.${hop.kind}`, { where });
  }
}
