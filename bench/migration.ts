// What the migration view costs (`migrationComparison`): the Ingresses converted, the text with the
// converted objects derived as a second model, and every derived request answered both ways. The
// second call on the same model reuses the conversion and its model (a request the learner adds).
import { readFileSync } from 'node:fs';
import { deriveModel, migrationComparison, type Model } from '../src/model';
import { measure, print } from './measure';

/** `n` Ingresses, each its own host with a Prefix and an Exact path, and their Services. */
function manyIngresses(n: number): string {
  return Array.from(
    { length: n },
    (_, i) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web-${i}}
spec:
  ingressClassName: nginx
  rules:
  - host: web-${i}.example.test
    http:
      paths:
      - {path: /app, pathType: Prefix, backend: {service: {name: svc-${i}, port: {number: 80}}}}
      - {path: /health, pathType: Exact, backend: {service: {name: svc-${i}, port: {number: 80}}}}
---
apiVersion: v1
kind: Service
metadata: {name: svc-${i}}
spec:
  selector: {app: svc-${i}}
  ports: [{port: 80, targetPort: 8080}]
`,
  ).join('---\n');
}

function bench(label: string, text: string, runs: number): void {
  const derive = () => deriveModel([{ name: 'paste.yaml', text }]);
  let model: Model = derive();
  print(measure(`${label}: derive the paste (for scale)`, () => (model = derive()), runs, 1));
  const first = () => migrationComparison((model = derive()))!;
  const rows = migrationComparison(model)!.rows;
  print(
    measure(`${label}: derive + first comparison`, first, runs, 1),
    `→ ${rows.length} requests, ${rows.filter((r) => r.differs.length).length} differ`,
  );
  const added = [{ scheme: 'http' as const, host: 'web-1.example.test', path: '/app/x', method: 'GET' }];
  migrationComparison(model);
  print(measure(`${label}: again with a request added (conversion reused)`, () => migrationComparison(model, added), runs * 4, 2));
}

export function benchMigration(): void {
  console.log('\n# Migrate to Gateway API: migrationComparison');
  bench('ingress-migrate scenario', readFileSync('public/scenarios/ingress-migrate.yaml', 'utf8'), 20);
  // 50 hosts: one Gateway's listeners stay under the CRD's 64 (ingress2gateway makes one per host).
  bench('50 Ingresses, 2 paths each', manyIngresses(50), 10);
}
