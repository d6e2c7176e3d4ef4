// Decision tables for MetalLB's controller (v0.15.3): controller/service.go convergeBalancer and
// internal/allocator. Each case says which upstream test or code path it mirrors.

import { describe, expect, it } from 'vitest';
import { deriveModel } from '../model';
import { l2Pool, lbService, run } from './testFixtures';

const POOL = l2Pool('pool', ['192.168.1.240-192.168.1.250']);

describe('which address a Service gets', () => {
  it('takes the first free address of the range, Services in document order (getIPFromCIDR)', () => {
    const r = run(POOL + lbService('b') + lbService('a') + lbService('c'));
    expect([r.ip('b'), r.ip('a'), r.ip('c')]).toEqual(['192.168.1.240', '192.168.1.241', '192.168.1.242']);
    expect(r.eventsOf('b')[0]).toEqual({ type: 'Normal', reason: 'IPAllocated', params: { ips: '["192.168.1.240"]' } });
    const svc = r.services.find((s) => s.metadata.name === 'a')!;
    expect(svc.metadata.annotations?.['metallb.io/ip-allocated-from-pool']).toBe('pool');
  });

  it('hands out the network address of a CIDR unless avoidBuggyIPs (TestBuggyIPs)', () => {
    // The upstream test: four /31 pools, two avoiding .0/.255; six addresses exist, the seventh Service fails.
    const pools = [
      l2Pool('test', ['1.2.3.0/31']),
      l2Pool('test2', ['1.2.3.254/31']),
      l2Pool('test3', ['1.2.4.0/31'], '  avoidBuggyIPs: true\n'),
      l2Pool('test4', ['1.2.4.254/31'], '  avoidBuggyIPs: true\n'),
    ].join('');
    const names = ['s1', 's2', 's3', 's4', 's5', 's6', 's7'];
    const r = run(pools + names.map((n) => lbService(n)).join(''));
    expect(names.map((n) => r.ip(n))).toEqual(['1.2.3.0', '1.2.3.1', '1.2.3.254', '1.2.3.255', '1.2.4.1', '1.2.4.254', '<pending>']);
    expect(r.eventsOf('s7')).toEqual([
      { type: 'Warning', reason: 'AllocationFailed', params: { service: '"default/s7"', reason: 'no available IPs' } },
    ]);
  });

  it('skips .0 and .255 across a range with avoidBuggyIPs', () => {
    const r = run(l2Pool('p', ['192.168.1.255-192.168.2.1'], '  avoidBuggyIPs: true\n') + lbService('a') + lbService('b'));
    expect([r.ip('a'), r.ip('b')]).toEqual(['192.168.2.1', '<pending>']);
  });

  it.each([
    ['spec.loadBalancerIP in the pool', { spec: '  loadBalancerIP: 192.168.1.245\n' }, '192.168.1.245', undefined],
    [
      'the metallb.io/loadBalancerIPs annotation',
      { annotations: { 'metallb.io/loadBalancerIPs': '192.168.1.246' } },
      '192.168.1.246',
      undefined,
    ],
    [
      'the deprecated metallb.universe.tf annotation',
      { annotations: { 'metallb.universe.tf/loadBalancerIPs': '192.168.1.247' } },
      '192.168.1.247',
      undefined,
    ],
    ['an address outside every pool', { spec: '  loadBalancerIP: 10.1.1.1\n' }, '<pending>', '["10.1.1.1"] is not allowed in config'],
    [
      'both the annotation and spec.loadBalancerIP',
      { annotations: { 'metallb.io/loadBalancerIPs': '192.168.1.246' }, spec: '  loadBalancerIP: 192.168.1.245\n' },
      '<pending>',
      'service can not have both metallb.io/loadBalancerIPs and svc.Spec.LoadBalancerIP',
    ],
    ['an unknown pool', { annotations: { 'metallb.io/address-pool': 'nope' } }, '<pending>', 'unknown pool "nope"'],
    ['the pool by annotation', { annotations: { 'metallb.io/address-pool': 'pool' } }, '192.168.1.240', undefined],
  ])('honours %s (allocateIPs)', (_, opts, ip, failure) => {
    const r = run(POOL + lbService('svc', opts));
    expect(r.ip('svc')).toBe(ip);
    const failed = r.eventsOf('svc').find((e) => e.reason === 'AllocationFailed');
    expect(failed?.params.reason).toBe(failure);
  });

  it('uses an autoAssign: false pool only when asked (TestAutoAssign)', () => {
    const manual = l2Pool('manual', ['10.0.0.0/30'], '  autoAssign: false\n');
    const r = run(
      manual +
        lbService('auto') +
        lbService('asked', { annotations: { 'metallb.io/address-pool': 'manual' } }) +
        lbService('byip', { spec: '  loadBalancerIP: 10.0.0.3\n' }),
    );
    expect([r.ip('auto'), r.ip('asked'), r.ip('byip')]).toEqual(['<pending>', '10.0.0.0', '10.0.0.3']);
    expect(r.eventsOf('auto')[0].params.reason).toBe('no available IPs');
  });

  it('leaves a Service <pending> when its pool is exhausted, with MetalLB’s odd message for a requested pool', () => {
    const small = l2Pool('small', ['192.168.1.240/31']);
    const r = run(
      small + lbService('a') + lbService('b') + lbService('c') + lbService('d', { annotations: { 'metallb.io/address-pool': 'small' } }),
    );
    expect([r.ip('a'), r.ip('b'), r.ip('c'), r.ip('d')]).toEqual(['192.168.1.240', '192.168.1.241', '<pending>', '<pending>']);
    expect(r.eventsOf('c')[0].params.reason).toBe('no available IPs');
    // selectIPsForFamilyAndPolicy returns a nil IP for an empty pool, which Assign then rejects.
    expect(r.eventsOf('d')[0].params.reason).toBe('["<nil>"] is not allowed in config');
    expect(r.diagnostics.some((d) => d.code === 'metallb.allocationFailed' && d.params.service === 'default/c')).toBe(true);
  });

  it('ignores Services of another loadBalancerClass and non-LoadBalancers', () => {
    const r = run(POOL + lbService('other', { spec: '  loadBalancerClass: example.com/lb\n' }) + lbService('mine'));
    expect([r.ip('other'), r.ip('mine')]).toEqual(['<pending>', '192.168.1.240']);
    expect(r.eventsOf('other')).toEqual([]);
  });

  it('leaves everything <pending>, without events, when there is no pool', () => {
    const r = run(lbService('svc'));
    expect(r.ip('svc')).toBe('<pending>');
    expect(r.events).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toContain('metallb.noPools');
  });
});

