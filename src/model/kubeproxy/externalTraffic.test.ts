// NodePort, LoadBalancer, externalIPs, traffic policies and affinity.
import { describe, expect, it } from 'vitest';
import { iptablesRestore } from './iptablesRestore';
import { serviceChains } from './chainNames';
import { clusterState, node, service, slice } from './testFixtures';

const nodes = [node('worker-1', '192.168.1.11'), node('worker-2', '192.168.1.12')];
const web = serviceChains('default/web', 'tcp');
const webPort = [{ protocol: 'TCP' as const, port: 80, targetPort: 8080, nodePort: 30080 }];
const endpoints = slice(
  'default',
  'web',
  [
    { ip: '10.244.1.5', node: 'worker-1' },
    { ip: '10.244.2.5', node: 'worker-2' },
  ],
  [{ port: 8080 }],
);
const rulesOf = (text: string, chain: string): string[] =>
  text
    .split('\n')
    .filter((l) => l.startsWith(`-A ${chain} `))
    .map((l) => l.slice(chain.length + 4));

describe('NodePort, externalTrafficPolicy Cluster', () => {
  const state = clusterState({
    nodes,
    services: [service('default', 'web', { type: 'NodePort', clusterIP: '10.96.0.80', ports: webPort })],
    endpointSlices: [endpoints],
  });
  const out = iptablesRestore(state, 'worker-1');

  it('sends the NodePort (and localhost NodePort) to KUBE-EXT, which masquerades then goes to KUBE-SVC', () => {
    expect(rulesOf(out, 'KUBE-NODEPORTS')).toEqual([
      `-m comment --comment default/web -m tcp -p tcp -d 127.0.0.0/8 --dport 30080 -m nfacct --nfacct-name localhost_nps_accepted_pkts -j ${web.external}`,
      `-m comment --comment default/web -m tcp -p tcp --dport 30080 -j ${web.external}`,
    ]);
    expect(rulesOf(out, web.external)).toEqual([
      '-m comment --comment "masquerade traffic for default/web external destinations" -j KUBE-MARK-MASQ',
      `-j ${web.cluster}`,
    ]);
    expect(out).not.toContain('KUBE-SVL-');
  });

  it('without localhostNodePorts: no localnet firewall, and loopback excluded from KUBE-NODEPORTS', () => {
    const off = iptablesRestore(
      clusterState({ ...state, proxy: { localhostNodePorts: false }, nodes, services: state.services, endpointSlices: [endpoints] }),
      'worker-1',
    );
    expect(off).not.toContain('KUBE-FIREWALL');
    expect(off).not.toContain('127.0.0.0/8 --dport');
    expect(off).toContain('-m addrtype --dst-type LOCAL ! -d 127.0.0.0/8 -j KUBE-NODEPORTS\n');
  });

  it('with nodePortAddresses, jumps to KUBE-NODEPORTS per matching node address', () => {
    const only = iptablesRestore(
      clusterState({ nodes, proxy: { nodePortAddresses: ['192.168.1.0/24'] }, services: state.services, endpointSlices: [endpoints] }),
      'worker-1',
    );
    expect(only).toContain(
      '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -d 192.168.1.11 -j KUBE-NODEPORTS\n',
    );
    expect(only).not.toContain('addrtype --dst-type LOCAL -j KUBE-NODEPORTS');
    // 127.0.0.1 is not in the list, so localhost NodePorts are off.
    expect(only).not.toContain('KUBE-FIREWALL');
  });
});

