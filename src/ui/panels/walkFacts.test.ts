import { describe, expect, it } from 'vitest';
import { openingSpec, scenarioModel, scenarioTrace } from '../../../e2e/fixtures/scenario';
import { walkFacts } from './walkFacts';

/** The etp-local scenario's Service, walked from the LAN client to a node's NodePort under both policies. */
function walks(nodeIP: string) {
  const local = scenarioModel('etp-local');
  const spec = openingSpec(local)!;
  if (spec.to.kind !== 'ip') throw new Error('expected an IP target');
  const to = { ...spec.to, ip: nodeIP };
  const svc = local.state.services.find((s) => s.spec.type === 'NodePort' || s.spec.type === 'LoadBalancer')!;
  const key = `${svc.metadata.namespace ?? 'default'}/${svc.metadata.name}`;
  const cluster = scenarioModel('etp-local', { externalTrafficPolicy: { [key]: 'Cluster' } });
  return { local: walkFacts(scenarioTrace(local, { ...spec, to })), cluster: walkFacts(scenarioTrace(cluster, { ...spec, to })) };
}

describe('walkFacts', () => {
  it('Cluster on a node without the pod: SNAT, an overlay hop, and the pod sees a node address, not the client', () => {
    const { cluster } = walks('192.168.1.12');
    expect(cluster.result).toBe('delivered');
    expect(cluster.entry).toBe('worker-2');
    expect(cluster.snatOn).toBe('worker-2');
    expect(cluster.forwarded).toEqual({ from: 'worker-2', to: 'worker-1' });
    expect(cluster.seenSource).not.toBe(cluster.client);
  });

  it('Local on that node: dropped there, no pod sees anything', () => {
    const { local } = walks('192.168.1.12');
    expect(local.result).toBe('dropped');
    expect(local.seenSource).toBeUndefined();
    expect(local.snatOn).toBeUndefined();
  });

  it('Local on the node with the pod: the client address reaches the pod, no SNAT', () => {
    const { local } = walks('192.168.1.11');
    expect(local.result).toBe('delivered');
    expect(local.seenSource).toBe(local.client);
    expect(local.snatOn).toBeUndefined();
    expect(local.forwarded).toBeUndefined();
  });
});
