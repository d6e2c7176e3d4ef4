import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioModel, scenarioTrace } from '../../../e2e/fixtures/scenario';
import type { PacketSpec, TraceTarget } from '../../model';
import { fewest, hopOf, keyHops, most, type KeySection } from './keyHops';

const gallery: { id: string }[] = JSON.parse(readFileSync(new URL('../../../public/scenarios/index.json', import.meta.url), 'utf8'));
const rows = (sections: KeySection[]) => sections.flatMap((s) => s.hops);

const client: PacketSpec['from'] = { kind: 'pod', namespace: 'default', name: 'client' };

/** The walk a scenario opens on, or one to `to`. */
function walk(id: string, to?: TraceTarget, from = client) {
  const model = scenarioModel(id);
  return to ? scenarioTrace(model, { from, to }) : scenarioTrace(model);
}

describe('keyHops', () => {
  it.each(gallery.map((g) => g.id))('opens the %s walk on 5–10 rows that cover every step once', (id) => {
    const trace = walk(id);
    const hops = rows(keyHops(trace.steps));
    expect(hops.length).toBeGreaterThanOrEqual(fewest);
    expect(hops.length).toBeLessThanOrEqual(most);
    expect(hops.flatMap((h) => h.steps)).toEqual(trace.steps.map((_, i) => i));
  });

  it.each(['hostnames', 'nodeport', 'metallb-l2'])('keeps the %s walk to 5–10 rows in IPVS mode, its DNAT in the IPVS row', (id) => {
    const trace = scenarioTrace(scenarioModel(id, { proxyMode: 'ipvs' }));
    const hops = rows(keyHops(trace.steps));
    expect(hops.length).toBeGreaterThanOrEqual(fewest);
    expect(hops.length).toBeLessThanOrEqual(most);
    const dnat = hops.find((h) => h.kind === 'dnat');
    expect(trace.steps[dnat!.steps[0]].at.element).toBe('ipvs');
  });

  it.each([
    ['hostnames', 1],
    ['api.backend', 2],
    ['nosuch', 4],
    ['example.com', 4],
    ['example.com.', 1],
  ])('keeps the resolution of %s to one row per DNS query (%i)', (name, queries) => {
    const trace = walk('dns-ndots', { kind: 'name', name: String(name), port: 80, proto: 'tcp' });
    const sections = keyHops(trace.steps);
    const dns = sections.filter((s) => s.stage?.kind === 'dns');
    expect(dns).toHaveLength(Number(queries));
    for (const s of dns.slice(0, -1)) expect(s.hops.map((h) => h.kind)).toEqual(['query']);
    expect(rows(sections).length).toBeGreaterThanOrEqual(fewest);
    expect(rows(sections).length).toBeLessThanOrEqual(most);
  });

  it('names the hops of a ClusterIP walk: out of the pod, DNAT, the tunnel, the pod, the reply and its un-DNAT', () => {
    const trace = walk('hostnames', { kind: 'name', name: 'hostnames', port: 80, proto: 'tcp' });
    const connect = keyHops(trace.steps).find((s) => s.stage?.kind === 'connect')!;
    const kinds = connect.hops.map((h) => h.kind);
    expect(kinds[0]).toBe('send');
    expect(kinds).toContain('dnat');
    expect(kinds.at(-1)).toBe('deliver');
    expect(kinds).toContain('reply');
    const dnat = connect.hops.find((h) => h.kind === 'dnat')!;
    expect(trace.steps[dnat.steps[0]].rule?.chain).toMatch(/^KUBE-SEP-/);
    const reply = kinds.indexOf('reply');
    expect(kinds.slice(0, reply)).toContain('deliver');
    if (trace.steps.some((s) => s.after.outer)) expect(kinds.slice(0, reply)).toContain('encap');
    expect(kinds.slice(reply)).toContain('unDnat');
  });

  it('walks from the LAN through the NodePort: DNAT, then SNAT, and both undone on the way back', () => {
    const trace = walk('nodeport', { kind: 'ip', ip: '192.168.1.11', port: 30080, proto: 'tcp' }, { kind: 'client' });
    const kinds = rows(keyHops(trace.steps)).map((h) => h.kind);
    expect(kinds.slice(0, 3)).toEqual(['send', 'dnat', 'snat']);
    expect(kinds.slice(kinds.indexOf('reply'))).toEqual(expect.arrayContaining(['unSnat', 'unDnat', 'deliver']));
  });

  it('keeps an ingress request to 10 rows: the connection, the HTTP request and the controller upstream', () => {
    const trace = walk('ingress-fanout', { kind: 'url', url: 'http://example.test/shop' }, { kind: 'client' });
    const sections = keyHops(trace.steps);
    expect(sections.map((s) => s.stage?.kind)).toEqual(['connect', 'http', 'upstream']);
    expect(rows(sections).length).toBeLessThanOrEqual(most);
  });

  it('finds the row of every step, the current one included', () => {
    const trace = walk('hostnames');
    const sections = keyHops(trace.steps);
    for (const s of trace.steps) expect(hopOf(sections, s.index)?.steps).toContain(s.index);
    expect(hopOf(sections, 0)?.steps[0]).toBe(0);
    expect(hopOf(sections, trace.steps.length)).toBeUndefined();
  });
});