describe('externalTrafficPolicy Local', () => {
  const lb = service(
    'default',
    'web',
    { type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 32000, clusterIP: '10.96.0.80', ports: webPort },
    ['192.168.1.240'],
  );
  const onlyOnWorker2 = slice('default', 'web', [{ ip: '10.244.2.5', node: 'worker-2' }], [{ port: 8080 }]);

  it('on a node with a local endpoint: KUBE-EXT keeps the client IP and goes to KUBE-SVL (local endpoints only)', () => {
    const out = iptablesRestore(clusterState({ nodes, services: [lb], endpointSlices: [endpoints] }), 'worker-1');
    expect(rulesOf(out, web.external)).toEqual([
      `-m comment --comment "pod traffic for default/web external destinations" -s 10.244.0.0/16 -j ${web.cluster}`,
      '-m comment --comment "masquerade LOCAL traffic for default/web external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ',
      `-m comment --comment "route LOCAL traffic for default/web external destinations" -m addrtype --src-type LOCAL -j ${web.cluster}`,
      `-j ${web.local}`,
    ]);
    expect(rulesOf(out, web.local)).toEqual([
      expect.stringMatching(/^-m comment --comment "default\/web -> 10\.244\.1\.5:8080" -j KUBE-SEP-\w+$/),
    ]);
    expect(out).toContain(
      '-A KUBE-SERVICES -m comment --comment "default/web loadbalancer IP" -m tcp -p tcp -d 192.168.1.240 --dport 80 -j ' + web.external,
    );
    expect(out).toContain(
      '-A KUBE-NODEPORTS -m comment --comment "default/web health check node port" -m tcp -p tcp --dport 32000 -j ACCEPT\n',
    );
  });

  it('on a node without one: external traffic is DROPped in filter, pods and the node still short-circuit to KUBE-SVC', () => {
    const out = iptablesRestore(clusterState({ nodes, services: [lb], endpointSlices: [onlyOnWorker2] }), 'worker-1');
    expect(rulesOf(out, 'KUBE-EXTERNAL-SERVICES')).toEqual([
      '-m comment --comment "default/web has no local endpoints" -m tcp -p tcp -d 192.168.1.240 --dport 80 -j DROP',
      '-m comment --comment "default/web has no local endpoints" -m addrtype --dst-type LOCAL -m tcp -p tcp --dport 30080 -j DROP',
    ]);
    expect(rulesOf(out, web.external).at(-1)).toContain('--src-type LOCAL -j ' + web.cluster);
    expect(out).not.toContain(web.local);
    // The health check port stays open so the load balancer can see "no endpoints here".
    expect(out).toContain('--dport 32000 -j ACCEPT');
  });
});

describe('loadBalancerSourceRanges', () => {
  const lb = (ranges: string[]) =>
    service('default', 'web', { type: 'LoadBalancer', clusterIP: '10.96.0.80', ports: webPort, loadBalancerSourceRanges: ranges }, [
      '192.168.1.240',
    ]);

  it('routes LB traffic through KUBE-FW, lets listed sources on, and drops the rest in KUBE-PROXY-FIREWALL', () => {
    const out = iptablesRestore(clusterState({ nodes, services: [lb(['203.0.113.7/24'])], endpointSlices: [endpoints] }), 'worker-1');
    expect(rulesOf(out, web.firewall)).toEqual([
      `-m comment --comment "default/web loadbalancer IP" -s 203.0.113.0/24 -j ${web.external}`,
      '-m comment --comment "other traffic to default/web will be dropped by KUBE-PROXY-FIREWALL"',
    ]);
    expect(rulesOf(out, 'KUBE-PROXY-FIREWALL')).toEqual([
      `-m comment --comment "default/web traffic not accepted by ${web.firewall}" -m tcp -p tcp -d 192.168.1.240 --dport 80 -j DROP`,
    ]);
  });

  it('also accepts the VIP itself as source when the node is inside a range', () => {
    const out = iptablesRestore(clusterState({ nodes, services: [lb(['192.168.1.0/24'])], endpointSlices: [endpoints] }), 'worker-1');
    expect(rulesOf(out, web.firewall)[1]).toBe(`-m comment --comment "default/web loadbalancer IP" -s 192.168.1.240 -j ${web.external}`);
  });
});

