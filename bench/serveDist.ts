// Serves a built site with e2e/serve.ts (the same sub-path server the browser tests use)
// on a free port, and stops it again.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface Served {
  url: string;
  stop: () => void;
}

export async function serveDist(dir: string, port?: number): Promise<Served> {
  const chosen = port ?? (await freePort());
  // Its own process group, so stopping it also stops the node process npx and tsx start under it.
  const child = spawn('npx', ['tsx', 'e2e/serve.ts', dir, String(chosen)], { cwd: root, detached: true, stdio: 'ignore' });
  const stop = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  const url = `http://127.0.0.1:${chosen}/packetwalk/`;
  for (const started = Date.now(); Date.now() - started < 30_000; await new Promise((r) => setTimeout(r, 200))) {
    if (child.exitCode !== null) break;
    const ok = await fetch(url).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return { url, stop };
  }
  stop();
  throw new Error(`the server for ${dir} did not answer at ${url}`);
}
