// What the Gateway API commands cost as a learner runs them: whole `packetwalk` processes on the
// Gateway basics scenario and on the same cluster with 1,000 more HTTPRoutes (one hostname each),
// and `convert` on 1,000 Ingresses. Wall clock and CPU (GNU time), median of a few runs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { timeProcess, type ProcessTime } from './processTime';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ROUTES = 1_000;
const RUNS = 5;

const route = (i: number) => `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: app-${i}}
spec:
  parentRefs: [{name: eg}]
  hostnames: [app-${i}.example.test]
  rules:
  - matches: [{path: {type: PathPrefix, value: /api}}]
    backendRefs: [{name: api, port: 80}]
  - backendRefs: [{name: shop, port: 80}]
`;

const ingress = (i: number) => `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: app-${i}
  annotations: {nginx.ingress.kubernetes.io/rewrite-target: /}
spec:
  ingressClassName: nginx
  rules:
  - host: app-${i}.example.test
    http:
      paths:
      - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}
`;

function median(args: string[]): { wall: number; cpu?: number; rss?: number } {
  const runs: ProcessTime[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = timeProcess('node', ['bin/packetwalk.js', ...args], { cwd: ROOT });
    if (t.status !== 0) throw new Error(`packetwalk ${args.join(' ')} exited ${t.status}: ${t.stderr.slice(0, 300)}`);
    runs.push(t);
  }
  const mid = <T>(xs: T[], key: (x: T) => number) => xs.map(key).sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const cpu = runs.every((r) => r.cpuMs !== undefined) ? mid(runs, (r) => r.cpuMs!) : undefined;
  const rss = runs.every((r) => r.maxRssMb !== undefined) ? mid(runs, (r) => r.maxRssMb!) : undefined;
  return { wall: mid(runs, (r) => r.wallMs), ...(cpu !== undefined ? { cpu } : {}), ...(rss !== undefined ? { rss } : {}) };
}

export function benchGatewayCli(): void {
  const dir = mkdtempSync(join(tmpdir(), 'pw-gateway-'));
  try {
    const basics = join(ROOT, 'public/scenarios/gateway-basics.yaml');
    const big = join(dir, 'gateway-1000-routes.yaml');
    writeFileSync(big, readFileSync(basics, 'utf8') + Array.from({ length: ROUTES }, (_, i) => route(i)).join(''));
    const ingresses = join(dir, 'ingress-1000.yaml');
    writeFileSync(ingresses, Array.from({ length: ROUTES }, (_, i) => ingress(i)).join(''));
    const last = `Host: app-${ROUTES - 1}.example.test`;
    const cases: [string, string[]][] = [
      ['trace through Envoy, Gateway basics', ['trace', '-f', basics, '--from', 'client', '--to', 'http://192.168.1.240/shop/cart']],
      [
        `trace through Envoy, +${ROUTES} HTTPRoutes (the last host)`,
        ['trace', '-f', big, '--from', 'client', '--to', 'http://192.168.1.240/api/x', '--header', last],
      ],
      ['envoy-config, Gateway basics', ['envoy-config', '-f', basics]],
      [`envoy-config, +${ROUTES} HTTPRoutes`, ['envoy-config', '-f', big]],
      [`get -o json (gateways, httpRoutes), +${ROUTES} HTTPRoutes`, ['get', '-f', big, '-o', 'json']],
      [`convert --to gateway-api, ${ROUTES} Ingresses`, ['convert', '-f', ingresses, '--to', 'gateway-api']],
    ];
    console.log(`\n# Gateway API commands as processes (median of ${RUNS} runs; wall clock, CPU user+sys, peak memory)`);
    for (const [name, args] of cases) {
      const m = median(args);
      const cpu = m.cpu !== undefined ? `  cpu ${Math.round(m.cpu)} ms` : '';
      const rss = m.rss !== undefined ? `  rss ${Math.round(m.rss)} MB` : '';
      console.log(`${name.padEnd(58)} wall ${String(Math.round(m.wall)).padStart(6)} ms${cpu}${rss}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
