// How fast the YAML reader refuses a hostile paste (src/model/manifest/testdata/hostile.ts):
// the whole parse of each text, from the first character to the error at the limit; and how the
// model's caps hold against issue 14's hostile texts (benchModelLimits, named only).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from '@playwright/test';
import { parseManifests } from '../src/model/manifest/parse';
import { hostile, longValues, manyLegacyItems } from '../src/model/manifest/testdata/hostile';
import { buildModelPage, flag, launchChromium } from './harness';
import { measure, print } from './measure';
import { serveDist, type Served } from './serveDist';

const root = fileURLToPath(new URL('..', import.meta.url));

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

/** A hostile text of issue 14 for the model: the walk goes from worker-1 to `port` of the Service "web". */
interface ModelCase {
  name: string;
  text: string;
  port: number;
}

function modelCases(): ModelCase[] {
  const replicas = readFileSync(new URL('../e2e/fixtures/hostile/replicas-100000.yaml', import.meta.url), 'utf8');
  const withReplicas = (n: number) => replicas.replace('replicas: 100000', `replicas: ${n}`);
  const ports = Array.from({ length: 10_000 }, (_, i) => `  - {name: p${i}, port: ${10_000 + i}, targetPort: 80}`);
  const manyPorts = `${withReplicas(2).split('---')[0]}---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports:
${ports.join('\n')}
`;
  // The pods-in-the-cluster cap at work: 60 Deployments × 1,000 pods behind one Service, on 220 nodes
  // (each pod gets an address) written with a merge key, about 20 KB.
  const nodes = Array.from({ length: 219 }, (_, i) => `- {<<: *n, metadata: {name: worker-${i + 1}}}`);
  const deployments = Array.from({ length: 60 }, (_, i) => withReplicas(1_000).split('---')[0]!.replace('name: web}', `name: web${i}}`));
  const manyPods = [
    `apiVersion: v1\nkind: List\nitems:\n- &n {apiVersion: v1, kind: Node, metadata: {name: worker-0}}\n${nodes.join('\n')}\n`,
    ...deployments,
    withReplicas(1_000).split('---')[1]!,
  ].join('---\n');
  return [
    { name: 'replicas: 1,000', text: withReplicas(1_000), port: 80 },
    { name: 'replicas: 100,000', text: withReplicas(100_000), port: 80 },
    { name: 'replicas: 2,147,483,647', text: withReplicas(2_147_483_647), port: 80 },
    { name: '60 Deployments × 1,000 on 220 nodes', text: manyPods, port: 80 },
    { name: 'a Service with 10,000 ports (the last)', text: manyPorts, port: 19_999 },
  ];
}

interface ModelFigure {
  derive: number;
  walk: number;
  pods?: number;
  result?: string;
  warnings?: string[];
}

/** One case in a Node process of its own (bench/limitsChild.ts), stopped after `seconds`. */
function inNode(src: string, file: string, port: number, seconds: number): ModelFigure | string {
  const child = fileURLToPath(new URL('./limitsChild.ts', import.meta.url));
  const r = spawnSync(process.execPath, ['--import', 'tsx', child, src, file, String(port)], {
    timeout: seconds * 1000,
    killSignal: 'SIGKILL',
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.error || r.signal) return `did not finish in ${seconds} s`;
  if (r.status !== 0) return /heap out of memory/.test(r.stderr) ? 'ran out of memory' : `exit ${r.status}`;
  return JSON.parse(r.stdout) as ModelFigure;
}

// Runs in the page, as a string (no bundler helpers): the same derive and walk as limitsChild.ts.
const inPage = (file: string, port: number) => `(async () => {
  const m = await import('./model.js');
  const text = await (await fetch('./${file}')).text();
  const t0 = performance.now();
  const model = m.deriveModel([{ name: 'case.yaml', text }]);
  const t1 = performance.now();
  const vip = model.state.services.find((s) => s.metadata.name === 'web').spec.clusterIP;
  m.walkPacket(model, { from: { kind: 'node', name: 'worker-1' }, to: { kind: 'ip', ip: vip, port: ${port}, proto: 'tcp' } });
  return { derive: t1 - t0, walk: performance.now() - t1 };
})()`;

/** One case in a fresh Chromium page, closed (its renderer with it) after `seconds`. */
async function inChromium(browser: Browser, url: string, file: string, port: number, seconds: number): Promise<ModelFigure | string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(url);
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve(`did not finish in ${seconds} s`), seconds * 1000));
    return await Promise.race([page.evaluate(inPage(file, port)) as Promise<ModelFigure>, timeout]);
  } catch (error) {
    return /crash|out of memory/i.test(String(error)) ? 'the page crashed' : String(error).split('\n')[0]!;
  } finally {
    await context.close().catch(() => undefined);
  }
}

/**
 * The model's caps (src/model/limits.ts) against issue 14's hostile texts: deriveModel and one walk,
 * in Node (a process per case) and in Chromium (a fresh page per case, the model bundled as the
 * derive worker runs it). `--src DIR` measures another checkout's model (e.g. main, for "before"),
 * `--timeout S` (default 60) stops a case that does not finish, `--no-browser` leaves Chromium out.
 */
export async function benchModelLimits(argv: string[]): Promise<void> {
  const src = flag(argv, 'src') ?? root;
  const seconds = Number(flag(argv, 'timeout') ?? 60);
  const cases = modelCases();
  const dir = mkdtempSync(join(tmpdir(), 'packetwalk-limits-'));
  cases.forEach((c, i) => writeFileSync(join(dir, `case-${i}.yaml`), c.text));
  console.log(`\n# model caps: deriveModel + one walk (worker-1 → the Service "web") with the model of ${src}`);
  console.log(
    `# ${cpus().length} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(`# Node: a process per case, CPU time; Chromium: a fresh page per case, wall time; a case is stopped after ${seconds} s`);
  console.log(
    `${'case'.padEnd(40)} ${'text'.padStart(7)} | ${'Node derive'.padStart(11)} ${'walk'.padStart(7)} ${'pods'.padStart(5)}  result     | Chromium derive   walk`,
  );
  const browser = argv.includes('--no-browser') ? undefined : await launchChromium();
  let served: Served | undefined;
  try {
    if (browser) {
      await buildModelPage(src, dir, 'limits');
      served = await serveDist(dir);
    }
    const ms = (v: number) => `${v.toFixed(0)} ms`;
    for (const [i, c] of cases.entries()) {
      const node = inNode(src, join(dir, `case-${i}.yaml`), c.port, seconds);
      const page = browser && served ? await inChromium(browser, served.url, `case-${i}.yaml`, c.port, seconds) : 'not measured';
      const nodeText =
        typeof node === 'string'
          ? node.padEnd(43)
          : `${ms(node.derive).padStart(11)} ${ms(node.walk).padStart(7)} ${String(node.pods).padStart(5)}  ${node.result!.padEnd(10)}`;
      const pageText = typeof page === 'string' ? page : `${ms(page.derive).padStart(15)} ${ms(page.walk).padStart(6)}`;
      const size = c.text.length < 10_240 ? `${c.text.length} B` : `${(c.text.length / 1024).toFixed(0)} KB`;
      const warned = typeof node === 'string' || !node.warnings?.length ? '' : `  ${node.warnings.join(', ')}`;
      console.log(`${c.name.padEnd(40)} ${size.padStart(7)} | ${nodeText} | ${pageText}${warned}`);
    }
  } finally {
    await browser?.close();
    served?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
