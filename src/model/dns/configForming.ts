// kubelet's DNSConfigForming warnings (pkg/kubelet/network/dns/dns.go formDNSConfigFitsLimits, v1.33):
// when the resolv.conf it composes for a pod has more than 3 nameservers or a search line over its
// limits, it writes the cut one and records a Warning event on the pod. A problem in the picture
// points at the dnsConfig that pushed the pod over, once per object the learner wrote.

import type { ClusterEvent, ClusterState } from '../cluster/types';
import { diagnostic, nowhere, type Diagnostic } from '../diagnostics';
import { namespacedName } from '../k8s';
import { defaultNodeResolvConf } from './lookup';
import { resolvConf } from './resolvConf';
import type { DnsOptions } from './types';

const LIMITS = {
  'explain.dns.resolvConf.nameserverLimit': {
    event: 'event.DNSConfigForming.nameservers',
    code: 'dns.configForming.nameservers',
    field: 'nameservers',
  },
  'explain.dns.resolvConf.searchLimit': { event: 'event.DNSConfigForming.searches', code: 'dns.configForming.searches', field: 'searches' },
} as const;

export function dnsConfigForming(state: ClusterState, options: DnsOptions = {}): { events: ClusterEvent[]; diagnostics: Diagnostic[] } {
  const events: ClusterEvent[] = [];
  const diagnostics: Diagnostic[] = [];
  const said = new Set<string>();
  // Every node has the same resolv.conf: read it once, not once per pod.
  const opts: DnsOptions = { ...options, nodeResolvConf: options.nodeResolvConf ?? defaultNodeResolvConf(state) };
  // PacketWalk's own node file (one nameserver, no search domain) is within the limits with the
  // cluster's three domains: then only a pod's dnsConfig can push it over.
  const onlyDnsConfig = options.nodeResolvConf === undefined;
  for (const pod of state.pods) {
    // kubelet forms the file when it starts the pod's sandbox: only a pod bound to a node has one.
    if (!pod.spec.nodeName || (onlyDnsConfig && !pod.spec.dnsConfig)) continue;
    const key = `Pod/${namespacedName(pod)}`;
    for (const warning of resolvConf(state, pod, opts).warnings) {
      const limit = warning.key in LIMITS ? LIMITS[warning.key as keyof typeof LIMITS] : undefined;
      if (!limit) continue;
      const kept = String(warning.params.kept ?? '');
      events.push({ object: key, type: 'Warning', reason: 'DNSConfigForming', message: { key: limit.event, params: { kept } } });
      // A controller's pod is written as its workload's template.
      const path = state.origins[key] === 'controller' ? `spec.template.spec.dnsConfig.${limit.field}` : `spec.dnsConfig.${limit.field}`;
      const pos = state.sources[key]?.at(path) ?? nowhere();
      if (said.has(`${limit.code} ${pos.file} ${pos.offset}`)) continue;
      said.add(`${limit.code} ${pos.file} ${pos.offset}`);
      diagnostics.push(diagnostic('warning', limit.code, { pod: namespacedName(pod), kept, count: warning.params.count ?? 0 }, pos));
    }
  }
  return { events, diagnostics };
}
