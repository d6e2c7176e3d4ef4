// A node whose kernel is too old for kube-proxy's nftables mode: the diagnostic on the node.
// What the walk says at its hooks is in nftKernelWalk.ts (the walk's catalogue).

export const nftKernelEn = {
  'diag.kubeProxy.nftables.kernel':
    'kube-proxy on node {node} fails to start in nftables mode: the kernel is {kernel}, and kube-proxy stops with "kube-proxy in nftables mode requires kernel {need} or later". That node gets no kube-proxy rules, so a packet to a Service address finds none there; the rest of the cluster works. Upgrade the node’s kernel to {need} or later, or run kube-proxy in iptables mode.',
};

export const nftKernelZhCN: Record<keyof typeof nftKernelEn, string> = {
  'diag.kubeProxy.nftables.kernel':
    '节点 {node} 上的 kube-proxy 无法以 nftables 模式启动：内核是 {kernel}，kube-proxy 报错 “kube-proxy in nftables mode requires kernel {need} or later” 后退出。该节点上没有 kube-proxy 的规则，发往 Service 地址的数据包在那里找不到任何规则；集群的其余部分照常工作。请把该节点的内核升级到 {need} 或更高版本，或让 kube-proxy 以 iptables 模式运行。',
};