describe('externalIPs', () => {
  it('capture the external IP into KUBE-EXT, and REJECT it in KUBE-EXTERNAL-SERVICES when there are no endpoints', () => {
    const svc = service('default', 'web', {
      clusterIP: '10.96.0.80',
      externalIPs: ['192.168.1.50'],
      ports: [{ protocol: 'TCP', port: 80, targetPort: 8080 }],
    });
    const out = iptablesRestore(clusterState({ nodes, services: [svc], endpointSlices: [endpoints] }), 'worker-1');
    expect(out).toContain(
      `-A KUBE-SERVICES -m comment --comment "default/web external IP" -m tcp -p tcp -d 192.168.1.50 --dport 80 -j ${web.external}\n`,
    );
    const none = iptablesRestore(clusterState({ nodes, services: [svc] }), 'worker-1');
    expect(rulesOf(none, 'KUBE-EXTERNAL-SERVICES')).toEqual([
      '-m comment --comment "default/web has no endpoints" -m tcp -p tcp -d 192.168.1.50 --dport 80 -j REJECT',
    ]);
  });
});

describe('sessionAffinity ClientIP', () => {
  it('checks the recent list of every endpoint before the random cascade, and sets it on DNAT', () => {
    const svc = service('default', 'web', {
      clusterIP: '10.96.0.80',
      ports: [{ protocol: 'TCP', port: 80, targetPort: 8080 }],
      sessionAffinity: 'ClientIP',
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 600 } },
    });
    const out = iptablesRestore(clusterState({ nodes, services: [svc], endpointSlices: [endpoints] }), 'worker-1');
    const svcRules = rulesOf(out, web.cluster);
    expect(svcRules).toHaveLength(5);
    expect(svcRules[1]).toMatch(
      /^-m comment --comment "default\/web -> 10\.244\.1\.5:8080" -m recent --name (KUBE-SEP-\w+) --rcheck --seconds 600 --reap -j \1$/,
    );
    expect(svcRules[3]).toContain('--probability 0.5000000000');
    expect(out).toMatch(/-m recent --name (KUBE-SEP-\w+) --set -m tcp -p tcp -j DNAT --to-destination 10\.244\.1\.5:8080/);
  });

  it('defaults the timeout to 10800 seconds', () => {
    const svc = service('default', 'web', {
      clusterIP: '10.96.0.80',
      ports: [{ protocol: 'TCP', port: 80, targetPort: 8080 }],
      sessionAffinity: 'ClientIP',
    });
    expect(iptablesRestore(clusterState({ nodes, services: [svc], endpointSlices: [endpoints] }), 'worker-1')).toContain(
      '--seconds 10800 --reap',
    );
  });
});

describe('internalTrafficPolicy Local', () => {
  const svc = service('default', 'web', {
    clusterIP: '10.96.0.80',
    internalTrafficPolicy: 'Local',
    ports: [{ protocol: 'TCP', port: 80, targetPort: 8080 }],
  });

  it("sends the ClusterIP to KUBE-SVL with only this node's endpoints", () => {
    const out = iptablesRestore(clusterState({ nodes, services: [svc], endpointSlices: [endpoints] }), 'worker-2');
    expect(out).toContain(`--dport 80 -j ${web.local}\n`);
    expect(rulesOf(out, web.local).filter((r) => r.includes('->'))).toEqual([expect.stringContaining('default/web -> 10.244.2.5:8080')]);
    expect(out).not.toContain(`:${web.cluster}`);
  });

  it('DROPs the ClusterIP on a node without a local endpoint', () => {
    const out = iptablesRestore(
      clusterState({ nodes: [...nodes, node('worker-3', '192.168.1.13')], services: [svc], endpointSlices: [endpoints] }),
      'worker-3',
    );
    const [filter, nat] = out.split('*nat');
    expect(rulesOf(filter, 'KUBE-SERVICES')).toEqual([
      '-m comment --comment "default/web has no local endpoints" -m tcp -p tcp -d 10.96.0.80 --dport 80 -j DROP',
    ]);
    expect(nat).not.toContain('10.96.0.80');
  });
});
