// fast-check's property suites run with a fixed seed so that a failure reproduces; FC_SEED and
// FC_RUNS vary them (FC_SEED=$RANDOM FC_RUNS=1000 npx vitest run src/model/trace/), and more
// runs get the time they need (2 s each, the pipeline's hang guard).
import fc from 'fast-check';
import { vi } from 'vitest';

// 300 runs keep each suite within about 30 s on a loaded 2-core machine.
const runs = Number(process.env.FC_RUNS ?? 300);
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261203), numRuns: runs });
if (process.env.FC_RUNS) vi.setConfig({ testTimeout: Math.max(60_000, runs * 2_000) });
