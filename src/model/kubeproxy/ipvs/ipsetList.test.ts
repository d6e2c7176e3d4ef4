import { describe, expect, it } from 'vitest';
import { clusterState, node, service, slice } from '../testFixtures';
import { ipsetList, ipvsIpSets } from './index';
import { familySetName } from './ipsets';

const nodes = [node('worker-1', '192.168.1.11'), node('worker-2', '192.168.1.12')];
const state = clusterState({
  nodes,
  services: [
    service('default', 'hostnames', { clusterIP: '10.96.123.45', ports: [{ protocol: 'TCP', port: 80, targetPort: 9376 }] }),
    service('kube-system', 'kube-dns', {
      clusterIP: '10.96.0.10',
      ports: [
        { name: 'dns', protocol: 'UDP', port: 53, targetPort: 53 },
        { name: 'dns-tcp', protocol: 'TCP', port: 53, targetPort: 53 },
      ],
    }),
    service(
      'default',
      'web',
      {
        type: 'LoadBalancer',
        externalTrafficPolicy: 'Local',
        healthCheckNodePort: 32000,
        clusterIP: '10.96.0.80',
        ports: [{ protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30080 }],
        loadBalancerSourceRanges: ['192.168.1.0/24'],
      },
      ['192.168.1.240'],
    ),
    service('default', 'udp', {
      type: 'NodePort',
      clusterIP: '10.96.0.53',
      ports: [{ protocol: 'UDP', port: 5353, targetPort: 5353, nodePort: 30053 }],
    }),
  ],
  endpointSlices: [
    slice(
      'default',
      'hostnames',
      [
        { ip: '10.244.1.2', node: 'worker-1' },
        { ip: '10.244.2.2', node: 'worker-2' },
      ],
      [{ port: 9376 }],
    ),
    slice('default', 'web', [{ ip: '10.244.1.5', node: 'worker-1' }], [{ port: 8080 }]),
  ],
});
const members = (name: string): string[] => ipvsIpSets(state, 'worker-1').find((s) => s.name === name)?.members ?? [];

describe('ipset entries', () => {
  it('KUBE-CLUSTER-IP holds every ClusterIP,proto:port', () => {
    expect(members('KUBE-CLUSTER-IP')).toEqual([
      '10.96.0.10,tcp:53',
      '10.96.0.10,udp:53',
      '10.96.0.53,udp:5353',
      '10.96.0.80,tcp:80',
      '10.96.123.45,tcp:80',
    ]);
  });

  it("KUBE-LOOP-BACK holds only this node's endpoints, ip,proto:port,ip", () => {
    expect(members('KUBE-LOOP-BACK')).toEqual(['10.244.1.2,tcp:9376,10.244.1.2', '10.244.1.5,tcp:8080,10.244.1.5']);
    expect(ipvsIpSets(state, 'worker-2').find((s) => s.name === 'KUBE-LOOP-BACK')?.members).toEqual(['10.244.2.2,tcp:9376,10.244.2.2']);
  });

  it('NodePorts go to the bitmap:port sets by protocol, ETP Local ones to the Local set too', () => {
    expect(members('KUBE-NODE-PORT-TCP')).toEqual(['30080']);
    expect(members('KUBE-NODE-PORT-LOCAL-TCP')).toEqual(['30080']);
    expect(members('KUBE-NODE-PORT-UDP')).toEqual(['30053']);
    expect(members('KUBE-NODE-PORT-LOCAL-UDP')).toEqual([]);
    expect(members('KUBE-HEALTH-CHECK-NODE-PORT')).toEqual(['32000']);
  });

  it('LB IPs with source ranges fill the firewall sets; the node is let in when a range covers it', () => {
    expect(members('KUBE-LOAD-BALANCER')).toEqual(['192.168.1.240,tcp:80']);
    expect(members('KUBE-LOAD-BALANCER-LOCAL')).toEqual(['192.168.1.240,tcp:80']);
    expect(members('KUBE-LOAD-BALANCER-FW')).toEqual(['192.168.1.240,tcp:80']);
    expect(members('KUBE-LOAD-BALANCER-SOURCE-CIDR')).toEqual(['192.168.1.240,tcp:80,192.168.1.0/24']);
    expect(members('KUBE-LOAD-BALANCER-SOURCE-IP')).toEqual(['192.168.1.240,tcp:80,192.168.1.240']);
  });

  it('KUBE-IPVS-IPS holds what is bound to kube-ipvs0', () => {
    expect(members('KUBE-IPVS-IPS')).toEqual(['10.96.0.10', '10.96.0.53', '10.96.0.80', '10.96.123.45', '192.168.1.240']);
  });

  it("names the IPv6 sets KUBE-6-…, cut to ipset's 31 characters", () => {
    expect(familySetName('KUBE-CLUSTER-IP', 6)).toBe('KUBE-6-CLUSTER-IP');
    expect(familySetName('KUBE-LOAD-BALANCER-SOURCE-CIDR', 6)).toBe('KUBE-6-LOAD-BALANCER-SOURCE-CID');
    expect(familySetName('KUBE-NODE-PORT-LOCAL-SCTP-HASH', 6)).toBe('KUBE-6-NODE-PORT-LOCAL-SCTP-HAS');
  });
});

describe('ipsetList', () => {
  const text = ipsetList(state, 'worker-1');
  const block = (name: string): string => text.split('\n\n').find((b) => b.startsWith(`Name: ${name}\n`)) ?? '';

  it("prints each set as ipset list does, with the rule references kube-proxy's iptables rules hold", () => {
    expect(block('KUBE-CLUSTER-IP').replace(/initval 0x[0-9a-f]{8}/, 'initval X')).toBe(
      [
        'Name: KUBE-CLUSTER-IP',
        'Type: hash:ip,port',
        'Revision: 7',
        'Header: family inet hashsize 1024 maxelem 65536 bucketsize 12 initval X',
        'Size in memory: 456',
        'References: 3',
        'Number of entries: 5',
        'Members:',
        '10.96.0.10,tcp:53',
        '10.96.0.10,udp:53',
        '10.96.0.53,udp:5353',
        '10.96.0.80,tcp:80',
        '10.96.123.45,tcp:80',
      ].join('\n'),
    );
  });

  it('prints bitmap:port sets with their port range and ports in ascending order', () => {
    expect(block('KUBE-NODE-PORT-TCP')).toBe(
      [
        'Name: KUBE-NODE-PORT-TCP',
        'Type: bitmap:port',
        'Revision: 3',
        'Header: range 0-65535',
        'Size in memory: 8264',
        'References: 1',
        'Number of entries: 1',
        'Members:',
        '30080',
      ].join('\n'),
    );
  });

  it('lists all seventeen sets, empty ones too, and ends with a newline', () => {
    expect(text.match(/^Name: /gm)).toHaveLength(17);
    expect(block('KUBE-EXTERNAL-IP')).toContain('Number of entries: 0\nMembers:');
    expect(text.endsWith('\n')).toBe(true);
  });
});
