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
  type InputFile,
  type Model,
  type PacketSpec,
  type TraceSource,
  type TraceTarget,
  type WalkWhatIf,
} from '../model';
import { CliError, UsageError } from './errors';
import { digQuestion, runDig } from './dig';
import { checkCommand, oneOf, wholeNumber, type Command } from './flags';
import { ipObject, ipTable } from './ipRoute';
import { processIo, readInputs, type CliIo } from './io';
import { elide, formatDiagnostic, message, say, useLocale } from './messages';
import { checkEndpoint, checkSource, checkWhatIf, requireNode } from './names';
import { parseEndpoint, parseHeader, parseMethod, parseSource, parseTarget } from './specs';
import { planNft } from './nft';
import { planConvert } from './convert';
import { formatTraceText } from './traceText';
import { envoyConfigJson, parseGatewayKey } from './envoyConfig';

const USAGE = `usage:
  packetwalk get        -f FILE [-f FILE…] [-o json|yaml]
  packetwalk iptables   -f FILE --node NAME [--format restore|save] [--family 4|6]
  packetwalk ipvsadm    -f FILE --node NAME
  packetwalk ipset      -f FILE --node NAME
  packetwalk nft        -f FILE --node NAME [--family 4|6] [--format dump|list]
                        (kube-proxy in nftables mode: the kube-proxy table it loads with nft -f,
                        or as nft list table shows it once loaded)
  packetwalk nginx-conf -f FILE
  packetwalk envoy-config -f FILE [--gateway NS/NAME]
                        (Envoy's listeners, routes and clusters for each Gateway of Envoy Gateway, as JSON)
  packetwalk dig        -f FILE --from pod/NS/NAME NAME [A|AAAA|SRV|PTR|CNAME|TXT|NS] [+search] [-o text|json]
                        (dig as the pod runs it, asking its nameserver; -x ADDRESS asks the PTR of an
                        address; +search tries the pod's search list as its resolver does in a trace)
  packetwalk ip         -f FILE --node NAME route|neigh
  packetwalk bridge     -f FILE --node NAME fdb
                        (the node's routes, ARP neighbours and forwarding entries as iproute2 prints them)
  packetwalk trace      -f FILE [--from pod/NS/NAME|node/NAME|client[/IP]] [--to IP:PORT|NAME:PORT|URL]
                        [--protocol tcp|udp|sctp] [--method M] [--header 'Name: value']…
                        [--seed 0-999999999] [--endpoint IP:PORT] [--repeat 1-1000] [-o json|text]
                        (--method and --header go with an http(s):// URL; a Host: header replaces the
                        URL's host, as curl does; --repeat N -o json prints the N outcomes as a list)
                        (without --from/--to: the packet the file's "# packetwalk:" line declares,
                        else from one of its pods to its first Service)
  packetwalk render     -f FILE [--from … --to … as for trace] [--step N] [--format svg|png]
                        [--caption] [--lang en|zh-CN] -o OUT
                        (the picture of step N, 1 the first, as the app draws it; png needs Chromium)
  packetwalk convert    -f FILE --to gateway-api [-o yaml|json]
                        (the Ingresses as a Gateway and HTTPRoutes, as ingress2gateway's ingress-nginx
                        provider makes them; what it made from what and what it left out on stderr)
  what-if, for every command but convert: [--down NODE]… [--not-ready NS/POD]… [--proxy-mode iptables|ipvs|nftables]
  (-f - reads standard input, -h or --help prints this)
exit code: 0 done, 1 an error in the input or a name it does not have, 2 a command line that
does not parse, 70 a bug in packetwalk`;

const options = {
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
  method: { type: 'string' },
  header: { type: 'string', multiple: true },
  down: { type: 'string', multiple: true },
  'not-ready': { type: 'string', multiple: true },
  'proxy-mode': { type: 'string' },
  repeat: { type: 'string' },
  step: { type: 'string' },
  caption: { type: 'boolean' },
  lang: { type: 'string' },
  reverse: { type: 'string', short: 'x' },
  gateway: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ args: string[]; options: typeof options; strict: true }>>['values'];

