// Builds the `packetwalk` command (vite.cli.config.ts: src/cli bundled into dist-cli/), and tells
// whether the built one is current. `npm run build:cli` and `prepare` (every `npm ci`) run this
// file; bin/packetwalk.js imports it to check, and to build when the bundle is missing or stale.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist-cli`;
const lock = `${root}dist-cli.lock`;

/**
 * Why dist-cli/ must be built again ("missing", or the first source file changed since), or null
 * when it is current. A copy without the sources (an installed package) runs what it ships.
 */
export function staleReason() {
  const bundle = statSync(`${dist}/packetwalk.mjs`, { throwIfNoEntry: false });
  if (!bundle || !existsSync(`${dist}/sources.json`)) return 'it is not built yet';
  if (!existsSync(`${root}src`)) return null;
  for (const file of JSON.parse(readFileSync(`${dist}/sources.json`, 'utf8'))) {
    const source = statSync(`${root}${file}`, { throwIfNoEntry: false });
    if (!source) return `${file} is gone`;
    if (source.mtimeMs > bundle.mtimeMs) return `${file} changed since it was built`;
  }
  return null;
}

/** Vite's build API, or null without the development dependencies (`npm ci --omit=dev`). */
async function viteBuild() {
  try {
    return (await import('vite')).build;
  } catch (err) {
    if (err.code === 'ERR_MODULE_NOT_FOUND') return null;
    throw err;
  }
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * Builds dist-cli/ into a directory of its own and swaps it in, under a lock: several commands
 * started at once (parallel tests) build it once, and none loads a half-written bundle.
 * Resolves false when Vite is not installed, so there is nothing to build with.
 */
export async function buildCli() {
  const build = await viteBuild();
  if (!build) return false;
  for (const since = Date.now(); ;) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    // Another build is running: wait for it, then use what it built. A lock left by a build
    // that was killed is taken over after two minutes.
    await sleep(100);
    if (!existsSync(lock)) return staleReason() === null || buildCli();
    if (Date.now() - since > 120_000) rmSync(lock, { recursive: true, force: true });
  }
  const tmp = `${dist}.tmp-${process.pid}`;
  try {
    await build({ root, configFile: `${root}vite.cli.config.ts`, build: { outDir: tmp } });
    rmSync(dist, { recursive: true, force: true });
    renameSync(tmp, dist);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(lock, { recursive: true, force: true });
  }
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // `prepare` runs on every install, `npm ci --omit=dev` too: without Vite it says so and lets the install finish.
  if (!(await buildCli())) console.warn('packetwalk: Vite is not installed (npm ci --omit=dev?), so the command was not built');
}
