import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveModel, dnsOptions, type Explanation } from '../../model';
// The resolver alone, with options no walk sets: this test reaches past the model's public API (see eslint.config.js).
import { resolve, type ResolveOptions } from '../../model/dns';
import { format } from '../format';
import { dnsEn, dnsZh } from './dns';

// That every key the DNS model emits is translated is checked by tsc (src/model/explainKeys.ts).
describe('dns message catalogue', () => {
  it('uses the same placeholders in Chinese as in English', () => {
    const names = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(dnsEn) as (keyof typeof dnsEn)[]) {
      expect(new Set(names(dnsZh[key])), key).toEqual(new Set(names(dnsEn[key])));
    }
  });

  it('fills every placeholder of what a walk through the DNS scenarios says', () => {
    const files = ['dns-ndots.yaml', 'dns-headless-statefulset.yaml', 'dns-externalname.yaml'].map((f) => ({
      name: f,
      text: readFileSync(join(__dirname, '../../../public/scenarios', f), 'utf8'),
    }));
    const { state } = deriveModel(files.map((f) => ({ ...f, text: f.text.replace(/name: client\b/, `name: client-${f.name.length}`) })));
    const said: Explanation[] = [];
    const options: ResolveOptions = { upstream: { 'example.com': ['93.184.215.14'], 'gone.example': 'NXDOMAIN' } };
    for (const pod of state.pods.filter((p) => /^(client|coredns|kube-proxy)/.test(p.metadata.name))) {
      for (const name of [
        'hostnames',
        'api.backend',
        'nosuch',
        'example.com',
        'example.com.',
        'gone.example',
        'web',
        'web-0.web',
        'orders-db',
        'default',
        '10.1.2.3',
        'a..b',
        'x.y.z.w.v.u',
        'localhost',
      ]) {
        const r = resolve(state, pod, name, 'A', options);
        said.push(r.explanation, r.resolvConf.explanation, ...r.resolvConf.warnings, ...r.notes);
        for (const q of r.queries) said.push(q.explanation, q.answer.explanation);
      }
      for (const name of ['_http._tcp.web', '10.0.96.10.in-addr.arpa', 'orders-db']) {
        const r = resolve(state, pod, name, name.startsWith('_') ? 'SRV' : name.endsWith('arpa') ? 'PTR' : 'CNAME', options);
        said.push(r.explanation, ...r.queries.map((q) => q.answer.explanation));
      }
    }
    const keys = new Set(said.map((e) => e.key));
    expect(keys.size).toBeGreaterThan(25);
    for (const e of said) {
      for (const catalogue of [dnsEn, dnsZh] as Record<string, string>[]) {
        expect(catalogue[e.key], e.key).toBeTruthy();
        expect(format(catalogue[e.key]!, e.params), e.key).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('fills every placeholder of what a pasted Corefile makes CoreDNS and kubelet say', () => {
    const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: coredns
  namespace: kube-system
data:
  Corefile: |
    .:53 {
        rewrite name regex (.*)\\.legacy\\.lan {1}.default.svc.cluster.local
        hosts {
            10.0.0.9 nas.home.arpa
            fallthrough
        }
        kubernetes cluster.local in-addr.arpa ip6.arpa
        forward . /etc/resolv.conf
    }
    strict.lan:53 {
        hosts {
            10.0.0.10 known.strict.lan
        }
    }
    example.local:53 {
        forward . 10.0.0.53
    }
    only.lan:53 {
        errors
    }
---
apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  dnsConfig:
    nameservers: [1.1.1.1, 8.8.8.8, 9.9.9.9]
  containers:
  - name: main
    image: busybox
---
apiVersion: v1
kind: Service
metadata:
  name: kube-dns-alias
spec:
  type: ExternalName
  externalName: printer.example.local`;
    const model = deriveModel([{ name: 'corefile.yaml', text }]);
    const pod = model.state.pods.find((p) => p.metadata.name === 'client')!;
    const options = dnsOptions(model);
    const said: Explanation[] = [
      ...model.state.events
        .filter((e) => e.reason === 'DNSConfigForming')
        .map((e) => ({ key: e.message.key, params: e.message.params }) as Explanation),
    ];
    for (const name of [
      'kubernetes.legacy.lan.',
      'nas.home.arpa.',
      'tv.home.arpa.',
      'other.strict.lan.',
      'printer.example.local.',
      'x.only.lan.',
      '10-1-2-3.default.pod.cluster.local.',
      'kube-dns-alias',
    ]) {
      const r = resolve(model.state, pod, name, 'A', {
        ...options,
        nodeResolvConf: { nameservers: ['10.96.0.10'], searches: [], options: [] },
      });
      said.push(r.explanation, ...r.resolvConf.warnings, ...r.notes);
      for (const q of r.queries) said.push(q.explanation, q.answer.explanation, ...(q.answer.rewrites ?? []));
    }
    const keys = new Set(said.map((e) => e.key));
    for (const key of [
      'explain.dns.rewrite.name',
      'explain.dns.hosts.answer',
      'explain.dns.hosts.servfail',
      'explain.dns.final.otherOwner',
      'explain.dns.corefile.noPlugin',
      'explain.dns.note.corednsPasted',
      'event.DNSConfigForming.nameservers',
    ]) {
      expect(keys, key).toContain(key);
    }
    for (const e of said) {
      for (const catalogue of [dnsEn, dnsZh] as Record<string, string>[]) {
        expect(catalogue[e.key], e.key).toBeTruthy();
        // A rewrite's own `{1}` is the learner's text, so the template's placeholders are checked against the params.
        for (const m of catalogue[e.key]!.matchAll(/\{(\w+)[}|]/g)) expect(e.params, `${e.key} {${m[1]}}`).toHaveProperty(m[1]!);
      }
    }
  });
});
