// kube-proxy's nftables mode: what the command line says about it (its listing and its drawing
// are not built yet). Flags and values stay as typed.

export const nftablesEn = {
  'nft.cli.walkNotYet':
    '{command} with --proxy-mode nftables is not yet available: in nftables mode, packetwalk trace walks the packet and packetwalk nft prints the rules',
  'nft.cli.otherMode': 'nft prints the rules of kube-proxy in nftables mode, so it takes --proxy-mode nftables only, not "{mode}"',
  'nft.cli.family6':
    '--family 6: this cluster is IPv4 only, so kube-proxy writes no ip6 kube-proxy table; give the nodes and Services IPv6 addresses (dual-stack) to see one',
};

export const nftablesZhCN: Record<keyof typeof nftablesEn, string> = {
  'nft.cli.walkNotYet':
    '{command} 暂不支持 --proxy-mode nftables：nftables 模式下，packetwalk trace 可计算数据包行程，packetwalk nft 可打印规则',
  'nft.cli.otherMode': 'nft 打印 nftables 模式下 kube-proxy 的规则，因此只接受 --proxy-mode nftables，而不是“{mode}”',
  'nft.cli.family6': '--family 6：这个集群只有 IPv4，kube-proxy 不会写 ip6 kube-proxy 表；给节点和 Service 配上 IPv6 地址（双栈）才能看到',
};
