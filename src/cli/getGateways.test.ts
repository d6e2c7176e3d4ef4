// `packetwalk get -o json` as a process: the Gateway API's objects with the status their
// controller writes, so a learner sees what `kubectl get gateway,httproute -o yaml` would show.
import { describe, expect, it } from 'vitest';
import { runProcess as run } from './runCli';

interface Condition {
  type: string;
  status: string;
  reason: string;
}
interface Got {
  gateways: {
    metadata: { name: string };
    status: {
      addresses: { value: string }[];
      conditions: Condition[];
      listeners: { name: string; attachedRoutes: number; conditions: Condition[] }[];
    };
  }[];
  httpRoutes: {
    metadata: { namespace: string; name: string };
    status: { parents: { parentRef: { name: string }; conditions: Condition[] }[] };
  }[];
}

const reasons = (cs: Condition[]) => cs.map((c) => `${c.type}=${c.status}/${c.reason}`);

describe('packetwalk get -o json', () => {
  it("lists each Gateway with its address, conditions and listeners' attachedRoutes, and each HTTPRoute's per-parent conditions", () => {
    const { code, out } = run(['get', '-f', 'public/scenarios/gateway-hostnames.yaml', '-o', 'json']);
    expect(code).toBe(0);
    const got = JSON.parse(out) as Got;
    const [shared] = got.gateways;
    expect(shared?.metadata.name).toBe('shared');
    expect(shared?.status.addresses).toEqual([{ type: 'IPAddress', value: '192.168.1.240' }]);
    expect(reasons(shared!.status.conditions)).toEqual(['Accepted=True/Accepted', 'Programmed=True/Programmed']);
    // blog names no hostname of the listener, so only shop is attached.
    expect(shared?.status.listeners.map((l) => [l.name, l.attachedRoutes])).toEqual([['http', 1]]);
    const routes = Object.fromEntries(
      got.httpRoutes.map((r) => [`${r.metadata.namespace}/${r.metadata.name}`, r.status.parents.map((p) => reasons(p.conditions))]),
    );
    expect(routes).toEqual({
      'web/shop': [['Accepted=True/Accepted', 'ResolvedRefs=False/RefNotPermitted']],
      'web/blog': [['Accepted=False/NoMatchingListenerHostname', 'ResolvedRefs=True/ResolvedRefs']],
    });
  });

  it('lists no Gateways and no HTTPRoutes for a cluster without them', () => {
    const got = JSON.parse(run(['get', '-f', 'public/scenarios/hostnames.yaml', '-o', 'json']).out) as Got;
    expect(got.gateways).toEqual([]);
    expect(got.httpRoutes).toEqual([]);
  });
});
