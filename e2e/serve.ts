// A tiny static server for the built site under a sub-path, the way GitHub Pages or a
// blog would host it: http://127.0.0.1:4178/packetwalk/ serves dist/.
// Every response carries the Content-Security-Policy the build put in index.html's <meta>,
// as a header too, so the tests run under the policy a host would send.
// Usage: tsx e2e/serve.ts [dir] [port]

import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? 4178);
const base = '/packetwalk/';
const policy = readFileSync(join(root, 'index.html'), 'utf8')
  .match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1]
  ?.replaceAll('&#39;', "'");
if (!policy) throw new Error(`${root}/index.html has no Content-Security-Policy <meta>`);

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.yaml': 'text/yaml; charset=utf-8',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/packetwalk') {
    res.writeHead(301, { location: base }).end();
    return;
  }
  if (!url.pathname.startsWith(base)) {
    res.writeHead(404).end('not under /packetwalk/');
    return;
  }
  const rel = normalize(decodeURIComponent(url.pathname.slice(base.length)) || 'index.html');
  const file = join(root, rel.endsWith('/') ? `${rel}index.html` : rel);
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
  } catch {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
    'content-security-policy': policy,
  });
  createReadStream(file).pipe(res);
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}${base}`));
