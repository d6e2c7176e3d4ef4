// Ingress request matching against 1,000 rules, and how long DNS walks are.
import { deriveModel, walkPacket } from '../src/model';
import { buildIngressModel, matchRequest } from '../src/model/ingress';
import type { Ingress, Manifest } from '../src/model/manifest/types';
import { parseManifests } from '../src/model/manifest/parse';
import { readFileSync } from 'node:fs';
import { dnsConfigForming } from '../src/model/dns/configForming';
import { manyServices } from './generate';
import { measure, print } from './measure';

export function benchIngressDns(): void {
  console.log('\n# Ingress: one request matched against 1,000 Ingress rules');
  const docs = Array.from(
    { length: 1000 },
    (_, i) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: ing-${i}}
spec:
  ingressClassName: nginx
  rules:
  - host: host-${i % 100}.example.test
    http:
      paths:
      - {path: /app-${i}, pathType: Prefix, backend: {service: {name: svc-${i % 50}, port: {number: 80}}}}`,
  );
  const parsed = parseManifests([{ name: 'ing.yaml', text: docs.join('\n---\n') }]);
  const ingresses = parsed.manifests.filter((m): m is Manifest<Ingress> => m.object.kind === 'Ingress');
  const classes = [
    { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } },
  ] as never;
  let model = buildIngressModel({ ingresses, classes, services: [], endpointSlices: [] });
  print(
    measure(
      'build the controller model (servers, locations)',
      () => (model = buildIngressModel({ ingresses, classes, services: [], endpointSlices: [] })),
      5,
      1,
    ),
  );
  const req = { host: 'host-42.example.test', path: '/app-942/x', scheme: 'http' as const };
  print(
    measure('match one request', () => matchRequest(model, req, { decisions: false }), 2000, 100),
    `→ ${matchRequest(model, req).ingress}`,
  );
  print(measure('match one request with the full decision table', () => matchRequest(model, req, { decisions: true }), 200, 20));

  console.log('\n# DNS: walk length in steps (queries × packet hops), from default/client');
  const m = deriveModel([{ name: 'h.yaml', text: readFileSync(new URL('../public/scenarios/hostnames.yaml', import.meta.url), 'utf8') }]);
  for (const name of ['hostnames', 'hostnames.default', 'hostnames.default.svc.cluster.local.', 'nosuch', 'example.com']) {
    const t = walkPacket(m, {
      from: { kind: 'pod', namespace: 'default', name: 'client' },
      to: { kind: 'name', name, port: 80, proto: 'tcp' },
    });
    const dnsSteps = t.steps.filter((s) => s.stage?.kind === 'dns').length;
    console.log(
      `${name.padEnd(40)} ${t.outcome.dns?.queries ?? 0} queries, ${dnsSteps} DNS steps, ${t.steps.length} steps in all (${t.outcome.dns?.status})`,
    );
  }

  console.log("\n# DNS: one walk to a name (each query a packet through kube-proxy's rules), with kubeadm's Corefile and a pasted one");
  const corefile = `apiVersion: v1
kind: ConfigMap
metadata: {name: coredns, namespace: kube-system}
data:
  Corefile: |
    .:53 {
        rewrite name db.example.com hostnames.default.svc.cluster.local
        hosts {
            10.0.0.9 nas.home.arpa
            fallthrough
        }
        kubernetes cluster.local in-addr.arpa ip6.arpa {
           pods insecure
           fallthrough in-addr.arpa ip6.arpa
           ttl 30
        }
        forward . /etc/resolv.conf
    }`;
  const pasted = deriveModel([
    { name: 'h.yaml', text: `${readFileSync(new URL('../public/scenarios/hostnames.yaml', import.meta.url), 'utf8')}\n---\n${corefile}` },
  ]);
  const walkTo = (model: typeof m, name: string) =>
    walkPacket(model, { from: { kind: 'pod', namespace: 'default', name: 'client' }, to: { kind: 'name', name, port: 80, proto: 'tcp' } });
  for (const [label, model, name] of [
    ["kubeadm's Corefile: hostnames", m, 'hostnames'],
    ["kubeadm's Corefile: example.com (upstream)", m, 'example.com'],
    ['pasted Corefile: hostnames', pasted, 'hostnames'],
    ['pasted Corefile: db.example.com. (rewrite)', pasted, 'db.example.com.'],
    ['pasted Corefile: nas.home.arpa. (hosts)', pasted, 'nas.home.arpa.'],
  ] as const) {
    const t = walkTo(model, name);
    print(
      measure(label, () => walkTo(model, name), 50, 5),
      `→ ${t.outcome.result}, ${t.outcome.dns?.status}, ${t.steps.length} steps`,
    );
  }

  // kubelet's resolv.conf limits, checked for every pod on each derive.
  const big = deriveModel([{ name: 'big.yaml', text: manyServices(1000, 3, 50) }]);
  print(measure(`kubelet's DNSConfigForming check over ${big.state.pods.length} pods`, () => dnsConfigForming(big.state), 20, 2));
}