/**
 * The command's exit code: 0, 1 for bad input or a name the input lacks, 2 for a command line
 * that does not parse, 70 (sysexits' EX_SOFTWARE) for a bug in the command itself. Every failure
 * is one line on stderr (a usage error adds the usage), never a stack trace.
 */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  try {
    await useLocale(io.locale ?? 'en');
    return await run(argv, io);
  } catch (err) {
    if (err instanceof UsageError || isParseArgsError(err)) {
      io.err(`packetwalk: ${oneLine(err as Error)}\n${USAGE}\n`);
      return 2;
    }
    if (err instanceof CliError) {
      io.err(`packetwalk: ${err.message}\n`);
      return 1;
    }
    io.err(
      `packetwalk: ${say('cli.internal', { message: elide((err instanceof Error ? err.message : String(err)).split('\n')[0]!, 200) })}\n`,
    );
    return 70;
  }
}

const isParseArgsError = (err: unknown) => String((err as { code?: unknown } | null)?.code).startsWith('ERR_PARSE_ARGS');

/** An error's message as one line of bounded length (less parseArgs' advice on positionals, which no command takes). */
function oneLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return elide(text.replace(/\. To specify a positional argument[^]*$/, '').replace(/\s*\n\s*/g, ' '), 200);
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError(say('cli.usage.noCommand'));
  const { values, positionals } = parseArgs({ args: rest, options, strict: true, allowPositionals: true });
  if (command === 'help' || command === '--help' || command === '-h' || values.help) {
    io.out(USAGE + '\n');
    return 0;
  }
  const cmd = checkCommand(command, values, positionals);
  const files = values.file ?? [];
  if (files.length === 0) throw new UsageError(say('cli.usage.noFile'));
  // Every value is checked before a file is read: a typo costs nothing, and nothing is printed before it.
  const given = givenWhatIf(values);
  const job = plan(cmd, values, positionals, io);

  const inputs = await readInputs(files, io);
  // A trace (or its picture) takes the what-ifs its file declares, unless the command line names them.
  const declared = job.walks ? declaredWalk(inputs).walk : null;
  const whatIf = whatIfOptions(given, declared?.flags.whatIf ?? {});
  // What `kubectl apply` would leave in the cluster: an object with an error is refused, the others applied.
  const model = deriveModel(inputs, { ...whatIf, asApplied: true });
  const errors = model.diagnostics.filter((d) => d.severity === 'error');
  for (const d of model.diagnostics) if (d.severity !== 'info') io.err(formatDiagnostic(d) + '\n');
  if (errors.length > 0) io.err(`packetwalk: ${message('cli.rejected')}\n`);
  checkWhatIf(model, given);
  await job.run({ model, inputs, whatIf, declaredIn: declared?.file });
  return errors.length > 0 ? 1 : 0;
}

interface Derived {
  model: Model;
  inputs: InputFile[];
  whatIf: DeriveOptions;
  /** The file whose `# packetwalk:` line the walk takes its defaults from. */
  declaredIn: string | undefined;
}

