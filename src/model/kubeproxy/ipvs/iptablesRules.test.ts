import { describe, expect, it } from 'vitest';
import { clusterState, node, service, slice } from '../testFixtures';
import { ipvsIptablesRestore, ipvsJumpRules } from './index';

const nodes = [node('worker-1', '192.168.1.11'), node('worker-2', '192.168.1.12')];
const hostnames = service('default', 'hostnames', { clusterIP: '10.96.123.45', ports: [{ protocol: 'TCP', port: 80, targetPort: 9376 }] });
const hostnamesPods = slice(
  'default',
  'hostnames',
  [
    { ip: '10.244.1.2', node: 'worker-1' },
    { ip: '10.244.2.2', node: 'worker-2' },
  ],
  [{ port: 9376 }],
);
const lines = (text: string): string[] => text.split('\n');

describe('ipvsIptablesRestore', () => {
  it('writes the hostnames node exactly as writeIptablesRules does: *nat then *filter', () => {
    const state = clusterState({ nodes, services: [hostnames], endpointSlices: [hostnamesPods] });
    expect(ipvsIptablesRestore(state, 'worker-1')).toBe(
      [
        '*nat',
        ':KUBE-SERVICES - [0:0]',
        ':KUBE-POSTROUTING - [0:0]',
        ':KUBE-NODE-PORT - [0:0]',
        ':KUBE-LOAD-BALANCER - [0:0]',
        ':KUBE-MARK-MASQ - [0:0]',
        '-A KUBE-SERVICES -s 127.0.0.0/8 -j RETURN',
        '-A KUBE-POSTROUTING -m comment --comment "Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose" -m set --match-set KUBE-LOOP-BACK dst,dst,src -j MASQUERADE',
        '-A KUBE-SERVICES -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ',
        '-A KUBE-SERVICES -m addrtype --dst-type LOCAL -j KUBE-NODE-PORT',
        '-A KUBE-LOAD-BALANCER -j KUBE-MARK-MASQ',
        '-A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT',
        '-A KUBE-POSTROUTING -m mark ! --mark 0x00004000/0x00004000 -j RETURN',
        '-A KUBE-POSTROUTING -j MARK --xor-mark 0x00004000',
        '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
        '-A KUBE-MARK-MASQ -j MARK --or-mark 0x00004000',
        'COMMIT',
        '*filter',
        ':KUBE-FORWARD - [0:0]',
        ':KUBE-NODE-PORT - [0:0]',
        ':KUBE-PROXY-FIREWALL - [0:0]',
        ':KUBE-SOURCE-RANGES-FIREWALL - [0:0]',
        ':KUBE-IPVS-FILTER - [0:0]',
        ':KUBE-IPVS-OUT-FILTER - [0:0]',
        '-A KUBE-SOURCE-RANGES-FIREWALL -j DROP',
        '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x00004000/0x00004000 -j ACCEPT',
        '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
        '-A KUBE-NODE-PORT -m comment --comment "Kubernetes health check node port" -m set --match-set KUBE-HEALTH-CHECK-NODE-PORT dst -j ACCEPT',
        '-A KUBE-IPVS-FILTER -m set --match-set KUBE-LOAD-BALANCER dst,dst -j RETURN',
        '-A KUBE-IPVS-FILTER -m set --match-set KUBE-CLUSTER-IP dst,dst -j RETURN',
        '-A KUBE-IPVS-FILTER -m set --match-set KUBE-EXTERNAL-IP dst,dst -j RETURN',
        '-A KUBE-IPVS-FILTER -m set --match-set KUBE-EXTERNAL-IP-LOCAL dst,dst -j RETURN',
        '-A KUBE-IPVS-FILTER -m set --match-set KUBE-HEALTH-CHECK-NODE-PORT dst -j RETURN',
        '-A KUBE-IPVS-FILTER -m conntrack --ctstate NEW -m set --match-set KUBE-IPVS-IPS dst -j REJECT',
        'COMMIT',
        '',
      ].join('\n'),
    );
  });

  it('masquerades ClusterIP traffic by masqueradeAll, or by source VIP when no local-traffic detector exists', () => {
    const all = clusterState({ nodes, services: [hostnames], proxy: { masqueradeAll: true } });
    expect(lines(ipvsIptablesRestore(all, 'worker-1'))).toContain(
      '-A KUBE-SERVICES -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ',
    );
    const noCIDR = clusterState({ nodes, services: [hostnames], proxy: { clusterCIDR: '' } });
    expect(lines(ipvsIptablesRestore(noCIDR, 'worker-1'))).toContain(
      '-A KUBE-SERVICES -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP src,dst -j KUBE-MARK-MASQ',
    );
  });

  it('accepts externalIP traffic from off the machine and to local addresses', () => {
    const state = clusterState({
      nodes,
      services: [
        service('default', 'web', {
          clusterIP: '10.96.0.80',
          externalIPs: ['192.168.1.50'],
          ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }],
        }),
      ],
    });
    const ext = lines(ipvsIptablesRestore(state, 'worker-1')).filter(
      (l) => l.includes('KUBE-EXTERNAL-IP dst,dst') && l.startsWith('-A KUBE-SERVICES'),
    );
    const prefix =
      '-A KUBE-SERVICES -m comment --comment "Kubernetes service external ip + port for masquerade and filter purpose" -m set --match-set KUBE-EXTERNAL-IP dst,dst';
    expect(ext).toEqual([
      `${prefix} -j KUBE-MARK-MASQ`,
      `${prefix} -m physdev ! --physdev-is-in -m addrtype ! --src-type LOCAL -j ACCEPT`,
      `${prefix} -m addrtype --dst-type LOCAL -j ACCEPT`,
    ]);
  });

  it("drops the node's own connections to an LB VIP its loadBalancerSourceRanges leave out", () => {
    const lb = (ranges: string[]) =>
      clusterState({
        nodes,
        services: [
          service(
            'default',
            'web',
            {
              type: 'LoadBalancer',
              clusterIP: '10.96.0.80',
              loadBalancerSourceRanges: ranges,
              ports: [{ protocol: 'TCP', port: 80, targetPort: 80, nodePort: 30080 }],
            },
            ['192.168.1.240'],
          ),
        ],
      });
    const out = (ranges: string[]) =>
      lines(ipvsIptablesRestore(lb(ranges), 'worker-1')).filter((l) => l.startsWith('-A KUBE-IPVS-OUT-FILTER'));
    expect(out(['10.0.0.0/8'])).toEqual([
      '-A KUBE-IPVS-OUT-FILTER -s 192.168.1.240 -m ipvs --vaddr 192.168.1.240 --vproto tcp --vport 80 -j DROP',
    ]);
    expect(out(['192.168.1.0/24'])).toEqual([]);
  });

  it('uses ::1/128 and the KUBE-6- sets for IPv6', () => {
    const state = clusterState({
      nodes: [node('worker-1', '192.168.1.11', 'fd00::11')],
      proxy: { clusterCIDR: '10.244.0.0/16,fd00:10:244::/56' },
      services: [
        service('default', 'web', {
          clusterIP: '10.96.0.80',
          clusterIPs: ['10.96.0.80', 'fd00:10:96::80'],
          ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }],
        }),
      ],
    });
    const text = lines(ipvsIptablesRestore(state, 'worker-1', 6));
    expect(text).toContain('-A KUBE-SERVICES -s ::1/128 -j RETURN');
    expect(text).toContain(
      '-A KUBE-SERVICES -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-6-CLUSTER-IP dst,dst ! -s fd00:10:244::/56 -j KUBE-MARK-MASQ',
    );
  });
});

describe('ipvsJumpRules', () => {
  it('hooks the chains into the built-in ones, with their comments', () => {
    const inputFilter = ipvsJumpRules().filter((j) => j.table === 'filter' && j.chain === 'INPUT');
    expect(inputFilter.map((j) => j.args.join(' '))).toEqual([
      '-m comment --comment kubernetes health check rules -j KUBE-NODE-PORT',
      '-m comment --comment kube-proxy firewall rules -j KUBE-PROXY-FIREWALL',
      '-m comment --comment kubernetes ipvs access filter -j KUBE-IPVS-FILTER',
    ]);
    expect(ipvsJumpRules().every((j) => j.position === 'insert')).toBe(true);
  });
});
