// The evaluator on worker-1's table of testCluster.ts: where kube-proxy's nftables rules send
// a packet, and what the learner is shown on the way (verdict-map keys, the number drawn).
import { describe, expect, it } from 'vitest';
import type { CtInfo, Packet } from '../../netfilter/types';
import { evalNftHook, type NftDynamicSets, type NftEvalContext, type NftHook, type NftHookResult, type NftRuleVisit } from './eval';
import { nftablesTable } from './sync';
import { featureCluster } from './testCluster';

const NEW: CtInfo = { state: 'NEW', dnat: false, snat: false };
const worker1 = nftablesTable(featureCluster(), 'worker-1');
const worker1v6 = nftablesTable(featureCluster(), 'worker-1', 6);

function packet(src: string, dst: string, dport: number, proto: Packet['proto'] = 'tcp'): Packet {
  return { proto, src, dst, sport: 40000, dport, mark: 0 };
}

function ctx(over: Partial<NftEvalContext> = {}): NftEvalContext {
  return {
    isLocal: (ip) => ip === '192.168.1.11',
    numgen: () => 0,
    outAddress: () => '192.168.1.11',
    ct: NEW,
    dynamicSets: {},
    now: 1000,
    ...over,
  };
}

const ruleVisits = (r: NftHookResult) => r.visits.filter((v): v is NftRuleVisit => v.kind === 'rule');
const factsOf = (r: NftHookResult) => ruleVisits(r).flatMap((v) => v.facts);

const run = (hook: NftHook, p: Packet, over: Partial<NftEvalContext> = {}, table = worker1) => evalNftHook(table, hook, p, ctx(over));

