// One case of bench/limits.ts's model figures, in a process of its own so that a text the model
// cannot finish (on the code before the caps) is stopped by its parent without taking it down:
// `tsx bench/limitsChild.ts SRC_DIR TEXT_FILE PORT` derives the text with SRC_DIR's model, walks
// one packet from worker-1 to port PORT of the Service "web", and prints the figures as JSON
// (CPU milliseconds of the process, user + system: the machine is shared, wall time measures the neighbours).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as ModelApi from '../src/model';

const [src, file, port] = process.argv.slice(2) as [string, string, string];
const m = (await import(pathToFileURL(join(src, 'src/model/index.ts')).href)) as typeof ModelApi;
const text = readFileSync(file, 'utf8');
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const t0 = cpu();
const model = m.deriveModel([{ name: 'case.yaml', text }]);
const t1 = cpu();
const vip = model.state.services.find((s) => s.metadata.name === 'web')!.spec.clusterIP!;
const trace = m.walkPacket(model, {
  from: { kind: 'node', name: 'worker-1' },
  to: { kind: 'ip', ip: vip, port: Number(port), proto: 'tcp' },
});
const t2 = cpu();
console.log(
  JSON.stringify({
    derive: t1 - t0,
    walk: t2 - t1,
    pods: model.state.pods.filter((p) => /^web\d*-/.test(p.metadata.name)).length,
    result: trace.outcome.result,
    warnings: [...new Set(model.diagnostics.filter((d) => d.code.startsWith('limits.')).map((d) => d.code))],
  }),
);
