// A pod's /etc/resolv.conf: kubelet composes it (pkg/kubelet/network/dns, v1.33), containerd writes it.

import type { ClusterState } from '../cluster/types';
import type { Pod } from '../manifest/types';
import { defaultNodeResolvConf } from './lookup';
import type { DnsOptions, DnsPolicy, Explanation, ResolvConf } from './types';
import { namespaceOf } from '../k8s';

/** kubelet's defaultDNSOptions for cluster DNS. */
const CLUSTER_OPTIONS = ['ndots:5'];
/** validation.MaxDNSNameservers and the ExpandedDNSConfig search limits (GA since v1.28). */
const MAX_NAMESERVERS = 3;
const MAX_SEARCH_PATHS = 32;
const MAX_SEARCH_CHARS = 2048;
const MAX_SEARCH_PATH_LENGTH = 253;
/** glibc and musl both cap ndots at 15 (RES_MAXNDOTS); 1 when unset. */
const MAX_NDOTS = 15;

const unique = (list: string[]) => [...new Set(list)];

/** getPodDNSType: ClusterFirst on the host network falls back to the node's file. */
function baseFor(policy: DnsPolicy, hostNetwork: boolean): ResolvConf['base'] {
  if (policy === 'None') return 'none';
  if (policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !hostNetwork)) return 'cluster';
  return 'node';
}

/** mergeDNSOptions: dnsConfig options override same-named ones. (kubelet goes through a Go map; PacketWalk keeps the written order.) */
function mergeOptions(existing: string[], extra: { name: string; value?: string }[]): string[] {
  const merged = new Map<string, string>();
  for (const op of existing) {
    const i = op.indexOf(':');
    merged.set(i === -1 ? op : op.slice(0, i), i === -1 ? '' : op.slice(i + 1));
  }
  for (const op of extra) merged.set(op.name, op.value ?? '');
  return [...merged].map(([name, value]) => (value ? `${name}:${value}` : name));
}

/** formDNSSearchFitsLimits: too many paths, over-long paths and an over-long line are cut. */
function fitSearches(searches: string[], warnings: Explanation[]): string[] {
  let kept = searches.slice(0, MAX_SEARCH_PATHS).filter((s) => s.length <= MAX_SEARCH_PATH_LENGTH);
  while (kept.join(' ').length > MAX_SEARCH_CHARS) kept = kept.slice(0, -1);
  if (kept.length !== searches.length) warnings.push({ key: 'explain.dns.resolvConf.searchLimit', params: { kept: kept.join(' ') } });
  return kept;
}

/** The resolver's ndots: the last `ndots:n` wins. */
export function ndotsOf(options: string[]): number {
  let ndots = 1;
  for (const op of options) {
    const m = /^ndots:(\d+)$/.exec(op);
    if (m) ndots = Math.min(Number(m[1]), MAX_NDOTS);
  }
  return ndots;
}

/** containerd's resolv.conf: search, then nameservers, then options. */
function render(searches: string[], nameservers: string[], options: string[]): string {
  let text = '';
  if (searches.length) text += `search ${searches.join(' ')}\n`;
  for (const ns of nameservers) text += `nameserver ${ns}\n`;
  if (options.length) text += `options ${options.join(' ')}\n`;
  return text;
}

export function resolvConf(state: ClusterState, pod: Pod, options: DnsOptions = {}): ResolvConf {
  const node = options.nodeResolvConf ?? defaultNodeResolvConf(state);
  const policy: DnsPolicy = pod.spec.dnsPolicy ?? 'ClusterFirst';
  const hostNetwork = pod.spec.hostNetwork === true;
  const base = baseFor(policy, hostNetwork);
  const namespace = namespaceOf(pod);
  const domain = state.config.clusterDomain;

  let nameservers: string[] = [];
  let searches: string[] = [];
  let opts: string[] = [];
  if (base === 'cluster') {
    nameservers = [state.config.dnsServiceIP];
    searches = unique([`${namespace}.svc.${domain}`, `svc.${domain}`, domain, ...node.searches]);
    opts = CLUSTER_OPTIONS;
  } else if (base === 'node') {
    [nameservers, searches, opts] = [node.nameservers, node.searches, node.options];
  }
  const warnings: Explanation[] = [];
  const extra = pod.spec.dnsConfig;
  if (extra) {
    nameservers = unique([...nameservers, ...(extra.nameservers ?? [])]);
    searches = unique([...searches, ...(extra.searches ?? [])]);
    opts = mergeOptions(opts, extra.options ?? []);
  }
  if (nameservers.length > MAX_NAMESERVERS) {
    const count = nameservers.length;
    nameservers = nameservers.slice(0, MAX_NAMESERVERS);
    warnings.push({ key: 'explain.dns.resolvConf.nameserverLimit', params: { kept: nameservers.join(' '), count } });
  }
  searches = fitSearches(searches, warnings);
  if (!nameservers.length) warnings.push({ key: 'explain.dns.resolvConf.noNameserver', params: { policy } });

  const key =
    base === 'cluster'
      ? hostNetwork
        ? 'explain.dns.resolvConf.clusterFirstWithHostNet'
        : 'explain.dns.resolvConf.clusterFirst'
      : base === 'node'
        ? policy === 'Default'
          ? 'explain.dns.resolvConf.default'
          : 'explain.dns.resolvConf.hostNetwork'
        : 'explain.dns.resolvConf.none';
  const params = {
    pod: `${namespace}/${pod.metadata.name}`,
    policy,
    namespace,
    nameserver: nameservers.join(', '),
    search: searches.join(' '),
    ndots: ndotsOf(opts),
  };
  return {
    policy,
    base,
    nameservers,
    searches,
    options: opts,
    ndots: ndotsOf(opts),
    text: render(searches, nameservers, opts),
    explanation: { key, params },
    warnings,
  };
}