describe('keeping addresses stable (reprocessAll: assigned Services first)', () => {
  const withStatus = (name: string, ip: string) =>
    lbService(name).replace(/---\n$/, `status: {loadBalancer: {ingress: [{ip: ${ip}}]}}\n---\n`);

  it('keeps an existing assignment and never gives it to a new Service', () => {
    const r = run(POOL + lbService('aaa-new') + withStatus('zzz-old', '192.168.1.240'));
    expect([r.ip('zzz-old'), r.ip('aaa-new')]).toEqual(['192.168.1.240', '192.168.1.241']);
    expect(r.eventsOf('zzz-old')).toEqual([expect.objectContaining({ reason: 'nodeAssigned' })]); // no new IPAllocated
  });

  it('with a pool too small for all: the dumped assignments first, then creation (document) order, the last ones pending', () => {
    const small = l2Pool('small', ['192.168.1.240-192.168.1.242']);
    const r = run(small + lbService('zeta') + lbService('alpha') + withStatus('old', '192.168.1.241') + lbService('mid'));
    expect(['old', 'zeta', 'alpha', 'mid'].map((n) => r.ip(n))).toEqual(['192.168.1.241', '192.168.1.240', '192.168.1.242', '<pending>']);
    expect(r.eventsOf('mid')).toEqual([
      { type: 'Warning', reason: 'AllocationFailed', params: { service: '"default/mid"', reason: 'no available IPs' } },
    ]);
  });

  it('across files, in the order they were applied (kubectl apply -f a.yaml -f b.yaml)', () => {
    const small = l2Pool('small', ['192.168.1.240/32']);
    const model = deriveModel([
      { name: 'z-first.yaml', text: small + lbService('zzz') },
      { name: 'a-second.yaml', text: lbService('aaa') },
    ]);
    const ip = (name: string) => model.state.services.find((s) => s.metadata.name === name)?.status.loadBalancer.ingress?.[0]?.ip;
    expect([ip('zzz'), ip('aaa')]).toEqual(['192.168.1.240', undefined]);
  });

  it('moves an assignment the configuration no longer allows (ClearAssignment)', () => {
    const r = run(POOL + withStatus('moved', '10.9.9.9'));
    expect(r.ip('moved')).toBe('192.168.1.240');
    expect(r.eventsOf('moved').slice(0, 2)).toEqual([
      {
        type: 'Normal',
        reason: 'ClearAssignment',
        params: { service: '"default/moved"', reason: '["10.9.9.9"] is not allowed in config' },
      },
      { type: 'Normal', reason: 'IPAllocated', params: { ips: '["192.168.1.240"]' } },
    ]);
  });
});

