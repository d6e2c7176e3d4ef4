import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goldenBody } from '../upstreamTestSort';
import { clusterState, node, service, slice } from '../testFixtures';
import { ipvsadmLn } from './index';
import { formatIpvsadm, glibcMergeSort } from './ipvsadm';
import type { VirtualServer } from './types';

const vs = (protocol: VirtualServer['protocol'], at: string, dests: string[] = []): VirtualServer => {
  const [address, port] = at.split(/:(?=\d+$)/);
  return {
    family: address.includes(':') ? 6 : 4,
    protocol,
    address: address.replace(/^\[|\]$/g, ''),
    port: Number(port),
    scheduler: 'rr',
    schedulerPortFlag: false,
    realServers: dests.map((d) => {
      const [a, p] = d.split(/:(?=\d+$)/);
      return { address: a.replace(/^\[|\]$/g, ''), port: Number(p), weight: 1, forward: 'Masq' };
    }),
    service: 'ns/svc',
    role: 'clusterIP',
  };
};

describe('formatIpvsadm', () => {
  // The node also had a 127.0.0.1:30023 NodePort (kube-proxy v1.33 no longer makes loopback ones).
  // With 10.x, 127.x and 172.x together libipvs' comparator has a cycle (10 < 127 < 172 < 10), so
  // the order then depends on the kernel's hash-table walk; without it the order is unique.
  const golden = goldenBody(readFileSync(new URL('./testdata/real-node-ipvsadm.txt', import.meta.url), 'utf8'));
  const withoutLoopback = golden.replace(
    'TCP  127.0.0.1:30023 rr\n  -> 10.244.36.72:8443            Masq    1      0          0         \n',
    '',
  );
  const dashboard = ['10.244.36.72:8443'];
  const dns = ['10.244.36.73:53', '10.244.169.160:53'];
  // In the order kube-proxy would create them: services by name, ClusterIP first, then NodePorts.
  const table = [
    vs('TCP', '10.96.0.1:443', ['10.10.110.190:6443']),
    vs('TCP', '10.96.0.10:53', dns),
    vs('TCP', '10.96.0.10:9153', ['10.244.36.73:9153', '10.244.169.160:9153']),
    vs('UDP', '10.96.0.10:53', dns),
    vs('TCP', '10.97.105.36:80'),
    vs('TCP', '10.110.221.168:8000', ['10.244.169.159:8000']),
    vs('TCP', '10.98.47.133:443', dashboard),
    vs('TCP', '10.10.110.190:30023', dashboard),
    vs('TCP', '10.244.235.192:30023', dashboard),
    vs('TCP', '172.17.0.1:30023', dashboard),
  ];

  it('prints a real node exactly: columns, blanks, and ipvsadm ordering (172.17.x before 10.x)', () => {
    expect(golden).toContain('TCP  127.0.0.1:30023 rr');
    expect(formatIpvsadm(table)).toBe(withoutLoopback);
  });

  it('gives that order whatever order the kernel lists the services in', () => {
    expect(formatIpvsadm([...table].reverse())).toBe(withoutLoopback);
    const shuffled = table.map((_, i) => table[(i * 7) % table.length]!);
    expect(formatIpvsadm(shuffled)).toBe(withoutLoopback);
  });

  it('prints persistence and the mh scheduler flag after the scheduler', () => {
    const sticky = { ...vs('TCP', '10.96.0.80:80'), persistentTimeout: 10800 };
    const mh = { ...vs('UDP', '10.96.0.10:53'), scheduler: 'mh', schedulerPortFlag: true };
    const lines = formatIpvsadm([sticky, mh]).split('\n');
    expect(lines).toContain('TCP  10.96.0.80:80 rr persistent 10800');
    expect(lines).toContain('UDP  10.96.0.10:53 mh (mh-port)');
  });

  it('lists IPv6 services after IPv4 ones, bracketed, with the destination column growing past 28', () => {
    const text = formatIpvsadm([vs('TCP', '[fd00:10:96::1]:443', ['[fd00:10:244:1::5]:6443']), vs('SCTP', '10.96.0.9:99')]);
    expect(text.split('\n').slice(3, 6)).toEqual([
      'SCTP 10.96.0.9:99 rr',
      'TCP  [fd00:10:96::1]:443 rr',
      '  -> [fd00:10:244:1::5]:6443      Masq    1      0          0         ',
    ]);
  });

  it('sorts like glibc: a merge sort whose result follows the (non-transitive) comparator', () => {
    const wrap = (a: number, b: number): number => (a - b) | 0;
    const big = 0xac110001; // 172.17.0.1
    expect(glibcMergeSort([0x0a000001, big], wrap)).toEqual([big, 0x0a000001]);
    expect(glibcMergeSort([3, 1, 2, 1], (a, b) => a - b)).toEqual([1, 1, 2, 3]);
  });
});

describe('ipvsadmLn for the hostnames Service', () => {
  const state = clusterState({
    nodes: [node('worker-1', '192.168.1.11'), node('worker-2', '192.168.1.12')],
    services: [service('default', 'hostnames', { clusterIP: '10.96.123.45', ports: [{ protocol: 'TCP', port: 80, targetPort: 9376 }] })],
    endpointSlices: [
      slice(
        'default',
        'hostnames',
        [
          { ip: '10.244.2.3', node: 'worker-2' },
          { ip: '10.244.1.2', node: 'worker-1' },
          { ip: '10.244.2.2', node: 'worker-2' },
        ],
        [{ port: 9376 }],
      ),
    ],
  });

  it('is one round-robin virtual server with the three pods as masqueraded real servers', () => {
    expect(ipvsadmLn(state, 'worker-1')).toBe(
      [
        'IP Virtual Server version 1.2.1 (size=4096)',
        'Prot LocalAddress:Port Scheduler Flags',
        '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
        'TCP  10.96.123.45:80 rr',
        '  -> 10.244.1.2:9376              Masq    1      0          0         ',
        '  -> 10.244.2.2:9376              Masq    1      0          0         ',
        '  -> 10.244.2.3:9376              Masq    1      0          0         ',
        '',
      ].join('\n'),
    );
  });

  it('is the same on every node for a ClusterIP Service', () => {
    expect(ipvsadmLn(state, 'worker-2')).toBe(ipvsadmLn(state, 'worker-1'));
  });
});
