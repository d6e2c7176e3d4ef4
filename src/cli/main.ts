// The `packetwalk` command: parse arguments, call the model, print. Nothing else lives here.
import { parseArgs } from 'node:util';
import { dump } from 'js-yaml';
import {
  declaredWalk,
  deriveModel,
  formatSourceArg,
  formatTargetArg,
  nginxConf,
  openingPacket,
  traceSeries,
  walkPacket,
  type DeriveOptions,
  type Model,
  type PacketSpec,
  type WalkWhatIf,
} from '../model';
import { processIo, readInputs, type CliIo } from './io';
import { formatDiagnostic, message } from './messages';
import { parseSource, parseTarget } from './specs';
import { formatTraceText } from './traceText';
import { UsageError } from './usageError';

const USAGE = `usage:
  packetwalk get        -f FILE [-f FILE…] [-o json|yaml]
  packetwalk iptables   -f FILE --node NAME [--format restore|save] [--family 4|6]
  packetwalk ipvsadm    -f FILE --node NAME
  packetwalk ipset      -f FILE --node NAME
  packetwalk nginx-conf -f FILE
  packetwalk trace      -f FILE [--from pod/NS/NAME|node/NAME|client[/IP]] [--to IP:PORT|NAME:PORT|URL]
                        [--protocol tcp|udp|sctp]
                        [--seed N] [--endpoint IP:PORT] [--repeat N] [-o json|text]
                        (without --from/--to: the packet the file's "# packetwalk:" line declares,
                        else from one of its pods to its first Service)
  packetwalk render     -f FILE [--from … --to … as for trace] [--step N] [--format svg|png]
                        [--caption] [--lang en|zh-CN] -o OUT
                        (the picture of step N, 1 the first, as the app draws it; png needs Chromium)
  what-if, for every command: [--down NODE]… [--not-ready NS/POD]… [--proxy-mode iptables|ipvs]
  (-f - reads standard input)`;

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const { values } = parseArgs({
      args: rest,
      options: {
        file: { type: 'string', short: 'f', multiple: true },
        output: { type: 'string', short: 'o' },
        node: { type: 'string' },
        format: { type: 'string' },
        family: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        protocol: { type: 'string' },
        seed: { type: 'string' },
        endpoint: { type: 'string' },
        down: { type: 'string', multiple: true },
        'not-ready': { type: 'string', multiple: true },
        'proxy-mode': { type: 'string' },
        repeat: { type: 'string' },
        step: { type: 'string' },
        caption: { type: 'boolean' },
        lang: { type: 'string' },
      },
      strict: true,
    });
    if (!command || command === 'help' || command === '--help') {
      io.out(USAGE + '\n');
      return command ? 0 : 2;
    }
    const files = values.file ?? [];
    if (files.length === 0) throw new UsageError('missing -f FILE');
    const proxyMode = values['proxy-mode'];
    if (proxyMode !== undefined && proxyMode !== 'iptables' && proxyMode !== 'ipvs')
      throw new UsageError('--proxy-mode must be iptables or ipvs');
    const inputs = readInputs(files, io);
    // A trace (or its picture) takes the what-ifs its file declares, unless the command line names them.
    const walks = command === 'trace' || command === 'render';
    const declared = walks ? declaredWalk(inputs).walk : null;
    const whatIf = whatIfOptions({ downNodes: values.down, notReadyPods: values['not-ready'], proxyMode }, declared?.flags.whatIf ?? {});
    const model = deriveModel(inputs, whatIf);
    const errors = model.diagnostics.filter((d) => d.severity === 'error');
    for (const d of model.diagnostics) if (d.severity !== 'info') io.err(formatDiagnostic(d) + '\n');

    switch (command) {
      case 'get':
        io.out(renderGet(model, values.output ?? 'json'));
        break;
      case 'iptables': {
        const name = requireNode(model, values.node);
        const fmt = values.format ?? 'restore';
        const family = values.family ?? '4';
        if (family !== '4' && family !== '6') throw new UsageError('--family must be 4 or 6');
        if (fmt !== 'restore' && fmt !== 'save') throw new UsageError(`--format must be restore or save`);
        if (family === '6') {
          // The IPv6 side: kube-proxy's ip6tables-restore batch, or what ip6tables-save prints once its jumps and flannel's rules are in.
          const v6 = model.dataplane.iptables6(name);
          if (!v6) throw new UsageError('--family 6 is modelled for kube-proxy in iptables mode only');
          io.out(fmt === 'restore' ? v6.restore : v6.save);
          break;
        }
        // The restore batch alone does not need the node's ruleset parsed and listed back.
        io.out(fmt === 'restore' ? model.dataplane.iptablesRestore(name)! : model.dataplane.node(name)!.iptablesSave);
        break;
      }
      case 'ipvsadm':
      case 'ipset': {
        const dp = model.dataplane.node(requireNode(model, values.node))!;
        if (!dp.ipvs) {
          io.err(`packetwalk: kube-proxy runs in ${model.state.config.proxy.mode} mode; set mode: ipvs in a KubeProxyConfiguration\n`);
          return 1;
        }
        io.out(command === 'ipvsadm' ? dp.ipvs.ipvsadm : dp.ipvs.ipsetList);
        break;
      }
      case 'nginx-conf':
        if (!model.ingress) {
          io.err('packetwalk: no Ingress in the manifests, so no ingress-nginx controller\n');
          return 1;
        }
        io.out(nginxConf(model.ingress));
        break;
      case 'trace': {
        const spec = packetSpec(values, model, declared?.file, io);
        const out = values.output ?? 'text';
        if (values.repeat !== undefined) {
          // The same client connecting again and again: ClientIP affinity shows as the same endpoint each time.
          const count = Number(values.repeat);
          if (!Number.isInteger(count) || count < 1 || count > 1000) throw new UsageError('--repeat must be a whole number from 1 to 1000');
          const traces = traceSeries(model, spec, count);
          io.out(out === 'json' ? JSON.stringify(traces, null, 2) + '\n' : traces.map(formatTraceText).join('\n'));
          break;
        }
        const trace = walkPacket(model, spec);
        io.out(out === 'json' ? JSON.stringify(trace, null, 2) + '\n' : formatTraceText(trace));
        break;
      }
      case 'render': {
        const format = values.format ?? 'svg';
        if (format !== 'svg' && format !== 'png') throw new UsageError('--format must be svg or png');
        const locale = values.lang ?? 'en';
        if (locale !== 'en' && locale !== 'zh-CN') throw new UsageError('--lang must be en or zh-CN');
        if (!values.output) throw new UsageError('render needs -o OUT, the file to write');
        const step = values.step === undefined ? undefined : Number(values.step);
        if (step !== undefined && !Number.isInteger(step)) throw new UsageError('--step must be a whole number');
        // The picture shows one text, as the app's editor holds it.
        const file = { name: inputs[0].name, text: inputs.map((f) => f.text).join('\n---\n') };
        const spec = packetSpec(values, model, declared?.file, io);
        // Loaded only here: the picture needs React and the app's drawing, the other commands do not.
        const { NoBrowserError, render } = await import('./render');
        try {
          await render({ model, whatIf, file, spec, step, format, caption: !!values.caption, locale, out: values.output });
        } catch (err) {
          if (!(err instanceof NoBrowserError)) throw err;
          io.err(`packetwalk: ${err.message}\n`);
          return 1;
        }
        io.err(`packetwalk: wrote ${values.output}\n`);
        break;
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
    return errors.length > 0 ? 1 : 0;
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`packetwalk: ${(err as Error).message}\n${USAGE}\n`);
      return 2;
    }
    if ((err as { code?: string }).code === 'ENOENT') {
      io.err(`packetwalk: ${(err as Error).message}\n`);
      return 1;
    }
    throw err;
  }
}

