import { describe, expect, it } from 'vitest';
import type { ClusterState, NodeHost } from '../../cluster/types';
import { clusterState, node, service, slice } from '../testFixtures';
import { ipvsVirtualServers, kubeIpvs0Addresses } from './index';
import type { VirtualServer } from './types';

const nodes = [node('worker-1', '192.168.1.11'), node('worker-2', '192.168.1.12')];
const dests = (v: VirtualServer | undefined): string[] => (v?.realServers ?? []).map((r) => `${r.address}:${r.port}`);
const find = (state: ClusterState, nodeName: string, at: string): VirtualServer | undefined =>
  ipvsVirtualServers(state, nodeName).find((v) => `${v.protocol} ${v.address}:${v.port}` === at);

// The API server allocates a nodePort only for NodePort and LoadBalancer Services.
const web = (spec: Parameters<typeof service>[2], lbIPs: string[] = []) => {
  const nodePort = spec.type === 'NodePort' || spec.type === 'LoadBalancer' ? { nodePort: 30080 } : {};
  return service(
    'default',
    'web',
    { clusterIP: '10.96.0.80', ports: [{ protocol: 'TCP', port: 80, targetPort: 8080, ...nodePort }], ...spec },
    lbIPs,
  );
};
const webPods = slice(
  'default',
  'web',
  [
    { ip: '10.244.1.5', node: 'worker-1' },
    { ip: '10.244.2.5', node: 'worker-2' },
  ],
  [{ port: 8080 }],
);

describe('NodePort with externalTrafficPolicy', () => {
  it('Cluster: every node address gets a virtual server with all the pods', () => {
    const state = clusterState({ nodes, services: [web({ type: 'NodePort' })], endpointSlices: [webPods] });
    expect(dests(find(state, 'worker-1', 'TCP 192.168.1.11:30080'))).toEqual(['10.244.1.5:8080', '10.244.2.5:8080']);
  });

  it("Local: the NodePort keeps only this node's pod, the ClusterIP keeps all", () => {
    const state = clusterState({ nodes, services: [web({ type: 'NodePort', externalTrafficPolicy: 'Local' })], endpointSlices: [webPods] });
    expect(dests(find(state, 'worker-1', 'TCP 192.168.1.11:30080'))).toEqual(['10.244.1.5:8080']);
    expect(dests(find(state, 'worker-2', 'TCP 192.168.1.12:30080'))).toEqual(['10.244.2.5:8080']);
    expect(dests(find(state, 'worker-1', 'TCP 10.96.0.80:80'))).toEqual(['10.244.1.5:8080', '10.244.2.5:8080']);
  });

  it('Local on a node without a local pod: IPVS falls back to every pod (kubernetes#97081), unlike iptables mode', () => {
    const onlyW2 = slice('default', 'web', [{ ip: '10.244.2.5', node: 'worker-2' }], [{ port: 8080 }]);
    const state = clusterState({ nodes, services: [web({ type: 'NodePort', externalTrafficPolicy: 'Local' })], endpointSlices: [onlyW2] });
    expect(dests(find(state, 'worker-1', 'TCP 192.168.1.11:30080'))).toEqual(['10.244.2.5:8080']);
  });

  it('listens on every address of the node: its NIC, cni0 and flannel.1, never loopback', () => {
    const host: NodeHost = {
      name: 'worker-1',
      nic: { name: 'eth0', ip: '192.168.1.11', mac: '52:54:00:00:00:11' },
      cni0: { ip: '10.244.1.1', mac: '0a:58:0a:f4:01:01', cidr: '10.244.1.0/24' },
      vtep: { name: 'flannel.1', ip: '10.244.1.0', mac: '6a:00:00:00:01:00' },
    };
    const state = {
      ...clusterState({ nodes, services: [web({ type: 'NodePort' })], endpointSlices: [webPods] }),
      hosts: { 'worker-1': host },
    };
    const nodePorts = ipvsVirtualServers(state, 'worker-1')
      .filter((v) => v.role === 'nodePort')
      .map((v) => v.address);
    expect(nodePorts.sort()).toEqual(['10.244.1.0', '10.244.1.1', '192.168.1.11']);
  });

  it('honours nodePortAddresses', () => {
    const state = clusterState({
      nodes: [node('worker-1', '192.168.1.11', '10.0.0.11')],
      proxy: { nodePortAddresses: ['10.0.0.0/8'] },
      services: [web({ type: 'NodePort' })],
      endpointSlices: [webPods],
    });
    expect(
      ipvsVirtualServers(state, 'worker-1')
        .filter((v) => v.role === 'nodePort')
        .map((v) => v.address),
    ).toEqual(['10.0.0.11']);
  });
});

