// The walk to a LoadBalancer address a load balancer outside the model assigned (a dump's
// status, no MetalLB): that load balancer sends the packet to a node that passes its health
// check, and kube-proxy's rules on that node take it from there.

import { describe, expect, it } from 'vitest';
import { deriveModel, walkPacket, type DeriveOptions, type Model } from '../index';

const service = (policy: 'Cluster' | 'Local', ingress = '{ip: 203.0.113.9}') => `apiVersion: v1
kind: Service
metadata: {name: web, namespace: default}
spec:
  type: LoadBalancer
  externalTrafficPolicy: ${policy}
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
status:
  loadBalancer:
    ingress: [${ingress}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: default}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
`;
const derive = (text: string, options: DeriveOptions = {}): Model => deriveModel([{ name: 'dump.yaml', text }], options);
const rules = (m: Model, node: string) => m.dataplane.iptablesRestore(node) ?? '';
const fromClient = (m: Model, seed = 1) =>
  walkPacket(m, { from: { kind: 'client' }, to: { kind: 'ip', ip: '203.0.113.9', port: 80, proto: 'tcp' }, seed });

describe('an address a load balancer outside the model holds', () => {
  it('kube-proxy writes its load-balancer rules for it on every node', () => {
    const m = derive(service('Cluster'));
    for (const node of ['worker-1', 'worker-2'])
      expect(rules(m, node)).toContain('-m comment --comment "default/web loadbalancer IP" -m tcp -p tcp -d 203.0.113.9 --dport 80');
  });

  it('is reached from the LAN: the load balancer sends the packet unchanged to a healthy node (never the excluded control plane)', () => {
    const m = derive(service('Cluster'));
    const picked = new Set<string>();
    for (let seed = 1; seed <= 12; seed++) {
      const trace = fromClient(m, seed);
      const hop = trace.steps.find((s) => s.externalLb)!;
      expect(hop.explain.key).toBe('explain.externalLb.cluster');
      expect(hop.externalLb).toMatchObject({ service: 'default/web', ip: '203.0.113.9', nodes: ['worker-1', 'worker-2'] });
      expect(hop.after.dst).toBe('203.0.113.9');
      expect(trace.outcome).toMatchObject({ result: 'delivered', service: 'default/web', announcer: hop.externalLb!.node });
      picked.add(hop.externalLb!.node!);
    }
    // Connections spread over the healthy nodes.
    expect([...picked].sort()).toEqual(['worker-1', 'worker-2']);
  });

  it('with externalTrafficPolicy Local, goes only to the node with the endpoint, and the pod sees the client', () => {
    const m = derive(service('Local'));
    const podNode = m.state.pods.find((p) => p.metadata.name.startsWith('web-'))!.spec.nodeName;
    for (let seed = 1; seed <= 6; seed++) {
      const trace = fromClient(m, seed);
      const hop = trace.steps.find((s) => s.externalLb)!;
      expect(hop.externalLb).toMatchObject({ nodes: [podNode], node: podNode });
      expect(trace.outcome).toMatchObject({ result: 'delivered', node: podNode });
      const delivered = trace.steps.find((s) => s.explain.key === 'explain.deliver.pod')!;
      expect(delivered.after.src).toBe(trace.steps[0]!.after.src);
    }
  });

  it('stops, saying why, when no node passes the health check', () => {
    const m = derive(service('Cluster'), { downNodes: ['worker-1', 'worker-2'] });
    const trace = fromClient(m);
    expect(trace.steps.at(-1)!.explain.key).toBe('explain.externalLb.noNode');
    expect(trace.outcome).toMatchObject({ result: 'dropped', reason: { key: 'explain.outcome.externalLb' } });
  });

  it('ipMode Proxy: no kube-proxy rule for the address, and the walk says the load balancer connects on its own', () => {
    const m = derive(service('Cluster', '{ip: 203.0.113.9, ipMode: Proxy}'));
    expect(rules(m, 'worker-1')).not.toContain('203.0.113.9');
    const trace = fromClient(m);
    expect(trace.steps.at(-1)!.explain.key).toBe('explain.externalLb.proxy');
  });
});
