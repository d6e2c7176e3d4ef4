import { describe, expect, it } from 'vitest';
import { scenarioModel, scenarioTrace } from '../../../e2e/fixtures/scenario';
import { deriveModel, walkPacket } from '../../model';
import { announcementOf } from './announcement';

const fromClient = (id: string, ip: string, port: number) =>
  scenarioTrace(scenarioModel(id), { from: { kind: 'client' }, to: { kind: 'ip', ip, port, proto: 'tcp' } });

describe('announcementOf', () => {
  it('names the MetalLB layer-2 speaker that answered ARP for the LoadBalancer IP', () => {
    const trace = fromClient('metallb-l2', '192.168.1.240', 80);
    expect(announcementOf(trace)).toEqual({ kind: 'layer2', node: trace.outcome.announcer });
  });

  it('names the BGP next hop the router chose', () => {
    const trace = fromClient('metallb-bgp', '10.10.10.1', 80);
    expect(announcementOf(trace)).toEqual({ kind: 'bgp', node: trace.outcome.announcer });
  });

  it('names the node a load balancer outside the model picked, not a BGP next hop (its hop is drawn at the router too)', () => {
    const yaml = [
      'apiVersion: v1',
      'kind: Service',
      'metadata: {name: web, namespace: default}',
      'spec: {type: LoadBalancer, selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}',
      'status: {loadBalancer: {ingress: [{ip: 203.0.113.9}]}}',
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web, namespace: default}',
      'spec: {replicas: 2, selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: nginx}]}}}',
    ].join('\n');
    const model = deriveModel([{ name: 'lb.yaml', text: yaml }]);
    const trace = walkPacket(model, { from: { kind: 'client' }, to: { kind: 'ip', ip: '203.0.113.9', port: 80, proto: 'tcp' } });
    expect(trace.outcome.result).toBe('delivered');
    expect(announcementOf(trace)).toEqual({ kind: 'externalLb', node: trace.outcome.announcer });
  });

  it('says nothing when a node answers ARP for its own address (a NodePort)', () => {
    const trace = fromClient('nodeport', '192.168.1.11', 30080);
    expect(trace.outcome.announcer).toBeDefined();
    expect(announcementOf(trace)).toBeUndefined();
  });

  it('says nothing for a walk from a pod', () => {
    expect(announcementOf(scenarioTrace(scenarioModel('hostnames')))).toBeUndefined();
  });
});
