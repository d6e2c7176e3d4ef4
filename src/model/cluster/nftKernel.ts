// kube-proxy's nftables proxier refuses to start on a kernel older than 5.13
// (pkg/proxy/nftables getNFTablesInterface, v1.34): it takes kernel 5.13 to mean the host's nft
// is at least 1.0.1, which cannot break on kube-proxy's rules. Without a proxier, kube-proxy
// exits and the node has no kube-proxy table. Node.status.nodeInfo.kernelVersion says the kernel.

import { diagnostic, nowhere, type Diagnostic } from '../diagnostics';
import { objectKey } from '../k8s/identity';
import type { Node } from '../manifest/types';
import type { ClusterState } from './types';

/** utilkernel.NFTablesKubeProxyKernelVersion */
export const NFTABLES_KERNEL = '5.13';

/** The leading `major.minor[.patch…]` of a kernel release, as Kubernetes' ParseGeneric reads it (`5.10.0-28-amd64` → 5, 10, 0). */
function kernelNumbers(release: string): number[] | undefined {
  const m = /^\s*v?(\d+(?:\.\d+)+)/.exec(release);
  return m ? m[1]!.split('.').map(Number) : undefined;
}

/** The node's kernel is known and older than kube-proxy's nftables mode accepts. */
export function kernelTooOldForNftables(node: Pick<Node, 'status'>): boolean {
  const have = kernelNumbers(node.status?.nodeInfo?.kernelVersion ?? '');
  if (!have) return false;
  const need = kernelNumbers(NFTABLES_KERNEL)!;
  for (let i = 0; i < need.length; i++) if ((have[i] ?? 0) !== need[i]) return (have[i] ?? 0) < need[i]!;
  return false;
}

/** Nodes whose kube-proxy fails to start in nftables mode, named for the walk; empty in another mode. */
export function nodesWithoutNftables(state: Pick<ClusterState, 'config' | 'nodes'>): Set<string> {
  if (state.config.proxy.mode !== 'nftables') return new Set();
  return new Set(state.nodes.filter(kernelTooOldForNftables).map((n) => n.metadata.name));
}

/** One warning per such node, at its kernelVersion, saying what kube-proxy logs there. */
export function nftKernelCheck(state: Pick<ClusterState, 'config' | 'nodes' | 'sources'>): Diagnostic[] {
  const without = nodesWithoutNftables(state);
  return state.nodes
    .filter((n) => without.has(n.metadata.name))
    .map((n) => {
      const source = state.sources[objectKey('Node', undefined, n.metadata.name)];
      return diagnostic(
        'warning',
        'kubeProxy.nftables.kernel',
        { node: n.metadata.name, kernel: n.status.nodeInfo!.kernelVersion!, need: NFTABLES_KERNEL },
        source?.at('status.nodeInfo.kernelVersion') ?? nowhere(),
      );
    });
}
