// The model in the browser at scale: deriveModel and one walk for 300, 3,000 and 10,000
// Services × 5 endpoints, timed inside Chromium (what the page's derive worker runs), so the
// growth can be read next to bench/scale.ts's figures for the same clusters in Node.
//
// `npm run bench -- browser-derive [--sizes 300,3000,10000] [--runs 3]`: bundles src/model with
// Vite, serves it with the generated manifests, and times each size in a fresh page.

import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scaleManifest } from './scale';
import { serveDist } from './serveDist';
import { buildModelPage, flag, launchChromium } from './harness';

const root = fileURLToPath(new URL('..', import.meta.url));

// Runs in the page, as a string (no bundler helpers): derive, then walk from the first app pod
// to the last Service's ClusterIP, the last of KUBE-SERVICES' rules; wall ms from performance.now.
const inPage = (services: number) => `(async () => {
  const m = await import('./model.js');
  const text = await (await fetch('./services-${services}.yaml')).text();
  const t0 = performance.now();
  const model = m.deriveModel([{ name: 'services-${services}.yaml', text }]);
  const t1 = performance.now();
  const pod = model.state.pods.find((p) => p.metadata.name.startsWith('app-0-'));
  const vip = model.state.services.find((s) => s.metadata.name === 'app-${services - 1}').spec.clusterIP;
  const trace = m.walkPacket(model, { from: { kind: 'pod', namespace: 'default', name: pod.metadata.name }, to: { kind: 'ip', ip: vip, port: 80, proto: 'tcp' } });
  const t2 = performance.now();
  if (!trace.steps.length) throw new Error('the walk has no steps');
  return { derive: t1 - t0, walk: t2 - t1, bytes: text.length, result: trace.outcome.result };
})()`;

export async function benchBrowserDerive(argv: string[]): Promise<void> {
  const sizes = (flag(argv, 'sizes') ?? '300,3000,10000').split(',').map(Number);
  const runs = Number(flag(argv, 'runs') ?? 3);
  const dir = mkdtempSync(join(tmpdir(), 'packetwalk-browser-derive-'));
  mkdirSync(dir, { recursive: true });
  await buildModelPage(root, dir, 'model bench');
  for (const n of sizes) writeFileSync(join(dir, `services-${n}.yaml`), scaleManifest(n));
  const served = await serveDist(dir);
  const browser = await launchChromium();
  try {
    console.log(
      `\n# browser derive: deriveModel + one walk inside Chromium, N Services × 5 endpoints, median of ${runs} (a fresh page each)`,
    );
    console.log('  Services   text KB   derive ms   walk ms   total ms');
    let previous: number | undefined;
    for (const n of sizes) {
      const samples: { derive: number; walk: number; bytes: number }[] = [];
      for (let i = 0; i < runs; i++) {
        const page = await browser.newPage();
        await page.goto(served.url);
        samples.push(await page.evaluate(inPage(n)));
        await page.close();
      }
      samples.sort((a, b) => a.derive + a.walk - (b.derive + b.walk));
      const m = samples[Math.floor(samples.length / 2)]!;
      const total = m.derive + m.walk;
      const growth = previous ? `   ×${(total / previous).toFixed(1)} from the size before` : '';
      console.log(
        `  ${String(n).padStart(8)}  ${(m.bytes / 1024).toFixed(0).padStart(8)}  ${m.derive.toFixed(0).padStart(10)}  ${m.walk.toFixed(0).padStart(8)}  ${total.toFixed(0).padStart(9)}${growth}`,
      );
      previous = total;
    }
  } finally {
    await browser.close();
    served.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchBrowserDerive(process.argv.slice(2));
