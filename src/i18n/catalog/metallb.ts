// What the MetalLB model reports (src/model/metallb, MetalLB v0.15.3): diagnostics and the events
// MetalLB's controller and speakers record. Event texts are MetalLB's own; {reason} is MetalLB's
// error text, which stays English as `kubectl describe` would show it.

export const metallbEn = {
  'diag.metallb.configRejected':
    "MetalLB rejects its whole configuration: {reason}. Until this is fixed it has no address pools at all, so every LoadBalancer Service stays <pending>. (With MetalLB's validating webhook enabled, kubectl apply would have refused this object instead.)",
  'diag.metallb.wrongNamespace':
    '{kind} "{name}" is in namespace "{namespace}", but MetalLB only reads its resources from "{expected}"; this one is ignored.',
  'diag.metallb.pool.notAdvertised':
    'IPAddressPool "{pool}" has no L2Advertisement or BGPAdvertisement: MetalLB hands out its addresses, but no node announces them, so nothing outside the cluster can reach them.',
  'diag.metallb.advertisement.noNodes': '{kind} "{name}" selects no node: no node will announce the addresses of its pools.',
  'diag.metallb.bgpAdvertisement.unknownPeer':
    'BGPAdvertisement "{name}" names the BGPPeer "{peer}", which does not exist: nothing is advertised to it.',
  'diag.metallb.bgpPeer.noRouter':
    'BGPPeer "{peer}": no router at {address} on the nodes\' network {subnet} (and ebgpMultiHop is not set), so the session never comes up and nothing is advertised to it.',
  'diag.metallb.noPools':
    'Service "{service}" stays <pending>: MetalLB has no usable IPAddressPool, so it does not even try to assign an address.',
  'diag.metallb.poolTie':
    'Service "{service}" got its address from pool "{pool}", but {others} could have served it too: MetalLB picks among such pools in random order; PacketWalk takes them by name.',
  'diag.metallb.allocationFailed': 'Service "{service}" stays <pending>: {reason}',
  'diag.metallb.sharing.selectorsDiffer':
    'Service "{service}" does not share an address with "{other}", although both carry metallb.io/allow-shared-ip "{key}": with externalTrafficPolicy: Local, MetalLB shares an address only between Services whose selectors are identical (so the same nodes hold their endpoints). Give both the same selector, or use externalTrafficPolicy: Cluster.',
  'diag.metallb.external.kept':
    'Service "{service}" keeps {address} from its status: a load balancer outside PacketWalk assigned it (there is no MetalLB here to own it). kube-proxy writes its rules for that address, and a walk from the LAN reaches it through a node that load balancer picks.',
  'diag.metallb.external.otherClass':
    'Service "{service}" keeps {address} from its status: its loadBalancerClass "{class}" is not MetalLB\'s, so the load balancer of that class, outside PacketWalk, assigned it. kube-proxy writes its rules for that address, and a walk from the LAN reaches it through a node that load balancer picks.',
  'diag.metallb.external.hostname':
    'Service "{service}" keeps the hostname {address} from its status: a load balancer outside PacketWalk (an AWS ELB, say) answers there. kube-proxy writes no rules for a hostname; to walk the path the load balancer takes, trace to a node\'s NodePort.',
  'diag.metallb.layer2.noAnnouncer':
    'No node answers ARP for {ip} (Service "{service}"): no eligible node (a ready endpoint, a live speaker, a node the L2Advertisement selects, an allowed interface).',
  'diag.metallb.bgp.noAnnouncer': 'No node advertises {ip} (Service "{service}") over BGP: no eligible node with an established session.',
  'diag.metallb.legacyConfig':
    "MetalLB v0.13 and later ignore the ConfigMap metallb-system/config. The same configuration as CRs (what MetalLB's configmaptocrs tool generates), to use in its place:",
  'diag.metallb.legacyConfig.first':
    "MetalLB v0.13 and later ignore the ConfigMap metallb-system/config. The same configuration is {total} CRs; the first {shown} (what MetalLB's configmaptocrs tool generates):\n{crs}",
  'diag.metallb.legacyConfig.unreadable':
    'The old MetalLB configuration in metallb-system/config cannot be read: {reason}. MetalLB v0.13 and later ignore it anyway; use IPAddressPool and L2Advertisement/BGPAdvertisement CRs.',
  'event.IPAllocated': 'Assigned IP {ips}',
  'event.AllocationFailed': 'Failed to allocate IP for {service}: {reason}',
  'event.ClearAssignment': 'current IP for {service} not allowed by config, will attempt for new IP assignment: {reason}',
  'event.LoadBalancerFailed': 'invalid requested loadbalancer IPs: {reason}',
  'event.nodeAssigned': 'announcing from node {node} with protocol {protocol}',
  'event.announceFailed': "the interfaces specified by LB IP {ip} doesn't exist in assigned node {node} with protocol {protocol}",
} as const;