/** What the command will do with the model, its flags' values checked now, before any input is read. */
function plan(cmd: Command, values: Values, words: string[], io: CliIo): { walks: boolean; run: (d: Derived) => void | Promise<void> } {
  switch (cmd) {
    case 'dig': {
      const question = digQuestion(values.from, values.reverse, words);
      const output = oneOf('-o', values.output ?? 'text', ['text', 'json'] as const);
      const now = (io.now ?? processIo.now)();
      return {
        walks: false,
        run: ({ model }) => {
          checkSource(model, question.from);
          io.out(runDig(model, question, output, now, io.err));
        },
      };
    }
    case 'ip':
    case 'bridge': {
      const object = ipObject(cmd, words);
      if (values.family === '6') throw new UsageError(say('cli.ip.family6'));
      oneOf('--family', values.family ?? '4', ['4', '6'] as const);
      return { walks: false, run: ({ model }) => io.out(ipTable(model, requireNode(model, values.node), object)) };
    }
    case 'get': {
      const output = oneOf('-o', values.output ?? 'json', ['json', 'yaml'] as const);
      return { walks: false, run: ({ model }) => io.out(renderGet(model, output)) };
    }
    case 'iptables': {
      const fmt = oneOf('--format', values.format ?? 'restore', ['restore', 'save'] as const);
      const family = oneOf('--family', values.family ?? '4', ['4', '6'] as const);
      return {
        walks: false,
        run: ({ model }) => {
          const name = requireNode(model, values.node);
          if (family === '6') {
            // The IPv6 side: kube-proxy's ip6tables-restore batch, or what ip6tables-save prints once its jumps and flannel's rules are in.
            const v6 = model.dataplane.iptables6(name);
            if (!v6) throw new UsageError(say('cli.usage.family6'));
            io.out(fmt === 'restore' ? v6.restore : v6.save);
            return;
          }
          // In nftables mode kube-proxy sends iptables-restore nothing; iptables-save still lists flannel's rules.
          if (fmt === 'restore' && model.state.config.proxy.mode === 'nftables') throw new CliError(message('nft.cli.noIptables'));
          // The restore batch alone does not need the node's ruleset parsed and listed back.
          io.out(fmt === 'restore' ? model.dataplane.iptablesRestore(name)! : model.dataplane.node(name)!.iptablesSave);
        },
      };
    }
    case 'ipvsadm':
    case 'ipset':
      return {
        walks: false,
        run: ({ model }) => {
          const dp = model.dataplane.node(requireNode(model, values.node))!;
          if (!dp.ipvs) throw new CliError(say('cli.ipvsOnly', { mode: model.state.config.proxy.mode }));
          io.out(cmd === 'ipvsadm' ? dp.ipvs.ipvsadm : dp.ipvs.ipsetList);
        },
      };
    case 'nft': {
      const print = planNft(values, io);
      return { walks: false, run: ({ model }) => print(model) };
    }
    case 'convert': {
      const print = planConvert(values, io);
      return { walks: false, run: ({ model }) => print(model) };
    }
    case 'nginx-conf':
      return {
        walks: false,
        run: ({ model }) => {
          if (!model.ingress) throw new CliError(say('cli.noIngress'));
          io.out(nginxConf(model.ingress));
        },
      };
    case 'envoy-config': {
      const gateway = values.gateway === undefined ? undefined : parseGatewayKey(values.gateway);
      return { walks: false, run: ({ model }) => io.out(envoyConfigJson(model, gateway)) };
    }
    case 'trace': {
      const packet = packetFlags(values);
      const out = oneOf('-o', values.output ?? 'text', ['text', 'json'] as const);
      // The same client connecting again and again: ClientIP affinity shows as the same endpoint each time.
      const repeat = values.repeat === undefined ? undefined : wholeNumber('--repeat', values.repeat, 1, 1000);
      return {
        walks: true,
        run: ({ model, declaredIn }) => {
          const spec = packetSpec(packet, model, declaredIn, io);
          const traces = repeat === undefined ? [walkPacket(model, spec)] : traceSeries(model, spec, repeat);
          if (spec.endpoint !== undefined) checkEndpoint(model, traces[0]!, spec.endpoint);
          // Many connections: what each one ended in (which backend, which status) is the point.
          const printed = repeat === undefined ? traces[0] : traces.map((t) => t.outcome);
          io.out(out === 'json' ? JSON.stringify(printed, null, 2) + '\n' : traces.map(formatTraceText).join('\n'));
        },
      };
    }
    case 'render': {
      const packet = packetFlags(values);
      const format = oneOf('--format', values.format ?? 'svg', ['svg', 'png'] as const);
      const locale = oneOf('--lang', values.lang ?? 'en', ['en', 'zh-CN'] as const);
      const target = values.output;
      if (!target) throw new UsageError(say('cli.usage.renderOut'));
      const step = values.step === undefined ? undefined : wholeNumber('--step', values.step, 1, 99_999);
      return {
        walks: true,
        run: async ({ model, inputs, whatIf, declaredIn }) => {
          // The picture shows one text, as the app's editor holds it.
          const file = { name: inputs[0]!.name, text: inputs.map((f) => f.text).join('\n---\n') };
          const spec = packetSpec(packet, model, declaredIn, io);
          if (spec.endpoint !== undefined) checkEndpoint(model, walkPacket(model, spec), spec.endpoint);
          // Loaded only here: the picture needs React and the app's drawing, the other commands do not.
          const { render } = await import('./render');
          await render({ model, whatIf, file, spec, step, format, caption: !!values.caption, locale, out: target });
          io.err(`packetwalk: ${say('cli.wrote', { file: target })}\n`);
        },
      };
    }
  }
}

