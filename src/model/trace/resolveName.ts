// The model's DNS as a pod sees it: CoreDNS with the Corefile the learner pasted (kubeadm's when
// none), for the walk's name lookups and for questions asked the way `dig` asks them.

import type { Model } from '../modelTypes';
import { CoreDns } from '../dns/lookup';
import { pastedCorefile } from '../dns/corefile';
import { resolvConf } from '../dns/resolvConf';
import type { DnsAnswer, DnsOptions, QType } from '../dns/types';
import { namespacedName } from '../k8s';

const options = new WeakMap<Model['manifests'], DnsOptions>();

/** What CoreDNS runs with in this model: the pasted coredns ConfigMap's Corefile, if there is one. */
export function dnsOptions(model: Pick<Model, 'manifests'>): DnsOptions {
  let found = options.get(model.manifests);
  if (!found) {
    const corefile = pastedCorefile(model.manifests.map((m) => m.object));
    options.set(model.manifests, (found = corefile ? { corefile } : {}));
  }
  return found;
}

/**
 * One question asked as `dig NAME TYPE` asks it from the pod `namespace/name`: to the first
 * nameserver of the pod's resolv.conf, without the search list. CoreDNS answers when that is the
 * cluster DNS; otherwise the resolver outside does. Undefined when there is no such pod.
 */
export function resolveName(model: Model, fromPod: string, name: string, type: QType): DnsAnswer | undefined {
  const pod = model.state.pods.find((p) => namespacedName(p) === fromPod);
  if (!pod) return undefined;
  const opts = dnsOptions(model);
  const core = new CoreDns(model.state, opts);
  const server = resolvConf(model.state, pod, opts).nameservers[0] ?? '127.0.0.1';
  return core.zone.dnsServiceIPs.includes(server) ? core.answer(name, type) : core.outside(name, type, 'direct', [server]);
}
