import { describe, expect, it } from 'vitest';
import { scenarioModel, scenarioText } from '../../e2e/fixtures/scenario';
import { formatTarget, parseTarget, scenarioHints, suggestionsFor } from './targets';
import { viewOf } from './view';

const state = viewOf(scenarioModel('hostnames')).state;
const nodeport = viewOf(scenarioModel('nodeport')).state;

describe('parseTarget', () => {
  it('reads IP:port and takes the protocol from the Service port it names', () => {
    expect(parseTarget('10.96.0.10:53', state)).toEqual({ kind: 'ip', ip: '10.96.0.10', port: 53, proto: 'udp' });
    expect(parseTarget(' 10.244.2.3:9376 ', state)).toEqual({ kind: 'ip', ip: '10.244.2.3', port: 9376, proto: 'tcp' });
  });

  it('reads NAME:port as a name the pod resolves, with the protocol of the Service it names', () => {
    expect(parseTarget('hostnames:80', state)).toEqual({ kind: 'name', name: 'hostnames', port: 80, proto: 'tcp' });
    expect(parseTarget('kube-dns.kube-system:53', state)).toMatchObject({ kind: 'name', proto: 'udp' });
    expect(parseTarget('kube-dns.kube-system.svc.cluster.local.:53', state)).toMatchObject({
      name: 'kube-dns.kube-system.svc.cluster.local.',
      proto: 'udp',
    });
    expect(parseTarget('example.com:443', state)).toEqual({ kind: 'name', name: 'example.com', port: 443, proto: 'tcp' });
  });

  it('reads an http(s) URL as a request through the Ingress controller', () => {
    expect(parseTarget('http://example.test/shop/cart', state)).toEqual({ kind: 'url', url: 'http://example.test/shop/cart' });
  });

  it('refuses what is none of those', () => {
    for (const bad of [
      '10.96.0.10',
      '10.96.0.10:0',
      '10.96.0.10:70000',
      '10.96.0.256:80',
      '',
      'not a target',
      'host:port',
      ':80',
      'ftp://x/',
    ])
      expect(parseTarget(bad, state)).toBeUndefined();
  });

  it('prints back what it read', () => {
    for (const text of ['10.96.0.10:53', 'hostnames:80', 'http://localhost/']) expect(formatTarget(parseTarget(text, state)!)).toBe(text);
  });
});

describe('suggestionsFor', () => {
  it("offers every Service's ClusterIP:port and names, the learner's first", () => {
    const values = suggestionsFor(state, { kind: 'pod', namespace: 'default', name: 'client' }).map((s) => s.value);
    const vip = state.services.find((s) => s.metadata.name === 'hostnames')!.spec.clusterIP;
    expect(values.slice(0, 3)).toEqual([`${vip}:80`, 'hostnames:80', 'hostnames.default:80']);
    expect(values).toContain('10.96.0.10:53');
    expect(values).toContain('kube-dns.kube-system:53');
    // Short names resolve in the source pod's namespace only.
    expect(values).not.toContain('kube-dns:53');
  });

  it('offers a NodePort on every node address', () => {
    const np = suggestionsFor(nodeport, { kind: 'client' }).filter((s) => s.kind === 'nodePort');
    const nodeIPs = Object.values(nodeport.hosts).map((h) => h.nic.ip);
    expect(np.map((s) => s.value).sort()).toEqual(nodeIPs.flatMap((ip) => [`${ip}:30080`, `${ip}:30443`]).sort());
  });
});

describe('scenarioHints', () => {
  it("offers the destination a text's packetwalk line declares, and nothing without one", () => {
    expect(scenarioHints(scenarioText('dns-headless-statefulset'))).toEqual(['web-0.web:8080']);
    expect(scenarioHints('# packetwalk: --from client --to http://example.test/shop\nkind: Pod\n')).toEqual(['http://example.test/shop']);
    expect(scenarioHints('# Try: hostnames:80\nkind: Pod\n')).toEqual([]);
  });
});
