import { describe, expect, it } from 'vitest';
import { iptablesRestore } from './iptablesRestore';
import { clusterState, node, service, slice } from './testFixtures';

describe('IPv6 family of a dual-stack node', () => {
  const state = clusterState({
    nodes: [node('worker-1', '192.168.1.11', 'fd00:192:168:1::11')],
    proxy: { clusterCIDR: '10.244.0.0/16,fd00:10:244::/56' },
    services: [
      service('default', 'web', {
        type: 'NodePort',
        clusterIP: '10.96.0.80',
        clusterIPs: ['10.96.0.80', 'fd00:10:96::80'],
        ipFamilies: ['IPv4', 'IPv6'],
        ipFamilyPolicy: 'PreferDualStack',
        ports: [{ protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30080 }],
      }),
      service('default', 'v4only', { clusterIP: '10.96.0.81', ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }] }),
    ],
    endpointSlices: [
      slice('default', 'web', [{ ip: '10.244.1.5', node: 'worker-1' }], [{ port: 8080 }], 'IPv4', 'web-v4'),
      slice('default', 'web', [{ ip: 'FD00:10:244:1:0:0:0:5', node: 'worker-1' }], [{ port: 8080 }], 'IPv6', 'web-v6'),
    ],
  });
  const v6 = iptablesRestore(state, 'worker-1', 6);

  it('uses the IPv6 cluster IP, pod CIDR and endpoints, printed canonically with brackets', () => {
    expect(v6).toContain(
      '-m comment --comment "default/web cluster IP" -m tcp -p tcp -d fd00:10:96::80 --dport 80 ! -s fd00:10:244::/56 -j KUBE-MARK-MASQ\n',
    );
    expect(v6).toMatch(/-s fd00:10:244:1::5 -j KUBE-MARK-MASQ\n/);
    expect(v6).toMatch(/-j DNAT --to-destination \[fd00:10:244:1::5\]:8080\n/);
    expect(v6).toContain('"default/web -> [fd00:10:244:1::5]:8080"');
  });

  it('skips single-stack IPv4 Services', () => {
    expect(v6).not.toContain('v4only');
  });

  it('has no localhost NodePorts: no KUBE-FIREWALL, no 127.0.0.0/8 rule, ::1 excluded', () => {
    expect(v6).not.toContain('KUBE-FIREWALL');
    expect(v6).not.toContain('127.0.0.0/8');
    expect(v6).toContain('-m addrtype --dst-type LOCAL ! -d ::1/128 -j KUBE-NODEPORTS\n');
  });

  it('keeps the IPv4 side unchanged by the IPv6 addresses', () => {
    const v4 = iptablesRestore(state, 'worker-1', 4);
    expect(v4).not.toMatch(/fd00/);
    expect(v4).toContain('-d 10.96.0.81 --dport 80');
  });
});
