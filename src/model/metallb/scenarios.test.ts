// The gallery scenarios load cleanly and show what they promise.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './testFixtures';

const scenario = (name: string) => readFileSync(join(__dirname, '../../../public/scenarios', name), 'utf8');

describe('gallery scenarios', () => {
  it('metallb-l2.yaml: nginx gets 192.168.1.240, announced by one worker', () => {
    const r = run(scenario('metallb-l2.yaml'));
    expect([...r.parseDiagnostics, ...r.diagnostics]).toEqual([]);
    expect(r.ip('nginx')).toBe('192.168.1.240');
    expect(r.announcements).toEqual([
      expect.objectContaining({
        service: 'default/nginx',
        ip: '192.168.1.240',
        protocol: 'layer2',
        nodes: ['worker-2'],
        candidates: ['worker-2', 'worker-1'],
      }),
    ]);
    const failover = run(scenario('metallb-l2.yaml'), { downNodes: ['worker-2'] });
    expect(failover.failovers).toEqual([expect.objectContaining({ from: 'worker-2', to: 'worker-1' })]);
  });

  it('metallb-bgp.yaml: one /24 route with both workers as ECMP next hops', () => {
    const r = run(scenario('metallb-bgp.yaml'));
    expect([...r.parseDiagnostics, ...r.diagnostics]).toEqual([]);
    expect(r.ip('web')).toBe('10.10.10.1'); // avoidBuggyIPs skips 10.10.10.0
    expect(r.routers[0].routes).toEqual([
      expect.objectContaining({
        prefix: '10.10.10.0/24',
        communities: ['64500:100'],
        nextHops: [expect.objectContaining({ node: 'worker-1' }), expect.objectContaining({ node: 'worker-2' })],
      }),
    ]);
  });
});