describe('virtual server settings', () => {
  it('sessionAffinity ClientIP makes every virtual server of the Service persistent (10800 s by default)', () => {
    const state = clusterState({ nodes, services: [web({ type: 'NodePort', sessionAffinity: 'ClientIP' })], endpointSlices: [webPods] });
    const timeouts = ipvsVirtualServers(state, 'worker-1').map((v) => v.persistentTimeout);
    expect(timeouts).toEqual([10800, 10800]);
  });

  it('uses the timeout from sessionAffinityConfig', () => {
    const spec = { sessionAffinity: 'ClientIP' as const, sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } };
    const state = clusterState({ nodes, services: [web(spec)], endpointSlices: [webPods] });
    expect(find(state, 'worker-1', 'TCP 10.96.0.80:80')?.persistentTimeout).toBe(60);
  });

  it('takes the scheduler from ipvs.scheduler, rr by default', () => {
    const rr = clusterState({ nodes, services: [web({})], endpointSlices: [webPods] });
    const lc = clusterState({ nodes, services: [web({})], endpointSlices: [webPods], proxy: { ipvsScheduler: 'lc' } });
    expect(find(rr, 'worker-1', 'TCP 10.96.0.80:80')?.scheduler).toBe('rr');
    expect(find(lc, 'worker-1', 'TCP 10.96.0.80:80')?.scheduler).toBe('lc');
  });

  it('keeps a virtual server with no real servers for a Service without endpoints', () => {
    const state = clusterState({ nodes, services: [web({})] });
    const v = find(state, 'worker-1', 'TCP 10.96.0.80:80');
    expect(v).toBeDefined();
    expect(v?.realServers).toEqual([]);
  });

  it('leaves out endpoints that are not ready, but drains to serving terminating ones when none is', () => {
    const mixed = slice(
      'default',
      'web',
      [
        { ip: '10.244.1.5', node: 'worker-1', conditions: { ready: false, serving: false, terminating: false } },
        { ip: '10.244.2.5', node: 'worker-2' },
      ],
      [{ port: 8080 }],
    );
    const draining = slice(
      'default',
      'web',
      [{ ip: '10.244.1.5', node: 'worker-1', conditions: { ready: false, serving: true, terminating: true } }],
      [{ port: 8080 }],
    );
    expect(dests(find(clusterState({ nodes, services: [web({})], endpointSlices: [mixed] }), 'worker-1', 'TCP 10.96.0.80:80'))).toEqual([
      '10.244.2.5:8080',
    ]);
    expect(dests(find(clusterState({ nodes, services: [web({})], endpointSlices: [draining] }), 'worker-1', 'TCP 10.96.0.80:80'))).toEqual([
      '10.244.1.5:8080',
    ]);
  });

  it("internalTrafficPolicy Local: the ClusterIP serves only this node's pods, and none where there are none", () => {
    const onlyW2 = slice('default', 'web', [{ ip: '10.244.2.5', node: 'worker-2' }], [{ port: 8080 }]);
    const state = clusterState({ nodes, services: [web({ internalTrafficPolicy: 'Local' })], endpointSlices: [onlyW2] });
    expect(dests(find(state, 'worker-2', 'TCP 10.96.0.80:80'))).toEqual(['10.244.2.5:8080']);
    expect(dests(find(state, 'worker-1', 'TCP 10.96.0.80:80'))).toEqual([]);
  });

  it('gives headless and ExternalName Services no virtual server', () => {
    const state = clusterState({
      nodes,
      services: [
        service('default', 'db', { clusterIP: 'None', ports: [{ protocol: 'TCP', port: 5432, targetPort: 5432 }] }),
        service('default', 'ext', { type: 'ExternalName', externalName: 'example.com', ports: [] }),
      ],
    });
    expect(ipvsVirtualServers(state, 'worker-1')).toEqual([]);
  });
});

describe('kube-ipvs0', () => {
  it('carries ClusterIPs, externalIPs and LB IPs, but not an address the node already has', () => {
    const state = clusterState({
      nodes,
      services: [web({ type: 'LoadBalancer', externalIPs: ['192.168.1.50', '192.168.1.11'] }, ['192.168.1.240'])],
      endpointSlices: [webPods],
    });
    expect(kubeIpvs0Addresses(state, 'worker-1')).toEqual(['10.96.0.80', '192.168.1.50', '192.168.1.240']);
    // The address is not bound, but the virtual server still exists.
    expect(find(state, 'worker-1', 'TCP 192.168.1.11:80')?.role).toBe('externalIP');
  });

  it('holds both families on a dual-stack node, IPv4 first', () => {
    const state = clusterState({
      nodes: [node('worker-1', '192.168.1.11', 'fd00:192:168:1::11')],
      services: [web({ clusterIPs: ['10.96.0.80', 'fd00:10:96::80'] })],
    });
    expect(kubeIpvs0Addresses(state, 'worker-1')).toEqual(['10.96.0.80', 'fd00:10:96::80']);
    expect(ipvsVirtualServers(state, 'worker-1').map((v) => v.family)).toEqual([4, 6]);
  });
});
