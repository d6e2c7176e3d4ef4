// The walk follows IPv4 packets: what the command says when asked to walk to an IPv6 address.

export const walkFamilyEn = {
  'cli.to.ipv6':
    '--to {value}: the walk follows IPv4 packets only, so an IPv6 address is not walked yet. The IPv6 rules a node has are printed by `packetwalk nft --family 6` and `packetwalk iptables --family 6`; walk to the Service’s IPv4 address to follow the packet.',
};

export const walkFamilyZhCN: Record<keyof typeof walkFamilyEn, string> = {
  'cli.to.ipv6':
    '--to {value}：走查只跟踪 IPv4 数据包，暂不走查 IPv6 地址。节点的 IPv6 规则可用 `packetwalk nft --family 6` 和 `packetwalk iptables --family 6` 查看；要跟踪数据包，请走向该 Service 的 IPv4 地址。',
};
