// kube-proxy's nftables mode: what the command line says about it. Flags and values stay as typed.

export const nftablesEn = {
  'nft.cli.noIptables':
    "kube-proxy runs in nftables mode here, so it gives iptables-restore no rules: packetwalk nft prints its table, and iptables --format save lists the rules the node still has in iptables (flannel's)",
  'nft.cli.otherMode': 'nft prints the rules of kube-proxy in nftables mode, so it takes --proxy-mode nftables only, not "{mode}"',
  'nft.cli.family6':
    '--family 6: this cluster is IPv4 only, so kube-proxy writes no ip6 kube-proxy table; give the nodes and Services IPv6 addresses (dual-stack) to see one',
};

export const nftablesZhCN: Record<keyof typeof nftablesEn, string> = {
  'nft.cli.noIptables':
    'kube-proxy 在这里运行于 nftables 模式，不会交给 iptables-restore 任何规则：packetwalk nft 会打印它的表，iptables --format save 会列出节点上仍在 iptables 中的规则（flannel 的）',
  'nft.cli.otherMode': 'nft 打印 nftables 模式下 kube-proxy 的规则，因此只接受 --proxy-mode nftables，而不是“{mode}”',
  'nft.cli.family6': '--family 6：这个集群只有 IPv4，kube-proxy 不会写 ip6 kube-proxy 表；给节点和 Service 配上 IPv6 地址（双栈）才能看到',
};
