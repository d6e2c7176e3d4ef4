// `packetwalk ip … route|neigh` and `packetwalk bridge … fdb`: a node's tables as iproute2 prints
// them, from the dataplane the walk reads. The words are iproute2's (`ip route show`, `bridge fdb show`).
import { bridgeFdbText, ipNeighText, ipRouteText, type Model } from '../model';
import { UsageError } from './errors';
import { elide, say } from './messages';

/** What each command shows, by the words iproute2 accepts for it (full names and the usual short ones). */
const objects = {
  ip: { route: ['route', 'r', 'ro'], neigh: ['neigh', 'neighbour', 'neighbor', 'n'] },
  bridge: { fdb: ['fdb'] },
} as const;

export type IpObject = 'route' | 'neigh' | 'fdb';

/** The object the words name (an optional `show` or `list` after it, as iproute2 allows). */
export function ipObject(command: 'ip' | 'bridge', words: readonly string[]): IpObject {
  const known = objects[command];
  const names = Object.keys(known);
  const choices = names.length === 1 ? names[0]! : say('cli.or', { some: names.slice(0, -1).join(', '), last: names.at(-1)! });
  const [word, verb, ...extra] = words;
  if (word === undefined) throw new UsageError(say('cli.usage.needsObject', { command, choices }));
  const found = Object.entries(known).find(([, spellings]) => (spellings as readonly string[]).includes(word));
  if (!found) throw new UsageError(say('cli.usage.object', { command, choices, value: elide(word) }));
  const stray = verb !== undefined && verb !== 'show' && verb !== 'list' ? verb : extra[0];
  if (stray !== undefined) throw new UsageError(say('cli.usage.argument', { command: `${command} ${found[0]}`, value: elide(stray) }));
  return found[0] as IpObject;
}

/** The table `object` names on `node` (a node the model has). */
export function ipTable(model: Model, node: string, object: IpObject): string {
  const dp = model.dataplane.node(node)!;
  if (object === 'route') return ipRouteText(dp.routes);
  if (object === 'neigh') return ipNeighText(model.state, node, dp.neighbours);
  return bridgeFdbText(model.state, node, dp.neighbours);
}
