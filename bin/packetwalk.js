#!/usr/bin/env node
// Runs the command built from src/cli into dist-cli/ (plain JavaScript: no compiler at start).
// `npm ci` builds it. When it is missing or older than a source it was built from, it is built
// here first, once, with a line on stderr: whoever types `packetwalk` after a clone installed with
// --ignore-scripts, a `git pull` or an edit wants the command the sources describe, and a build
// of a few seconds serves them better than an error asking them to run it themselves (and it
// means no test ever runs a stale bundle).
import { buildCli, staleReason } from '../scripts/buildCli.mjs';

// A reader that stops early (`| head -1`, `| grep -m1`) closes the pipe: stop quietly, as Unix
// tools do, with exit code 0, since the reader has all it asked for. Any other failure to write
// (a full disk) is one line and exit 1.
for (const [stream, name] of [
  [process.stdout, 'standard output'],
  [process.stderr, 'standard error'],
]) {
  stream.on('error', (err) => {
    if (err.code !== 'EPIPE' && stream === process.stdout)
      process.stderr.write(`packetwalk: cannot write ${name}: ${err.code ?? err.message}\n`);
    process.exit(err.code === 'EPIPE' ? 0 : 1);
  });
}

const stale = staleReason();
if (stale) {
  process.stderr.write(`packetwalk: building the command first (${stale})…\n`);
  // Without the development dependencies there is nothing to build with: run what there is.
  if (!(await buildCli()) && stale === 'it is not built yet') {
    process.stderr.write('packetwalk: building it needs the development dependencies: run npm ci in the repository\n');
    process.exit(1);
  }
}
const { main } = await import('../dist-cli/packetwalk.mjs');
process.exitCode = await main(process.argv.slice(2));
