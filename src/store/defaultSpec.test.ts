import { describe, expect, it } from 'vitest';
import { fixtureCluster } from '../../e2e/fixtures/cluster';
import { defaultSpec, parseTarget, serviceTargets, sourceExists } from './defaultSpec';

const state = fixtureCluster();

describe('defaultSpec', () => {
  it("sends from a pod that is not behind the Service to the learner's own Service", () => {
    expect(defaultSpec(state)).toEqual({
      from: { kind: 'pod', namespace: 'default', name: 'client-5d8b7c6f4-h7j2k' },
      to: { kind: 'ip', ip: '10.96.140.18', port: 80, proto: 'tcp' },
    });
  });

  it('has nothing to send without a Service', () => {
    expect(defaultSpec({ ...state, services: [] })).toBeNull();
  });
});

describe('serviceTargets', () => {
  it("offers the learner's Services before the built-in ones, with their protocol", () => {
    const targets = serviceTargets(state);
    expect(targets[0]).toEqual({ service: 'default/hostnames', ip: '10.96.140.18', port: 80, proto: 'tcp' });
    expect(targets).toContainEqual({ service: 'kube-system/kube-dns', ip: '10.96.0.10', port: 53, proto: 'udp' });
  });
});

describe('parseTarget', () => {
  it('reads IP:port and takes the protocol from the Service port it names', () => {
    expect(parseTarget('10.96.0.10:53', state)).toEqual({ kind: 'ip', ip: '10.96.0.10', port: 53, proto: 'udp' });
    expect(parseTarget(' 10.244.2.3:9376 ', state)).toEqual({ kind: 'ip', ip: '10.244.2.3', port: 9376, proto: 'tcp' });
  });

  it('refuses what is not an IP:port', () => {
    for (const bad of ['10.96.0.10', 'hostnames:80', '10.96.0.10:0', '10.96.0.10:70000', '10.96.0.256:80', ''])
      expect(parseTarget(bad, state)).toBeUndefined();
  });
});

describe('sourceExists', () => {
  it('knows which pods and nodes are in the cluster', () => {
    expect(sourceExists(state, { kind: 'pod', namespace: 'default', name: 'client-5d8b7c6f4-h7j2k' })).toBe(true);
    expect(sourceExists(state, { kind: 'pod', namespace: 'default', name: 'gone' })).toBe(false);
    expect(sourceExists(state, { kind: 'node', name: 'worker-2' })).toBe(true);
  });
});
