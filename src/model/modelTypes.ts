// What deriveModel returns and takes, apart from model.ts so that the walk (trace/*),
// which reads a Model, does not import the module that calls it.

import type { Diagnostic } from './diagnostics';
import type { InputFile } from './manifest/parse';
import type { Manifest } from './manifest/types';
import type { ClusterState } from './cluster/types';
import type { Dataplane } from './dataplane';
import type { IngressModel } from './ingress';
import type { GatewayApiModel } from './gateway';

export type { InputFile };

export interface Model {
  files: InputFile[];
  manifests: Manifest[];
  state: ClusterState;
  /** Each node's dataplane, built when asked for: `dataplane.node(name)`. */
  dataplane: Dataplane;
  /** ingress-nginx's view (servers, locations, upstreams), when the manifests have an Ingress. */
  ingress?: IngressModel;
  /** The Gateway API as Envoy Gateway reconciles it (status, attached routes), when the manifests have Gateway API objects. */
  gatewayApi?: GatewayApiModel;
  /** Parser and reconciler diagnostics together, in file order. */
  diagnostics: Diagnostic[];
}

/** What-if switches the learner flips in the UI without editing the manifests. */
export interface DeriveOptions {
  /** Run kube-proxy in this mode whatever the KubeProxyConfiguration says, to compare the two. */
  proxyMode?: 'iptables' | 'ipvs' | 'nftables';
  /** Nodes taken down: MetalLB fails over, their pods stop serving, nothing answers on them. */
  downNodes?: string[];
  /** Pods (`namespace/name`) whose readiness probe fails. */
  notReadyPods?: string[];
  /** Services (`namespace/name`) whose externalTrafficPolicy is flipped, to compare the two walks. */
  externalTrafficPolicy?: Record<string, 'Cluster' | 'Local'>;
  /** Leave out the objects the API server would refuse, as `kubectl apply` does (the command line's view). */
  asApplied?: boolean;
}
