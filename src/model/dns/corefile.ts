// The Corefile kubeadm writes into the kube-system/coredns ConfigMap (cmd/kubeadm/app/phases/addons/dns,
// v1.32+: the cache no longer holds the cluster's own answers), shown by the inspector.

import type { ClusterState } from '../cluster/types';

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
