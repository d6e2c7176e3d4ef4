// The cluster's own ranges (kubeadm's ClusterConfiguration, ServiceCIDRs, what a dump shows) and
// the API server's v1.33 address checks that decide whether a dump's values are kept.

export const rangesEn = {
  'diag.kubeadm.subnet.unparsable':
    '{path}: Invalid value: "{value}": couldn\'t parse subnet. kubeadm refuses this configuration; PacketWalk ignores the field and keeps the range it would use otherwise.',
  'diag.kubeadm.subnet.families':
    '{path}: Invalid value: "{value}": expected one (IPv4 or IPv6) CIDR or two CIDRs from each family for dual-stack networking. kubeadm refuses this configuration; PacketWalk ignores the field and keeps the range it would use otherwise.',
  'diag.kubeadm.subnet.tooSmall':
    '{path}: Invalid value: "{value}": subnet with {size} address(es) is too small, the minimum is {min}. kubeadm refuses this configuration; PacketWalk ignores the field and keeps the range it would use otherwise.',
  'diag.kubeadm.serviceSubnet.tooLarge':
    '{path}: Invalid value: "{value}": specified service subnet is too large; for {bits}-bit addresses, the mask must be >= {min}. kubeadm refuses this configuration; PacketWalk ignores the field and keeps the range it would use otherwise.',
  'diag.kubeadm.nodePortRange.invalid':
    '{path}: Invalid value: "{value}": service-node-port-range must be a port range such as 30000-32767 or 30000+2767. The API server would not start; PacketWalk ignores it and keeps the node-port range it would use otherwise.',
  'diag.serviceCIDR.required': '{path}: Required value: at least one CIDR required. The API server rejects this ServiceCIDR.',
  'diag.serviceCIDR.families':
    '{path}: Invalid value: "{value}": may specify no more than one IP for each IP family, i.e 192.168.0.0/24 and 2001:db8::/64. The API server rejects this ServiceCIDR.',
  'diag.field.cidrCanonical': '{path}: Invalid value: "{value}": must be in canonical form ("{canonical}")',
  'diag.ranges.ipv6Only':
    '"{value}" has no IPv4 range. PacketWalk models IPv4 and dual-stack clusters: the IPv6 range serves IPv6 ClusterIPs and the IPv4 service range stays {serviceCIDR}.',
  'diag.ranges.inferred.serviceCIDR':
    "Service range taken to be {cidr}, from the ClusterIPs given ({object} has {value}). To state your cluster's own range, add its kubeadm ClusterConfiguration (networking.serviceSubnet) or its ServiceCIDRs (kubectl get servicecidr -o yaml).",
  'diag.ranges.inferred.clusterCIDR':
    "Pod network taken to be {cidr}, from the nodes' podCIDRs ({object} has {value}). To state it, add a kubeadm ClusterConfiguration with networking.podSubnet, or a KubeProxyConfiguration with clusterCIDR.",
  'diag.ranges.inferred.nodeSubnet':
    "Node network taken to be {cidr}, from the nodes' InternalIPs ({object} has {value}); the LAN, its router and MetalLB's BGP peers sit on it.",
  'diag.ranges.inferred.nodePortRange':
    "Node-port range taken to be {min}-{max}, to hold the node ports given ({object} has {value}). To state it, add a kubeadm ClusterConfiguration with the API server's service-node-port-range in apiServer.extraArgs.",
  'diag.field.ipNonStandard':
    '{path}: non-standard IP address "{value}" will be considered invalid in a future Kubernetes release: use "{canonical}". Kubernetes v1.33 still accepts it and reads the zeros as decimal, so it means {canonical}.',
  'diag.field.cidrNonStandard':
    '{path}: non-standard CIDR value "{value}" will be considered invalid in a future Kubernetes release: use "{canonical}". Kubernetes v1.33 still accepts it and reads it as {canonical}.',
} as const;

