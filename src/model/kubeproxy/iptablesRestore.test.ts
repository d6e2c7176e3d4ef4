import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { iptablesRestore } from './iptablesRestore';
import { clusterState, node, service, slice } from './testFixtures';
import { goldenBody } from './upstreamTestSort';

const lines = (text: string): string[] => text.split('\n');
const hostnamesPort = [{ protocol: 'TCP' as const, port: 80, targetPort: 9376 }];
const nodes = [node('worker-1', '192.168.1.11'), node('worker-2', '192.168.1.12')];

describe('iptablesRestore, ClusterIP', () => {
  const hostnames = clusterState({
    nodes,
    services: [service('default', 'hostnames', { clusterIP: '10.96.123.45', ports: hostnamesPort })],
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

  it('writes the seed hostnames Service exactly (filter then nat, kube-proxy order)', () => {
    const golden = goldenBody(readFileSync(new URL('./testdata/hostnames-worker-1.txt', import.meta.url), 'utf8'));
    expect(iptablesRestore(hostnames, 'worker-1')).toBe(golden);
  });

  it('orders endpoints by ip:port string and spreads them 1/3, 1/2, rest', () => {
    const svc = lines(iptablesRestore(hostnames, 'worker-1')).filter((l) => l.startsWith('-A KUBE-SVC-') && l.includes('->'));
    expect(svc.map((l) => /-> (\S+)"/.exec(l)?.[1])).toEqual(['10.244.1.2:9376', '10.244.2.2:9376', '10.244.2.3:9376']);
    expect(svc.map((l) => /--probability (\S+)/.exec(l)?.[1] ?? 'last')).toEqual(['0.3333333333', '0.5000000000', 'last']);
  });

  it('uses the same cluster-wide rules on every node for ClusterIP (locality does not matter)', () => {
    expect(iptablesRestore(hostnames, 'worker-2')).toBe(iptablesRestore(hostnames, 'worker-1'));
  });

  it('cascades 5 endpoints with probabilities 1/5 .. 1/2', () => {
    const ips = ['10.244.1.5', '10.244.1.6', '10.244.1.7', '10.244.1.8', '10.244.1.9'];
    const state = clusterState({
      services: [service('default', 'web', { clusterIP: '10.96.0.50', ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }] })],
      endpointSlices: [slice('default', 'web', ips, [{ port: 80 }])],
    });
    const probs = lines(iptablesRestore(state, 'worker-1')).flatMap((l) => /--probability (\S+)/.exec(l)?.slice(1) ?? []);
    expect(probs).toEqual(['0.2000000000', '0.2500000000', '0.3333333333', '0.5000000000']);
  });

  it('REJECTs in the filter table when a Service has no endpoints, and writes no nat chain for it', () => {
    const state = clusterState({
      services: [
        service('default', 'lonely', { clusterIP: '10.96.0.77', ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 }] }),
      ],
    });
    const out = iptablesRestore(state, 'worker-1');
    expect(out).toContain(
      '-A KUBE-SERVICES -m comment --comment "default/lonely:http has no endpoints" -m tcp -p tcp -d 10.96.0.77 --dport 80 -j REJECT\n',
    );
    expect(out).not.toMatch(/KUBE-SVC-|KUBE-SEP-/);
  });

  it('treats not-ready endpoints as absent, but falls back to serving terminating ones', () => {
    const notReady = { ready: false, serving: false, terminating: false };
    const draining = { ready: false, serving: true, terminating: true };
    const svc = service('default', 'web', { clusterIP: '10.96.0.50', ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }] });
    const onlyNotReady = clusterState({
      services: [svc],
      endpointSlices: [slice('default', 'web', [{ ip: '10.244.1.5', conditions: notReady }], [{ port: 80 }])],
    });
    expect(iptablesRestore(onlyNotReady, 'worker-1')).toContain('has no endpoints');

    const mixed = clusterState({
      services: [svc],
      endpointSlices: [
        slice(
          'default',
          'web',
          [
            { ip: '10.244.1.5', conditions: draining },
            { ip: '10.244.1.6', conditions: draining },
            { ip: '10.244.1.7', conditions: notReady },
          ],
          [{ port: 80 }],
        ),
      ],
    });
    const dnat = lines(iptablesRestore(mixed, 'worker-1')).filter((l) => l.includes('-j DNAT'));
    expect(dnat.map((l) => l.split(' ').at(-1))).toEqual(['10.244.1.5:80', '10.244.1.6:80']);

    const readyWins = clusterState({
      services: [svc],
      endpointSlices: [slice('default', 'web', [{ ip: '10.244.1.5', conditions: draining }, '10.244.1.6'], [{ port: 80 }])],
    });
    expect(
      lines(iptablesRestore(readyWins, 'worker-1'))
        .filter((l) => l.includes('-j DNAT'))
        .map((l) => l.split(' ').at(-1)),
    ).toEqual(['10.244.1.6:80']);
  });

  it('writes one chain set per port, named ports in comments, UDP with -m udp -p udp', () => {
    const state = clusterState({
      services: [
        service('kube-system', 'kube-dns', {
          clusterIP: '10.96.0.10',
          ports: [
            { name: 'dns', protocol: 'UDP', port: 53, targetPort: 53 },
            { name: 'dns-tcp', protocol: 'TCP', port: 53, targetPort: 53 },
            { name: 'metrics', protocol: 'TCP', port: 9153, targetPort: 9153 },
          ],
        }),
      ],
      endpointSlices: [
        slice(
          'kube-system',
          'kube-dns',
          ['10.244.0.2', '10.244.0.3'],
          [
            { name: 'dns', port: 53, protocol: 'UDP' },
            { name: 'dns-tcp', port: 53, protocol: 'TCP' },
            { name: 'metrics', port: 9153, protocol: 'TCP' },
          ],
        ),
      ],
    });
    const out = iptablesRestore(state, 'worker-1');
    expect(out).toContain(
      '-A KUBE-SERVICES -m comment --comment "kube-system/kube-dns:dns cluster IP" -m udp -p udp -d 10.96.0.10 --dport 53 -j KUBE-SVC-TCOU7JCQXEZGVUNU\n',
    );
    expect(out).toContain(
      '-A KUBE-SERVICES -m comment --comment "kube-system/kube-dns:dns-tcp cluster IP" -m tcp -p tcp -d 10.96.0.10 --dport 53 -j KUBE-SVC-ERIFXISQEP7F7OF4\n',
    );
    expect(out).toMatch(
      /-A KUBE-SEP-\w+ -m comment --comment kube-system\/kube-dns:dns -m udp -p udp -j DNAT --to-destination 10\.244\.0\.2:53\n/,
    );
    expect(out.match(/^:KUBE-SVC-/gm)).toHaveLength(3);
    expect(out.match(/^:KUBE-SEP-/gm)).toHaveLength(6);
  });

  it('ignores endpoint ports of another name or protocol and slices of another family', () => {
    const state = clusterState({
      services: [
        service('default', 'web', { clusterIP: '10.96.0.50', ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 80 }] }),
      ],
      endpointSlices: [
        slice('default', 'web', ['10.244.1.5'], [{ name: 'metrics', port: 9090 }]),
        slice('default', 'web', ['fd00:10:244::5'], [{ name: 'http', port: 80 }], 'IPv6', 'web-v6'),
      ],
    });
    expect(iptablesRestore(state, 'worker-1')).toContain('default/web:http has no endpoints');
  });

  it('writes nothing for headless and ExternalName Services', () => {
    const state = clusterState({
      services: [
        service('default', 'db', { clusterIP: 'None', ports: [{ protocol: 'TCP', port: 5432, targetPort: 5432 }] }),
        service('default', 'ext', { type: 'ExternalName', externalName: 'example.com', ports: [] }),
      ],
      endpointSlices: [slice('default', 'db', ['10.244.1.9'], [{ port: 5432 }])],
    });
    expect(iptablesRestore(state, 'worker-1')).toBe(iptablesRestore(clusterState({}), 'worker-1'));
  });

  it('masquerades everything with masqueradeAll, and honours masqueradeBit', () => {
    const state = clusterState({
      proxy: { masqueradeAll: true, masqueradeBit: 15 },
      services: [service('default', 'hostnames', { clusterIP: '10.96.123.45', ports: hostnamesPort })],
      endpointSlices: [slice('default', 'hostnames', ['10.244.1.2'], [{ port: 9376 }])],
    });
    const out = iptablesRestore(state, 'worker-1');
    expect(out).toContain('--dport 80 -j KUBE-MARK-MASQ\n');
    expect(out).not.toContain('! -s 10.244.0.0/16');
    expect(out).toContain('-A KUBE-MARK-MASQ -j MARK --or-mark 0x00008000\n');
  });

  it('drops the per-endpoint comments above 1000 endpoints (large cluster mode)', () => {
    const ips = Array.from({ length: 1001 }, (_, i) => `10.244.${Math.floor(i / 250)}.${(i % 250) + 1}`);
    const state = clusterState({
      services: [service('default', 'big', { clusterIP: '10.96.0.99', ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }] })],
      endpointSlices: [slice('default', 'big', ips, [{ port: 80 }])],
    });
    const out = lines(iptablesRestore(state, 'worker-1'));
    // String order: "10.244.0.100:80" < "10.244.0.1:80" because '0' < ':'.
    expect(out.find((l) => l.startsWith('-A KUBE-SEP-'))).toMatch(/^-A KUBE-SEP-\w+ -s 10\.244\.0\.100 -j KUBE-MARK-MASQ$/);
    expect(out.find((l) => l.includes('--probability'))).toMatch(
      /^-A KUBE-SVC-\w+ -m statistic --mode random --probability 0\.0009990010 -j KUBE-SEP-/,
    );
    // The cluster IP rules keep their comments.
    expect(out).toContain(
      '-A KUBE-SERVICES -m comment --comment "default/big cluster IP" -m tcp -p tcp -d 10.96.0.99 --dport 80 -j ' +
        out.find((l) => l.startsWith(':KUBE-SVC-'))!.slice(1, 26),
    );
  });
});