/** The packet --from/--to name, else the one the file declares (or its default), as `trace` walks it. */
function packetSpec(
  values: { from?: string; to?: string; protocol?: string; seed?: string; endpoint?: string },
  model: Model,
  declaredIn: string | undefined,
  io: CliIo,
): PacketSpec {
  const given = values.from !== undefined && values.to !== undefined;
  const opening = given ? null : openingPacket(model.files, model.state);
  const from = values.from !== undefined ? parseSource(values.from) : opening?.spec.from;
  const to = values.to !== undefined ? parseTarget(values.to, values.protocol ?? 'tcp') : opening?.spec.to;
  if (!from || !to) throw new UsageError('the manifests declare no packet and have no Service to walk to: give --from and --to');
  const spec: PacketSpec = { from, to };
  const seed = values.seed !== undefined ? Number(values.seed) : opening?.spec.seed;
  const endpoint = values.endpoint ?? opening?.spec.endpoint;
  if (seed !== undefined) spec.seed = seed;
  if (endpoint !== undefined) spec.endpoint = endpoint;
  if (opening) {
    const why = opening.basis === 'declared' ? `as ${declaredIn ?? 'the input'} declares` : 'the default packet';
    io.err(`packetwalk: walking --from ${formatSourceArg(from)} --to ${formatTargetArg(to)} (${why})\n`);
  }
  return spec;
}

/** The command line's what-ifs, each one not given taken from what the file declares. */
function whatIfOptions(given: WalkWhatIf, declared: WalkWhatIf): DeriveOptions {
  const out: DeriveOptions = {};
  const downNodes = given.downNodes ?? declared.downNodes;
  const notReadyPods = given.notReadyPods ?? declared.notReadyPods;
  const proxyMode = given.proxyMode ?? declared.proxyMode;
  if (downNodes) out.downNodes = downNodes;
  if (notReadyPods) out.notReadyPods = notReadyPods;
  if (proxyMode) out.proxyMode = proxyMode;
  return out;
}

function requireNode(model: Model, name: string | undefined): string {
  const names = model.dataplane.nodeNames;
  if (!name || !names.includes(name)) {
    throw new UsageError(`--node must name one of: ${names.join(', ')}`);
  }
  return name;
}

function renderGet(model: Model, output: string): string {
  const { state } = model;
  const doc = {
    nodes: state.nodes,
    pods: state.pods,
    services: state.services,
    endpointSlices: state.endpointSlices,
    events: state.events.map((e) => ({
      object: e.object,
      type: e.type,
      reason: e.reason,
      message: message(e.message.key, e.message.params),
    })),
    metallb: {
      announcements: (state.metallb?.announcements ?? []).map(({ service, ip, protocol, nodes, peers }) => ({
        service,
        ip,
        protocol,
        nodes,
        peers,
      })),
    },
    diagnostics: model.diagnostics.map(({ severity, code, params, file, line, col }) => ({
      severity,
      code,
      params,
      file,
      line,
      col,
    })),
  };
  if (output === 'yaml') return dump(doc, { noRefs: true });
  if (output === 'json') return JSON.stringify(doc, null, 2) + '\n';
  throw new UsageError('-o must be json or yaml');
}