export const rangesZh: Record<keyof typeof rangesEn, string> = {
  'diag.kubeadm.subnet.unparsable':
    '{path}：无效的值 "{value}"：无法解析子网。kubeadm 会拒绝这份配置；PacketWalk 忽略该字段，沿用原本会使用的网段。',
  'diag.kubeadm.subnet.families':
    '{path}：无效的值 "{value}"：应为一个（IPv4 或 IPv6）CIDR，或双栈时每个地址族各一个 CIDR。kubeadm 会拒绝这份配置；PacketWalk 忽略该字段，沿用原本会使用的网段。',
  'diag.kubeadm.subnet.tooSmall':
    '{path}：无效的值 "{value}"：只有 {size} 个地址的子网太小，至少需要 {min} 个。kubeadm 会拒绝这份配置；PacketWalk 忽略该字段，沿用原本会使用的网段。',
  'diag.kubeadm.serviceSubnet.tooLarge':
    '{path}：无效的值 "{value}"：Service 子网太大；对 {bits} 位地址，掩码长度必须 >= {min}。kubeadm 会拒绝这份配置；PacketWalk 忽略该字段，沿用原本会使用的网段。',
  'diag.kubeadm.nodePortRange.invalid':
    '{path}：无效的值 "{value}"：service-node-port-range 必须是端口范围，例如 30000-32767 或 30000+2767。API Server 将无法启动；PacketWalk 忽略它，沿用原本会使用的 NodePort 范围。',
  'diag.serviceCIDR.required': '{path}：缺少必填值：至少需要一个 CIDR。API Server 会拒绝这个 ServiceCIDR。',
  'diag.serviceCIDR.families':
    '{path}：无效的值 "{value}"：每个地址族最多一个 CIDR，例如 192.168.0.0/24 和 2001:db8::/64。API Server 会拒绝这个 ServiceCIDR。',
  'diag.field.cidrCanonical': '{path}：无效的值 "{value}"：必须是规范形式（"{canonical}"）',
  'diag.ranges.ipv6Only':
    '"{value}" 中没有 IPv4 网段。PacketWalk 模拟 IPv4 和双栈集群：IPv6 网段用于 IPv6 ClusterIP，IPv4 Service 网段仍为 {serviceCIDR}。',
  'diag.ranges.inferred.serviceCIDR':
    'Service 网段按已给出的 ClusterIP 取为 {cidr}（{object} 的地址是 {value}）。要写明你集群自己的网段，请加上它的 kubeadm ClusterConfiguration（networking.serviceSubnet）或它的 ServiceCIDR（kubectl get servicecidr -o yaml）。',
  'diag.ranges.inferred.clusterCIDR':
    'Pod 网络按节点的 podCIDR 取为 {cidr}（{object} 的是 {value}）。要写明它，请加上带 networking.podSubnet 的 kubeadm ClusterConfiguration，或带 clusterCIDR 的 KubeProxyConfiguration。',
  'diag.ranges.inferred.nodeSubnet':
    '节点网络按节点的 InternalIP 取为 {cidr}（{object} 的是 {value}）；局域网、其路由器和 MetalLB 的 BGP 对端都在这个网段上。',
  'diag.ranges.inferred.nodePortRange':
    'NodePort 范围取为 {min}-{max}，以容纳已给出的节点端口（{object} 的是 {value}）。要写明它，请加上 kubeadm ClusterConfiguration，在 apiServer.extraArgs 中设置 API Server 的 service-node-port-range。',
  'diag.field.ipNonStandard':
    '{path}：非标准 IP 地址 "{value}" 在未来的 Kubernetes 版本中将被视为无效：请使用 "{canonical}"。Kubernetes v1.33 仍接受它，并把前导零按十进制读取，所以它表示 {canonical}。',
  'diag.field.cidrNonStandard':
    '{path}：非标准 CIDR 值 "{value}" 在未来的 Kubernetes 版本中将被视为无效：请使用 "{canonical}"。Kubernetes v1.33 仍接受它，并把它读作 {canonical}。',
};