export const metallbZh: Record<keyof typeof metallbEn, string> = {
  'diag.metallb.configRejected':
    'MetalLB 拒绝了整份配置：{reason}。修好之前它一个地址池也没有，所有 LoadBalancer Service 都停在 <pending>。（若启用了 MetalLB 的校验 webhook，kubectl apply 会直接拒绝这个对象。）',
  'diag.metallb.wrongNamespace': '{kind} "{name}" 位于命名空间 "{namespace}"，但 MetalLB 只读取 "{expected}" 中的资源；此对象被忽略。',
  'diag.metallb.pool.notAdvertised':
    'IPAddressPool "{pool}" 没有任何 L2Advertisement 或 BGPAdvertisement：MetalLB 会分配其中的地址，但没有节点宣告它们，集群外无法访问。',
  'diag.metallb.advertisement.noNodes': '{kind} "{name}" 没有选中任何节点：其地址池中的地址不会由任何节点宣告。',
  'diag.metallb.bgpAdvertisement.unknownPeer': 'BGPAdvertisement "{name}" 指定的 BGPPeer "{peer}" 不存在：不会向它宣告任何路由。',
  'diag.metallb.bgpPeer.noRouter':
    'BGPPeer "{peer}"：节点所在网络 {subnet} 中没有位于 {address} 的路由器（且未设置 ebgpMultiHop），BGP 会话无法建立，不会向它宣告任何路由。',
  'diag.metallb.noPools': 'Service "{service}" 停在 <pending>：MetalLB 没有可用的 IPAddressPool，根本不会尝试分配地址。',
  'diag.metallb.poolTie':
    'Service "{service}" 的地址来自地址池 "{pool}"，但 {others} 也能提供：MetalLB 在这些地址池之间的选择顺序是随机的；PacketWalk 按名称顺序选择。',
  'diag.metallb.allocationFailed': 'Service "{service}" 停在 <pending>：{reason}',
  'diag.metallb.sharing.selectorsDiffer':
    'Service "{service}" 与 "{other}" 都带有 metallb.io/allow-shared-ip "{key}"，却没有共享同一个地址：在 externalTrafficPolicy: Local 下，MetalLB 只让选择器（selector）完全相同的 Service 共享地址（这样它们的 endpoint 位于同样的节点上）。请给两者相同的选择器，或改用 externalTrafficPolicy: Cluster。',
  'diag.metallb.external.kept':
    'Service "{service}" 保留其 status 中的 {address}：这个地址由 PacketWalk 之外的负载均衡器分配（这里没有 MetalLB 来管理它）。kube-proxy 为该地址写入规则；从局域网出发的数据包经由该负载均衡器选中的节点到达它。',
  'diag.metallb.external.otherClass':
    'Service "{service}" 保留其 status 中的 {address}：它的 loadBalancerClass "{class}" 不属于 MetalLB，地址由 PacketWalk 之外该类别的负载均衡器分配。kube-proxy 为该地址写入规则；从局域网出发的数据包经由该负载均衡器选中的节点到达它。',
  'diag.metallb.external.hostname':
    'Service "{service}" 保留其 status 中的主机名 {address}：由 PacketWalk 之外的负载均衡器（例如 AWS ELB）在那里应答。kube-proxy 不为主机名写入任何规则；若要走一遍负载均衡器所走的路径，请追踪到某个节点的 NodePort。',
  'diag.metallb.layer2.noAnnouncer':
    '没有节点为 {ip}（Service "{service}"）应答 ARP：没有符合条件的节点（需要就绪的 endpoint、存活的 speaker、被 L2Advertisement 选中的节点以及允许的网卡）。',
  'diag.metallb.bgp.noAnnouncer': '没有节点通过 BGP 宣告 {ip}（Service "{service}"）：没有符合条件且会话已建立的节点。',
  'diag.metallb.legacyConfig':
    'MetalLB v0.13 及之后的版本忽略 ConfigMap metallb-system/config。可用来替换它的等价 CR 配置（即 MetalLB 的 configmaptocrs 工具生成的内容）：',
  'diag.metallb.legacyConfig.first':
    'MetalLB v0.13 及之后的版本忽略 ConfigMap metallb-system/config。等价的配置共 {total} 个 CR，下面是前 {shown} 个（即 MetalLB 的 configmaptocrs 工具生成的内容）：\n{crs}',
  'diag.metallb.legacyConfig.unreadable':
    '无法读取 metallb-system/config 中的旧版 MetalLB 配置：{reason}。MetalLB v0.13 及之后本就忽略它；请改用 IPAddressPool 与 L2Advertisement/BGPAdvertisement CR。',
  'event.IPAllocated': '已分配 IP {ips}',
  'event.AllocationFailed': '为 {service} 分配 IP 失败：{reason}',
  'event.ClearAssignment': '{service} 当前的 IP 不被配置允许，将尝试重新分配：{reason}',
  'event.LoadBalancerFailed': '请求的 LoadBalancer IP 无效：{reason}',
  'event.nodeAssigned': '由节点 {node} 通过协议 {protocol} 宣告',
  'event.announceFailed': '为 LB IP {ip} 指定的网卡在分配到的节点 {node} 上不存在（协议 {protocol}）',
};