/** --from, --to, --protocol, --seed and --endpoint as given, each checked for its form. */
interface PacketFlags {
  from?: TraceSource;
  to?: TraceTarget;
  seed?: number;
  endpoint?: string;
}

function packetFlags(values: Values): PacketFlags {
  const flags: PacketFlags = {};
  if (values.protocol !== undefined && values.to === undefined) throw new UsageError(say('cli.usage.protocolWithTo'));
  if (values.from !== undefined) flags.from = parseSource(values.from);
  if (values.to !== undefined) flags.to = parseTarget(values.to, values.protocol ?? 'tcp');
  const http = { method: values.method, header: values.header };
  for (const [flag, value] of Object.entries(http)) {
    if (value !== undefined && flags.to?.kind !== 'url') throw new UsageError(say('cli.usage.httpOnly', { flag: `--${flag}` }));
  }
  if (flags.to?.kind === 'url') {
    if (http.method !== undefined) flags.to.method = parseMethod(http.method);
    if (http.header) flags.to.headers = http.header.map(parseHeader);
  }
  // The range a scenario's `# packetwalk:` line accepts.
  if (values.seed !== undefined) flags.seed = wholeNumber('--seed', values.seed, 0, 999_999_999);
  if (values.endpoint !== undefined) flags.endpoint = parseEndpoint(values.endpoint);
  return flags;
}

/** --down, --not-ready and --proxy-mode as given, each checked for its form. */
function givenWhatIf(values: Values): WalkWhatIf {
  const given: WalkWhatIf = {};
  if (values.down) given.downNodes = values.down;
  if (values['not-ready']) {
    for (const pod of values['not-ready']) {
      if (!/^[^/\s]+\/[^/\s]+$/.test(pod)) throw new UsageError(say('cli.usage.notReady', { value: elide(pod) }));
    }
    given.notReadyPods = values['not-ready'];
  }
  if (values['proxy-mode'] !== undefined) {
    const mode = oneOf('--proxy-mode', values['proxy-mode'], ['iptables', 'ipvs', 'nftables'] as const);
    given.proxyMode = mode;
  }
  return given;
}

/** The packet --from/--to name, else the one the file declares (or its default), as `trace` walks it. */
function packetSpec(flags: PacketFlags, model: Model, declaredIn: string | undefined, io: CliIo): PacketSpec {
  const given = flags.from !== undefined && flags.to !== undefined;
  const opening = given ? null : openingPacket(model.files, model.state);
  const from = flags.from ?? opening?.spec.from;
  const to = flags.to ?? opening?.spec.to;
  if (!from || !to) throw new CliError(say('cli.noPacket'));
  // A walk from a pod or node that is not there would only say "dropped".
  checkSource(model, from);
  const spec: PacketSpec = { from, to };
  const seed = flags.seed ?? opening?.spec.seed;
  const endpoint = flags.endpoint ?? opening?.spec.endpoint;
  if (seed !== undefined) spec.seed = seed;
  if (endpoint !== undefined) spec.endpoint = endpoint;
  if (opening) {
    const why = opening.basis === 'declared' && declaredIn ? say('cli.walking.declared', { file: declaredIn }) : say('cli.walking.default');
    io.err(`packetwalk: ${say('cli.walking', { from: elide(formatSourceArg(from)), to: elide(formatTargetArg(to)), why })}\n`);
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

function renderGet(model: Model, output: 'json' | 'yaml'): string {
  const { state } = model;
  const doc = {
    nodes: state.nodes,
    pods: state.pods,
    services: state.services,
    endpointSlices: state.endpointSlices,
    // As the Gateway API's controller writes them: status.addresses, conditions, listeners' attachedRoutes, routes' parents.
    gateways: (model.gatewayApi?.gateways ?? []).map((g) => g.gateway),
    httpRoutes: model.gatewayApi?.routes ?? [],
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
  return output === 'yaml' ? dump(doc, { noRefs: true }) : JSON.stringify(doc, null, 2) + '\n';
}
