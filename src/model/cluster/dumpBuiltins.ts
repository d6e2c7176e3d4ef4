// Which of the built-in system workloads the pasted cluster runs. A fresh kubeadm cluster has
// kube-proxy and flannel as DaemonSets; a dump of another cluster may not:
// - k3s runs kube-proxy and flannel inside its own k3s process (no pods of theirs): their rules
//   and VXLAN are the same, so the walk is unchanged, but the picture shows no pods for them;
// - a cluster whose dump shows another CNI's DaemonSet or pods (kindnet, Calico, Cilium, Weave)
//   has no flannel pods (the walk still models its pod network as flannel's VXLAN).
// The dump's own objects of the same name replace the built-ins in the inventory as any pasted
// object does, and the controllers give the built-ins the pods the dump shows (controllers.ts).

import type { Manifest } from '../manifest/types';

const OTHER_CNI = /^(kindnet|calico-node|cilium|weave-net|kube-router|canal)(-|$)/;

export interface SystemWorkloads {
  kubeProxy: boolean;
  flannel: boolean;
}

/** k3s's nodes carry its instance type label (its built-in cloud provider) and k3s.io/ annotations. */
function isK3sNode(m: Manifest): boolean {
  const meta = m.object.metadata;
  return (
    meta?.labels?.['node.kubernetes.io/instance-type'] === 'k3s' ||
    Object.keys(meta?.annotations ?? {}).some((k) => k.startsWith('k3s.io/'))
  );
}

export function systemWorkloads(manifests: Manifest[]): SystemWorkloads {
  let k3s = false;
  let otherCni = false;
  for (const m of manifests) {
    const kind = m?.object?.kind;
    if (kind === 'Node' && isK3sNode(m)) k3s = true;
    if ((kind === 'DaemonSet' || kind === 'Pod') && OTHER_CNI.test(m.object.metadata?.name ?? '')) otherCni = true;
  }
  return { kubeProxy: !k3s, flannel: !k3s && !otherCni };
}
