// The names a command line gives that must exist in the manifests: a node, a pod, a Service's
// endpoint. Walking from a pod that is not there would print "dropped" and exit 0; naming what
// does exist is what the learner needs instead.
import { formatSourceArg, slicesOfService, type Model, type PacketSpec, type Trace, type WalkWhatIf } from '../model';
import { CliError, UsageError } from './errors';
import { elide, listSome, say } from './messages';

const nodeNames = (model: Model) => model.dataplane.nodeNames;
const podNames = (model: Model) => model.state.pods.map((p) => `${p.metadata.namespace}/${p.metadata.name}`);

/** `given` (the flag and its value, as typed) names `name`, which must be one of `names`. */
function mustExist(
  given: string,
  name: string,
  names: readonly string[],
  what: 'cli.name.node' | 'cli.name.pod' | 'cli.name.endpoint',
  params: Record<string, string> = {},
): void {
  if (!names.includes(name)) throw new CliError(say(what, { ...params, given: elide(given), names: listSome(names) }));
}

const nodes = 'cli.name.node';
const pods = 'cli.name.pod';

/** `--node NAME`, which iptables, ipvsadm and ipset need. */
export function requireNode(model: Model, name: string | undefined): string {
  if (name === undefined) throw new UsageError(say('cli.usage.needsNode', { nodes: listSome(nodeNames(model)) }));
  mustExist(`--node ${name}`, name, nodeNames(model), nodes);
  return name;
}

/** The what-ifs the command line names (a file's declared ones are its own diagnostics). */
export function checkWhatIf(model: Model, given: WalkWhatIf): void {
  for (const node of given.downNodes ?? []) mustExist(`--down ${node}`, node, nodeNames(model), nodes);
  for (const pod of given.notReadyPods ?? []) mustExist(`--not-ready ${pod}`, pod, podNames(model), pods);
}

export function checkSource(model: Model, from: PacketSpec['from']): void {
  const given = `--from ${formatSourceArg(from)}`;
  if (from.kind === 'pod') mustExist(given, `${from.namespace}/${from.name}`, podNames(model), pods);
  if (from.kind === 'node') mustExist(given, from.name, nodeNames(model), nodes);
}

/** `--endpoint` must be one of the endpoints of the Service the walk reached. */
export function checkEndpoint(model: Model, trace: Trace, endpoint: string): void {
  const service = trace.outcome.service ?? trace.steps.find((s) => s.nat?.service)?.nat?.service;
  if (!service) throw new CliError(say('cli.name.noService', { endpoint, result: trace.outcome.result }));
  const svc = model.state.services.find((s) => `${s.metadata.namespace}/${s.metadata.name}` === service);
  const endpoints = (svc ? slicesOfService(svc, model.state.endpointSlices) : []).flatMap((s) =>
    s.endpoints.flatMap((e) => e.addresses.flatMap((ip) => s.ports.map((p) => `${ip}:${p.port}`))),
  );
  mustExist(`--endpoint ${endpoint}`, endpoint, [...new Set(endpoints)], 'cli.name.endpoint', { service });
}
