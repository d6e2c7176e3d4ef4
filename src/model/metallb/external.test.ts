// A LoadBalancer address MetalLB does not own (issue 11, "a dump is observed state"): without
// MetalLB, or for another loadBalancerClass, the status a dump gives was written by a load
// balancer outside the model and is kept as it is.

import { describe, expect, it } from 'vitest';
import { l2Pool, lbService, run } from './testFixtures';

const withStatus = (name: string, ingress: string, spec = '') =>
  lbService(name, { spec }).replace(/---\n$/, `status: {loadBalancer: {ingress: [${ingress}]}}\n---\n`);

describe('addresses a load balancer outside the model assigned', () => {
  it('keeps a dumped IP when no MetalLB is configured, and says where it came from', () => {
    const r = run(withStatus('web', '{ip: 203.0.113.9}') + lbService('fresh'));
    expect(r.ip('web')).toBe('203.0.113.9');
    expect(r.external).toEqual([{ service: 'default/web', ip: '203.0.113.9', ipMode: 'VIP' }]);
    expect(r.diagnostics.map((d) => [d.code, d.params.service])).toEqual([
      ['metallb.external.kept', 'default/web'],
      // A Service with no status still waits for a load balancer.
      ['metallb.noPools', 'default/fresh'],
    ]);
    expect(r.events).toEqual([]);
  });

  it('keeps an AWS-style hostname, with its own message', () => {
    const r = run(withStatus('elb', '{hostname: a1b2-123.eu-west-1.elb.amazonaws.com}'));
    expect(r.services.find((s) => s.metadata.name === 'elb')?.status.loadBalancer.ingress).toEqual([
      { hostname: 'a1b2-123.eu-west-1.elb.amazonaws.com' },
    ]);
    expect(r.external).toEqual([{ service: 'default/elb', hostname: 'a1b2-123.eu-west-1.elb.amazonaws.com' }]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['metallb.external.hostname']);
  });

  it('keeps the status of a loadBalancerClass MetalLB does not serve, even with MetalLB installed', () => {
    const pool = l2Pool('pool', ['192.168.1.240/30']);
    const r = run(pool + withStatus('cloud', '{ip: 198.51.100.7, ipMode: Proxy}', '  loadBalancerClass: example.com/cloud-lb\n'));
    expect(r.ip('cloud')).toBe('198.51.100.7');
    expect(r.external).toEqual([
      { service: 'default/cloud', ip: '198.51.100.7', ipMode: 'Proxy', loadBalancerClass: 'example.com/cloud-lb' },
    ]);
    expect(r.diagnostics.find((d) => d.code === 'metallb.external.otherClass')?.params).toEqual({
      service: 'default/cloud',
      address: '198.51.100.7',
      class: 'example.com/cloud-lb',
    });
  });

  it('lets MetalLB replace an address outside its pools when it owns the Service (ClearAssignment)', () => {
    const r = run(l2Pool('pool', ['192.168.1.240/30']) + withStatus('web', '{ip: 203.0.113.9}'));
    expect(r.ip('web')).toBe('192.168.1.240');
    expect(r.external).toEqual([]);
    expect(r.eventsOf('web')[0]).toMatchObject({ reason: 'ClearAssignment' });
  });
});
