// The model's DNS as a pod sees it: CoreDNS with the Corefile the learner pasted (kubeadm's when
// none), for the walk's name lookups and for `dig`.

import type { Model } from '../modelTypes';
import { pastedCorefile } from '../dns/corefile';
import type { DnsOptions } from '../dns/types';

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
