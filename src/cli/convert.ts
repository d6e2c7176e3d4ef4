// `packetwalk convert -f FILE --to gateway-api [-o yaml|json]`: the objects ingress2gateway would
// print on stdout, its notes (what was made from what, what was left out) on stderr.
import { convertToGatewayApi, INGRESS2GATEWAY_VERSION, type ConvertNote, type Model } from '../model';
import { CliError, UsageError } from './errors';
import { oneOf } from './flags';
import { elide, message } from './messages';
import type { CliIo } from './io';

/** A note as a diagnostic prints: `file:line:col: severity: text`, or `packetwalk: severity: text` for one about the whole conversion. */
function formatNote(n: ConvertNote): string {
  const where = n.file !== undefined ? `${n.file}:${n.line}:${n.col}` : 'packetwalk';
  const params = Object.fromEntries(Object.entries(n.params).map(([k, v]) => [k, typeof v === 'string' ? elide(v) : v]));
  return `${where}: ${n.severity}: ${message(n.key, params)}`;
}

/** The command's flags checked before any file is read; then what it prints for a model. */
export function planConvert(values: { to?: string; output?: string }, io: CliIo): (model: Model) => void {
  if (values.to !== 'gateway-api') throw new UsageError(message('convert.cli.to', { value: elide(values.to ?? '') }));
  const output = oneOf('-o', values.output ?? 'yaml', ['yaml', 'json'] as const);
  return (model) => {
    const ingresses = model.manifests.filter((m) => m.object.kind === 'Ingress').length;
    if (ingresses === 0) throw new CliError(message('convert.cli.noIngress'));
    const result = convertToGatewayApi(model.manifests);
    for (const n of result.notes) io.err(formatNote(n) + '\n');
    io.err(
      `packetwalk: ${message('convert.cli.converted', { ingresses, objects: result.objects.length, version: INGRESS2GATEWAY_VERSION })}\n`,
    );
    io.out(output === 'yaml' ? result.yaml : JSON.stringify(result.objects, null, 2) + '\n');
  };
}