describe('kube-proxy nftables evaluation', () => {
  it('a pod asking kube-dns is DNATed to its endpoint, the service-ips lookup shown with its key', () => {
    const r = run('prerouting', packet('10.244.1.20', '10.96.0.10', 53, 'udp'));
    expect(r.verdict).toBe('ACCEPT');
    expect(r.packet).toMatchObject({ dst: '10.244.1.9', dport: 53, mark: 0 });
    expect(r.chains).toEqual(['filter-prerouting-pre-dnat', 'nat-prerouting']);
    const facts = factsOf(r);
    expect(facts).toContainEqual({
      kind: 'vmap',
      map: 'service-ips',
      key: ['10.96.0.10', 'udp', '53'],
      verdict: 'goto service-Z3XHB2ZZ-default/dns/udp/dns',
    });
    expect(r.nat).toEqual([
      {
        kind: 'DNAT',
        chain: 'endpoint-M63B2MSJ-default/dns/udp/dns__10.244.1.9/53',
        index: 1,
        masquerade: false,
        from: { ip: '10.96.0.10', port: 53 },
        to: { ip: '10.244.1.9', port: 53 },
      },
    ]);
  });

  it('numgen random mod 2 picks the endpoint of the number drawn', () => {
    for (const [drawn, endpoint] of [
      [0, '10.244.1.5'],
      [1, '10.244.2.5'],
    ] as const) {
      const r = run('prerouting', packet('10.244.1.20', '10.96.0.80', 80), { numgen: () => drawn });
      expect(r.packet).toMatchObject({ dst: endpoint, dport: 8080 });
      expect(factsOf(r).find((f) => f.kind === 'numgen')).toMatchObject({ mod: 2, drawn });
    }
  });

  it('ClientIP affinity: the endpoint recorded for the client wins over the draw until the timeout', () => {
    const first = run('prerouting', packet('10.244.1.20', '10.96.0.80', 80), { numgen: () => 1 });
    expect(first.packet.dst).toBe('10.244.2.5');
    const sets: NftDynamicSets = first.dynamicSets;
    expect(sets['affinity-W2BRTWSS-default/web/tcp/__10.244.2.5/8080']).toEqual({ '10.244.1.20': 1000 + 10800 });
    const again = run('prerouting', packet('10.244.1.20', '10.96.0.80', 80), { numgen: () => 0, dynamicSets: sets, now: 2000 });
    expect(again.packet.dst).toBe('10.244.2.5');
    expect(factsOf(again).some((f) => f.kind === 'numgen')).toBe(false);
    const expired = run('prerouting', packet('10.244.1.20', '10.96.0.80', 80), { numgen: () => 0, dynamicSets: sets, now: 1000 + 10801 });
    expect(expired.packet.dst).toBe('10.244.1.5');
  });

  it('a Service without endpoints is not DNATed and is rejected in filter-forward', () => {
    const pre = run('prerouting', packet('10.244.1.20', '10.96.0.11', 80));
    expect(pre.packet.dst).toBe('10.96.0.11');
    const fwd = run('forward', pre.packet);
    expect(fwd.verdict).toBe('REJECT');
    expect(fwd.rejectWith).toBe('icmp-port-unreachable');
    expect(fwd.decidedBy?.chain).toBe('reject-chain');
    expect(factsOf(fwd)).toContainEqual({
      kind: 'vmap',
      map: 'no-endpoint-services',
      key: ['10.96.0.11', 'tcp', '80'],
      verdict: 'goto reject-chain',
    });
  });

  it('a port the ClusterIP does not serve is rejected, an unallocated ClusterIP dropped', () => {
    expect(run('forward', packet('10.244.1.20', '10.96.0.80', 81)).verdict).toBe('REJECT');
    const unallocated = run('forward', packet('10.244.1.20', '10.96.0.99', 80));
    expect(unallocated.verdict).toBe('DROP');
    expect(unallocated.decidedBy?.rule.comment).toBe('Drop traffic to unallocated ClusterIPs');
  });

  it('internalTrafficPolicy Local with no endpoint on this node: dropped, not rejected', () => {
    expect(run('forward', packet('10.244.1.20', '10.96.0.12', 80)).verdict).toBe('DROP');
  });

  it('externalTrafficPolicy Local: a NodePort from outside reaches the local endpoint only, unmasqueraded', () => {
    const pre = run('prerouting', packet('192.168.1.1', '192.168.1.11', 30080), { numgen: (mod) => mod - 1 });
    expect(pre.packet).toMatchObject({ src: '192.168.1.1', dst: '10.244.1.5', dport: 8080, mark: 0 });
    const post = run('postrouting', pre.packet);
    expect(post.packet.src).toBe('192.168.1.1');
  });

  it('the node itself reaching a ClusterIP is marked in nat-output and masqueraded in nat-postrouting, the mark cleared', () => {
    const out = run('output', packet('192.168.1.11', '10.96.0.10', 53, 'udp'));
    expect(out.packet).toMatchObject({ dst: '10.244.1.9', mark: 0x4000 });
    const post = run('postrouting', { ...out.packet, outIface: 'eth0' });
    expect(post.packet).toMatchObject({ src: '192.168.1.11', mark: 0 });
    expect(post.nat[0]).toMatchObject({ kind: 'SNAT', masquerade: true });
  });

  it('loadBalancerSourceRanges: an outside source is dropped before DNAT, an allowed one goes through', () => {
    const denied = run('prerouting', packet('10.1.2.3', '192.168.1.240', 80));
    expect(denied.verdict).toBe('DROP');
    expect(denied.chains).toEqual(['filter-prerouting-pre-dnat']);
    expect(run('prerouting', packet('192.168.1.77', '192.168.1.240', 80)).packet.dst).toBe('10.244.1.5');
  });

  it('a known connection skips the nat chains and the ct state new checks', () => {
    const established: CtInfo = { state: 'ESTABLISHED', dnat: true, snat: false };
    const pre = run('prerouting', packet('10.244.1.20', '10.96.0.10', 53, 'udp'), { ct: established });
    expect(pre.packet.dst).toBe('10.96.0.10');
    expect(pre.chains).toEqual(['filter-prerouting-pre-dnat']);
    expect(run('forward', packet('10.244.1.20', '10.96.0.11', 80), { ct: established }).verdict).toBe('ACCEPT');
  });

  it('IPv6: the web Service is DNATed to its IPv6 endpoint', () => {
    const r = run('prerouting', packet('fd00:10:244:1::20', 'fd00:10:96::80', 80), {}, worker1v6);
    expect(r.packet).toMatchObject({ dst: 'fd00:10:244:1::5', dport: 8080 });
  });

  it('a rule it does not understand is shown as such and does not match', () => {
    const table = nftablesTable(featureCluster(), 'worker-1');
    table.rule('nat-prerouting', 'meta skuid 0 drop');
    table.chains.get('nat-prerouting')!.rules.unshift(table.chains.get('nat-prerouting')!.rules.pop()!);
    const r = run('prerouting', packet('10.244.1.20', '10.96.0.10', 53, 'udp'), {}, table);
    expect(r.verdict).toBe('ACCEPT');
    expect(ruleVisits(r).find((v) => v.unsupported)).toMatchObject({
      chain: 'nat-prerouting',
      matched: false,
      unsupported: 'meta skuid 0 drop',
    });
    expect(r.packet.dst).toBe('10.244.1.9');
  });
});
