// How fast the YAML reader refuses a hostile paste (src/model/manifest/testdata/hostile.ts):
// the whole parse of each text, from the first character to the error at the limit.
import { parseManifests } from '../src/model/manifest/parse';
import { hostile, longValues, manyLegacyItems } from '../src/model/manifest/testdata/hostile';
import { measure, print } from './measure';

export function benchLimits(): void {
  console.log('\n# YAML limits: parseManifests on hostile texts (each ends in an error where it goes over a cap)');
  // The decoders' hostile inputs too: old configs of 10,000 aliased items, a 5 MB value and a 100 kB name.
  const texts = { ...hostile, legacyMetalLB10k: manyLegacyItems.metallb, legacyIngress10k: manyLegacyItems.ingress, longValues };
  for (const [name, text] of Object.entries(texts)) {
    const runs = text.length > 1_000_000 ? 3 : 15;
    const codes = [...new Set(parseManifests([{ name: 'f.yaml', text }]).diagnostics.map((d) => d.code))].join(', ');
    print(
      measure(`${name} (${(text.length / 1024).toFixed(0)} KiB)`, () => parseManifests([{ name: 'f.yaml', text }]), runs, 1),
      codes,
    );
  }
}
