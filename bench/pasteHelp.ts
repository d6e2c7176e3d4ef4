// What the paste help costs the YAML reader (src/model/manifest: yamlTree.ts, flattened.ts,
// replacement.ts): parseManifests on a dump of 5,000 Services written with `---`, the same
// objects pasted with no `---` at all (each one found and split off), the whole dump flattened
// onto one line, and 1,000 legacy Ingresses each given its rewrite as a fix.
import { parseManifests } from '../src/model/manifest/parse';
import { measure, print } from './measure';

const OBJECTS = 5_000;

const serviceText = (i: number) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\n  namespace: default\nspec:\n  selector:\n    app: app-${i}\n  ports:\n  - port: 80\n    targetPort: 8080\n`;
const legacyIngressText = (i: number) =>
  `apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: ing-${i}\n  annotations:\n    kubernetes.io/ingress.class: nginx\nspec:\n  rules:\n  - host: h${i}.example\n    http:\n      paths:\n      - path: /\n        backend:\n          serviceName: svc-${i}\n          servicePort: 80\n`;

export function benchPasteHelp(): void {
  console.log('\n# Paste help: parseManifests on a dump as written and as a paste that went wrong');
  const services = Array.from({ length: OBJECTS }, (_, i) => serviceText(i));
  const texts = {
    [`${OBJECTS} Services with ---`]: services.join('---\n'),
    [`${OBJECTS} Services without ---`]: services.join(''),
    [`${OBJECTS} Services flattened onto one line`]: services.join('---\n').replace(/\n/g, ' '),
    ['1,000 legacy Ingresses with ---']: Array.from({ length: 1_000 }, (_, i) => legacyIngressText(i)).join('---\n'),
  };
  for (const [name, text] of Object.entries(texts)) {
    const r = parseManifests([{ name: 'f.yaml', text }]);
    const codes = new Map<string, number>();
    for (const d of r.diagnostics) codes.set(d.code, (codes.get(d.code) ?? 0) + 1);
    const said = [...codes].map(([code, n]) => `${code}×${n}`).join(', ') || 'no diagnostics';
    const fixes = r.diagnostics.filter((d) => 'fix' in d).length;
    print(
      measure(`${name} (${(text.length / 1024).toFixed(0)} KiB)`, () => parseManifests([{ name: 'f.yaml', text }]), 7, 1),
      `${r.manifests.length} objects; ${said}; ${fixes} fixes`,
    );
  }
}
