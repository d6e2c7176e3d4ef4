// The Corefile CoreDNS runs: the learner's, when the kube-system/coredns ConfigMap is pasted, else the
// one kubeadm writes there (cmd/kubeadm/app/phases/addons/dns, v1.32+: the cache no longer holds the
// cluster's own answers), which the inspector shows and which is read like any pasted one.

import type { ClusterState } from '../cluster/types';
import { COREFILE_KEY, isCorednsConfigMap, parseCorefile, type Corefile } from '../manifest/kinds/corefile';
import type { KubeObject } from '../manifest/types';

/** Its problems were reported where the ConfigMap was decoded; here only its content is wanted. */
const silently = { report: () => {} };

/** The pasted coredns ConfigMap's Corefile (the last one, as `kubectl apply` leaves it), if any. */
export function pastedCorefile(objects: KubeObject[]): Corefile | undefined {
  const cm = objects.findLast((o) => o.kind === 'ConfigMap' && isCorednsConfigMap(o));
  return cm?.kind === 'ConfigMap' ? parseCorefile(cm.data?.[COREFILE_KEY] ?? '', silently) : undefined;
}

/** Read once per cluster domain: every CoreDNS answer starts from it. */
const kubeadmCorefiles = new Map<string, Corefile>();

export function defaultCorefile(state: ClusterState): Corefile {
  const text = corefile(state);
  let parsed = kubeadmCorefiles.get(text);
  if (!parsed) kubeadmCorefiles.set(text, (parsed = parseCorefile(text, silently)));
  return parsed;
}

export function corefile(state: ClusterState): string {
  const domain = state.config.clusterDomain;
  return `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes ${domain} in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success ${domain}
       disable denial ${domain}
    }
    loop
    reload
    loadbalance
}
`;
}