describe('serviceAllocation: pools pinned to namespaces and Services', () => {
  const pinned = (name: string, range: string, alloc: string) => l2Pool(name, [range], `  serviceAllocation:\n${alloc}`);

  it('prefers the lowest priority number, then pools without priority, then the auto-assign pools (sortPools)', () => {
    const yaml =
      POOL +
      pinned('p-none', '10.0.3.0/24', '    namespaces: [team]\n') +
      pinned('p20', '10.0.2.0/24', '    priority: 20\n    namespaces: [team]\n') +
      pinned('p10', '10.0.1.0/24', '    priority: 10\n    namespaces: [team]\n') +
      lbService('a', { namespace: 'team' }) +
      lbService('b') +
      lbService('c', { namespace: 'team', spec: '  loadBalancerIP: 10.0.2.9\n' });
    const r = run(yaml);
    expect(r.ip('a', 'team')).toBe('10.0.1.0');
    // A pool with serviceAllocation is never used for other namespaces, even as a fallback.
    expect(r.ip('b')).toBe('192.168.1.240');
    expect(r.ip('c', 'team')).toBe('10.0.2.9');
  });

  it('matches serviceSelectors and namespaceSelectors, and refuses a requested IP from a pool for others', () => {
    const yaml =
      POOL +
      pinned('team-pool', '10.0.1.0/24', '    serviceSelectors: [{matchLabels: {team: metallb}}]\n') +
      pinned('ns-pool', '10.0.5.0/24', '    namespaceSelectors: [{matchLabels: {kubernetes.io/metadata.name: blue}}]\n') +
      lbService('labelled', { labels: { team: 'metallb' } }) +
      lbService('blue-svc', { namespace: 'blue' }) +
      lbService('intruder', { spec: '  loadBalancerIP: 10.0.5.7\n' });
    const r = run(yaml);
    expect(r.ip('labelled')).toBe('10.0.1.0');
    expect(r.ip('blue-svc', 'blue')).toBe('10.0.5.0');
    expect(r.ip('intruder')).toBe('<pending>');
    expect(r.eventsOf('intruder')[0].params.reason).toBe('pool ns-pool not compatible for ip assignment');
  });

  it('says when MetalLB would have picked among equal pools at random', () => {
    const r = run(l2Pool('b-pool', ['10.0.2.0/24']) + l2Pool('a-pool', ['10.0.1.0/24']) + lbService('svc'));
    expect(r.ip('svc')).toBe('10.0.1.0');
    expect(r.diagnostics.find((d) => d.code === 'metallb.poolTie')?.params).toMatchObject({ pool: 'a-pool', others: 'b-pool' });
  });
});

describe('sharing an address (metallb.io/allow-shared-ip)', () => {
  const share = (name: string, ports: string, extra: Record<string, string> = {}, spec = '') =>
    lbService(name, { ports, annotations: { 'metallb.io/allow-shared-ip': 'k', ...extra }, spec });

  it('puts Services with the same key and different ports on one address', () => {
    const r = run(POOL + share('dns-tcp', '[{port: 53, protocol: TCP}]') + share('dns-udp', '[{port: 53, protocol: UDP}]'));
    expect([r.ip('dns-tcp'), r.ip('dns-udp')]).toEqual(['192.168.1.240', '192.168.1.240']);
  });

  it('moves to the next address when a port is taken, and refuses it when that address is requested', () => {
    const r = run(
      POOL +
        share('a', '[{port: 80}]') +
        share('b', '[{port: 80}]') +
        share('c', '[{port: 80}]', { 'metallb.io/loadBalancerIPs': '192.168.1.240' }),
    );
    expect([r.ip('a'), r.ip('b'), r.ip('c')]).toEqual(['192.168.1.240', '192.168.1.241', '<pending>']);
    expect(r.eventsOf('c')[0].params.reason).toBe('port TCP/80 is already in use on "192.168.1.240"');
  });

  it('does not share without the same key, nor for externalTrafficPolicy Local with different selectors', () => {
    const r = run(
      POOL +
        lbService('a-plain', { ports: '[{port: 80}]' }) +
        share('keyed', '[{port: 81}]', { 'metallb.io/loadBalancerIPs': '192.168.1.240' }) +
        share('local1', '[{port: 82}]', {}, '  externalTrafficPolicy: Local\n') +
        share('local2', '[{port: 83}]', {}, '  externalTrafficPolicy: Local\n'),
    );
    expect(r.eventsOf('keyed')[0].params.reason).toBe(
      'can\'t change sharing key for "default/keyed", address also in use by default/a-plain',
    );
    // local1 and local2 select different pods (app=local1 vs app=local2): different backend keys.
    expect(r.ip('local1')).not.toBe(r.ip('local2'));
    const said = r.diagnostics.filter((d) => d.code === 'metallb.sharing.selectorsDiffer');
    expect(said.map((d) => d.params)).toEqual([{ service: 'default/local2', other: 'default/local1', key: 'k' }]);
  });

  it('shares for externalTrafficPolicy Local when the selectors are identical (the backend key)', () => {
    const local = '  externalTrafficPolicy: Local\n';
    const sameSelector = (name: string, port: number) =>
      lbService(name, {
        ports: `[{port: ${port}}]`,
        annotations: { 'metallb.io/allow-shared-ip': 'k' },
        spec: local,
        backend: false,
      }).replace(`selector: {app: ${name}}`, 'selector: {tier: web, app: shop}');
    const r = run(POOL + sameSelector('http', 80) + sameSelector('https', 443));
    expect([r.ip('http'), r.ip('https')]).toEqual(['192.168.1.240', '192.168.1.240']);
    expect(r.diagnostics.map((d) => d.code)).not.toContain('metallb.sharing.selectorsDiffer');
  });
});
