// What the walk says at a hook of a node whose kube-proxy could not start in nftables mode (nftKernel.ts).

export const nftKernelWalkEn = {
  'explain.hook.noKubeProxy':
    '{hook} on {node}: kube-proxy is not running on this node (its kernel is too old for nftables mode), so no kube-proxy rule looks at the packet; {count} rules of the node’s own checked, none changes it.',
};

export const nftKernelWalkZhCN: Record<keyof typeof nftKernelWalkEn, string> = {
  'explain.hook.noKubeProxy':
    '{node} 的 {hook}：该节点上没有运行 kube-proxy（其内核对 nftables 模式来说太旧），所以没有 kube-proxy 的规则查看这个数据包；检查了节点自身的 {count} 条规则，没有规则改变它。',
};
