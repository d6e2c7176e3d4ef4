import { describe, expect, it } from 'vitest';
import { scenarioModel } from '../../e2e/fixtures/scenario';
import { defaultSpec, serviceTargets, sourceExists } from './defaultSpec';

const state = scenarioModel('hostnames').state;
const clusterIP = (name: string) => state.services.find((s) => s.metadata.name === name)!.spec.clusterIP!;

describe('defaultSpec', () => {
  it("sends from the learner's pod that is not behind the Service to the learner's own Service", () => {
    expect(defaultSpec(state)).toEqual({
      from: { kind: 'pod', namespace: 'default', name: 'client' },
      to: { kind: 'ip', ip: clusterIP('hostnames'), port: 80, proto: 'tcp' },
    });
  });

  it('opens a NodePort scenario without a client pod on a packet from the LAN client to a node', () => {
    const np = scenarioModel('nodeport').state;
    const spec = defaultSpec(np)!;
    expect(spec.from).toEqual({ kind: 'client' });
    expect(spec.to).toMatchObject({ kind: 'ip', port: 30080, proto: 'tcp' });
    expect(Object.values(np.hosts).map((h) => h.nic.ip)).toContain(spec.to.kind === 'ip' ? spec.to.ip : '');
  });

  it("opens on the destination a scenario's comment suggests", () => {
    const ext = scenarioModel('dns-externalname').state;
    expect(defaultSpec(ext, ['orders-db:5432'])?.to).toEqual({ kind: 'name', name: 'orders-db', port: 5432, proto: 'tcp' });
    expect(defaultSpec(ext, ['orders-db:5432'])?.from.kind).toBe('pod');
  });

  it('has nothing to send without a Service', () => {
    expect(defaultSpec({ ...state, services: [] })).toBeNull();
  });
});

describe('serviceTargets', () => {
  it("offers the learner's Services before the built-in ones, with their protocol", () => {
    const targets = serviceTargets(state);
    expect(targets[0]).toEqual({ service: 'default/hostnames', ip: clusterIP('hostnames'), port: 80, proto: 'tcp' });
    expect(targets).toContainEqual({ service: 'kube-system/kube-dns', ip: '10.96.0.10', port: 53, proto: 'udp' });
  });
});

describe('sourceExists', () => {
  it('knows which pods and nodes are in the cluster', () => {
    expect(sourceExists(state, { kind: 'pod', namespace: 'default', name: 'client' })).toBe(true);
    expect(sourceExists(state, { kind: 'pod', namespace: 'default', name: 'gone' })).toBe(false);
    expect(sourceExists(state, { kind: 'node', name: state.nodes[2].metadata.name })).toBe(true);
  });
});
