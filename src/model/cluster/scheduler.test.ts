import { describe, expect, it } from 'vitest';
import type { Node } from '../manifest/types';
import { failedSchedulingMessage, Spreader, tolerates, unfitReason } from './scheduler';

const node = (name: string, extra: Partial<Node['spec']> = {}, labels: Record<string, string> = {}): Node => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels },
  spec: extra,
  status: {},
});
const cp = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const };

describe('taints and tolerations', () => {
  it('matches tolerations as the API defines them', () => {
    expect(tolerates({ operator: 'Exists' }, cp)).toBe(true);
    expect(tolerates({ key: cp.key, operator: 'Exists', effect: 'NoExecute' }, cp)).toBe(false);
    expect(tolerates({ key: cp.key, effect: 'NoSchedule' }, cp)).toBe(true); // Equal with empty value
    expect(tolerates({ key: 'dedicated', operator: 'Equal', value: 'gpu' }, { key: 'dedicated', value: 'db', effect: 'NoSchedule' })).toBe(
      false,
    );
  });

  it('reports the first failing filter for a node', () => {
    const spec = { containers: [], nodeSelector: { disk: 'ssd' } };
    expect(unfitReason(spec, node('cp', { taints: [cp] }))).toBe('node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }');
    expect(unfitReason(spec, node('w'))).toBe("node(s) didn't match Pod's node affinity/selector");
    expect(unfitReason(spec, node('w', { unschedulable: true }))).toBe('node(s) were unschedulable');
    expect(unfitReason(spec, node('w', { taints: [{ key: 'soft', effect: 'PreferNoSchedule' }] }, { disk: 'ssd' }))).toBeUndefined();
  });

  it('words FailedScheduling like kube-scheduler', () => {
    const msg = failedSchedulingMessage(
      [
        "node(s) didn't match Pod's node affinity/selector",
        'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }',
        "node(s) didn't match Pod's node affinity/selector",
      ],
      3,
    );
    expect(msg).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
  });
});

describe('spreading', () => {
  const nodes = [node('b'), node('a'), node('c', { taints: [cp] })];
  const spec = { containers: [] };
  const names = (s: Spreader, group: string, n: number) =>
    Array.from({ length: n }, () => s.place(group, spec)).map((p) => ('node' in p ? p.node : p.message));

  it('puts replicas on the least-loaded eligible node, never on a tainted one', () => {
    const placed = names(new Spreader(nodes), 'g', 4);
    expect(placed.filter((n) => n === 'a')).toHaveLength(2);
    expect(placed.filter((n) => n === 'b')).toHaveLength(2);
    expect(placed[0]).not.toBe(placed[1]);
  });

  it('places one workload the same way whatever else is scheduled', () => {
    const alone = names(new Spreader(nodes), 'g', 3);
    const busy = new Spreader(nodes);
    names(busy, 'other', 5);
    expect(names(busy, 'g', 3)).toEqual(alone);
  });

  it('spreads replicas over every node before doubling up, the second round in the order of the first', () => {
    const placed = names(new Spreader(Array.from({ length: 7 }, (_, i) => node(`n${i}`))), 'web', 14);
    expect(new Set(placed.slice(0, 7)).size).toBe(7);
    expect(placed.slice(7)).toEqual(placed.slice(0, 7));
  });

  it('starts different workloads on different nodes instead of piling onto the first', () => {
    const many = new Spreader(Array.from({ length: 10 }, (_, i) => node(`n${i}`)));
    const firsts = new Set(Array.from({ length: 30 }, (_, i) => names(many, `w${i}`, 1)[0]));
    expect(firsts.size).toBeGreaterThan(5);
  });
});
