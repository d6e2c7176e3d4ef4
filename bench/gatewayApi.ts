// What decoding the Gateway API objects costs (src/model/manifest/kinds/gateway*.ts: the CRDs'
// defaults, patterns and CEL rules): parseManifests on a paste of 1,000 HTTPRoutes of four rules,
// and on the hostile shapes the checks must stay linear on: one Gateway with 20,000 listeners of
// one name, one HTTPRoute with 20,000 rules, and one match with 20,000 headers of one name.
import { parseManifests } from '../src/model/manifest/parse';
import { measure, print } from './measure';

const ROUTES = 1_000;
const MANY = 20_000;

const routeText = (i: number) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: route-${i}
spec:
  parentRefs: [{name: eg, sectionName: http}]
  hostnames: [app-${i}.example.test]
  rules:
  - matches: [{path: {type: PathPrefix, value: /api}, headers: [{name: x-env, value: canary}]}]
    backendRefs: [{name: api-v2, port: 80}]
  - matches: [{path: {type: PathPrefix, value: /api}}]
    backendRefs: [{name: api-v1, port: 80, weight: 90}, {name: api-v2, port: 80, weight: 10}]
  - matches: [{path: {type: Exact, value: /old}}]
    filters: [{type: RequestRedirect, requestRedirect: {path: {type: ReplaceFullPath, replaceFullPath: /new}, statusCode: 301}}]
  - filters: [{type: RequestHeaderModifier, requestHeaderModifier: {add: [{name: x-route, value: route-${i}}]}}]
    backendRefs: [{name: web, port: 80}]
`;

const head = (kind: string) => `apiVersion: gateway.networking.k8s.io/v1\nkind: ${kind}\nmetadata: {name: big}\nspec:\n`;

export function benchGatewayApi(): void {
  console.log('\n# Gateway API objects: parseManifests with the CRDs\u2019 defaults, patterns and CEL rules');
  const texts = {
    [`${ROUTES.toLocaleString('en')} HTTPRoutes of 4 rules`]: Array.from({ length: ROUTES }, (_, i) => routeText(i)).join('---\n'),
    [`1 Gateway, ${MANY.toLocaleString('en')} listeners of one name`]:
      head('Gateway') + '  gatewayClassName: eg\n  listeners:\n' + '  - {name: same, port: 80, protocol: HTTP}\n'.repeat(MANY),
    [`1 HTTPRoute, ${MANY.toLocaleString('en')} rules`]:
      head('HTTPRoute') + '  rules:\n' + '  - backendRefs: [{name: web, port: 80}]\n'.repeat(MANY),
    [`1 match, ${MANY.toLocaleString('en')} headers of one name`]:
      head('HTTPRoute') + '  rules:\n  - matches:\n    - headers:\n' + '      - {name: x, value: "1"}\n'.repeat(MANY),
  };
  for (const [name, text] of Object.entries(texts)) {
    const r = parseManifests([{ name: 'f.yaml', text }]);
    const codes = new Map<string, number>();
    for (const d of r.diagnostics) codes.set(d.code, (codes.get(d.code) ?? 0) + 1);
    const said = [...codes].map(([code, n]) => `${code}×${n}`).join(', ') || 'no diagnostics';
    print(
      measure(`${name} (${(text.length / 1024).toFixed(0)} KiB)`, () => parseManifests([{ name: 'f.yaml', text }]), 7, 1),
      `${r.manifests.length} objects; ${said}`,
    );
  }
}
