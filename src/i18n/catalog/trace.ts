// What each step of the packet walk says, in English and Simplified Chinese.

export const traceEn = {
  'explain.pod.send':
    '{pod} opens a connection to {dst}:{dport}. The pod has one route, a default route via {gw} (cni0 on its node), so the packet leaves through eth0.',
  'explain.pod.reply':
    '{pod} answers {dst}:{dport} from {src} on the same connection. The pod has one route, a default route via {gw} (cni0 on its node), so the reply leaves through eth0.',
  'explain.veth.toNode':
    "The pod's eth0 is one end of a veth pair; the packet comes out of the other end, {veth}, on node {node}. {veth} is a port of the cni0 bridge, and the destination MAC is cni0's, so the bridge hands it up to the node's IP stack.",
  'explain.client.send': 'The client {client} on the LAN opens a connection to {dst}:{dport}.',
  'explain.arp.unanswered': 'The client asks the LAN "who has {ip}? tell {client}" — nobody answers, so the packet is never sent.',
  'explain.arp.reply':
    'ARP: "who has {ip}? tell {client}" — {node} answers "{ip} is at {mac}", and the client sends the frame to that MAC.',
  'explain.wire.toClient': 'Across the LAN from {from} back to the client {client}.',
  'explain.deliver.client': 'Delivered to the client {client}, from {src}:{sport}.',
  'explain.deliver.replyClient':
    'The reply reaches the client {client} from {src}:{sport} — the address it dialled — because conntrack reversed every NAT on the way back.',
  'explain.route.ipvsLocal':
    '{dst} is bound to the kube-ipvs0 dummy interface on {node}, so it is a local address: the routing decision delivers the packet locally, where IPVS waits after INPUT.',
  'explain.ipvs.dnat':
    'IPVS on {node}: {vip} is a virtual server with {count} real servers, scheduler {scheduler}. It picks {to} and rewrites the destination (masquerading forwarding); the packet leaves as if the node had sent it.',
  'explain.ipvs.noRealServer':
    "IPVS on {node}: {vip} is a virtual server with no real servers. Nothing can be scheduled, the packet falls to the node's own stack where nothing listens, and the client gets a TCP reset.",
  'explain.arp.metallb':
    'ARP: "who has {ip}? tell {client}" — {ip} is the LoadBalancer IP of {service}, on no interface at all; MetalLB\'s speaker on {node}, first in the election order ({candidates}), answers "{ip} is at {mac}".',
  'explain.arp.gratuitous':
    'Fail-over: {to} now owns {ip} (it was {from}). Its MetalLB speaker broadcasts a gratuitous ARP — "{ip} is at {mac}" — so every host on the LAN updates its cache.',
  'explain.router.noRoute': 'The router {router} has no route to {dst}: nobody advertises it, so the packet is dropped.',
  'explain.router.ecmp':
    'The router {router} routes {dst} by {prefix}, learned over BGP from {count} {count|node|nodes} ({hops}); its ECMP hash of the flow picks {via} ({node}).',
  'explain.host.send': 'A process on node {node} sends from {src} to {dst}:{dport}. Locally generated packets pass the OUTPUT hook first.',
  'explain.route.local': '{dst} is an address of {node} itself, so the routing decision delivers the packet locally (INPUT).',
  'explain.route.none': '{node} has no route to {dst}; the packet is dropped.',
  'explain.route.bridge': 'Routing on {node}: {dst} matches {route} dev cni0 — a pod on this node, reached over the bridge.',
  'explain.route.overlay':
    "Routing on {node}: {dst} matches {route} via {via} dev {dev} onlink — another node's pod subnet, reached through the flannel VXLAN tunnel.",
  'explain.route.gateway': 'Routing on {node}: {dst} matches {route} via {via} dev {dev}.',
  'explain.route.lan': 'Routing on {node}: {dst} is on the LAN ({route} dev {dev}).',
  'explain.bridge.noNeighbour': 'cni0 on {node} finds no pod with address {dst}: ARP goes unanswered and the packet is dropped.',
  'explain.bridge.toPod': 'cni0 on {node} forwards the frame to {veth}, the port where {pod} ({mac}) answered ARP.',
  'explain.veth.toPod': 'Through the veth pair {veth} into the network namespace of {pod}.',
  'explain.wire.outside': 'The packet leaves {node} towards {via}, outside the cluster.',
  'explain.wire.toNode': 'Across the LAN from {from} to {to} ({ip}).',
  'explain.nic.receive': '{node} receives the frame on {dev}.',
  'explain.vxlan.noFdb': 'flannel.1 on {node} has no forwarding entry for VTEP {via}; the packet is dropped.',
  'explain.vxlan.encap':
    'flannel.1 on {node} wraps the packet in VXLAN (VNI {vni}): a UDP datagram from {outerSrc} to {outerDst}:{port}, the node {remote} that owns VTEP {vtep}. The inner addresses do not change.',
  'explain.wire.vxlan': 'The VXLAN datagram crosses the LAN from {from} to {to}; the pod addresses travel inside it.',
  'explain.vxlan.decap': '{node} receives UDP port {port}, VNI {vni}: the kernel unwraps it and the inner packet appears on flannel.1.',
  'explain.deliver.pod': 'Delivered: {pod} receives the packet from {src}:{sport} on {dst}:{dport}.',
  'explain.deliver.replyPod':
    'The reply reaches {pod}. It comes from {src}:{sport} — the address the client asked for — because conntrack reversed every NAT on the way back.',
  'explain.deliver.hostPod': 'Delivered to {pod} (host network) on node {node}, port {dport}, from {src}:{sport}.',
  'explain.deliver.host': 'Delivered to a process on node {node}, port {dport}, from {src}:{sport}.',
  'explain.reject.icmp':
    'The rule on {node} rejected the packet: the node answers with ICMP ({with}), and the connection fails at once ("connection refused").',
  'explain.hook.dnat':
    '{hook} on {node}: {chain} DNATs the packet to {to}. conntrack records the translation, so every later packet of this connection — and each reply — is translated the same way without reading the rules again.',
  'explain.hook.masquerade':
    '{hook} on {node}: MASQUERADE rewrites the source to {to}, the address of {dev}, so the reply comes back through this node.',
  'explain.hook.snat': '{hook} on {node}: SNAT rewrites the source to {to}.',
  'explain.hook.reject': '{hook} on {node}: {chain} rejects the packet ({with}).',
  'explain.hook.drop': '{hook} on {node}: {chain} drops the packet.',
  'explain.hook.mark': '{hook} on {node}: {chain} marks the packet {mark} for masquerading later, in POSTROUTING.',
  'explain.hook.pass': '{hook} on {node}: {count} rules checked, none changes the packet.',
  'explain.hook.ctReply': '{hook} on {node}: conntrack knows this connection; it is a reply, so the NAT is undone: {from} → {to}.',
  'explain.hook.ctOriginal': '{hook} on {node}: conntrack knows this connection and applies its recorded translation: {from} → {to}.',
  'explain.outcome.replyLost': 'The reply did not make it back to {expected}.',
  'explain.outcome.replyUnNATed': 'The reply arrived from {src}, not the address the client asked; the client would drop it.',
  'explain.outcome.noSuchPod': 'There is no pod {pod}.',
  'explain.outcome.noSuchNode': 'There is no node {node}.',
  'explain.outcome.badUrl': '{url} is not an http:// or https:// URL.',
  'explain.outcome.noIngressController': 'Nothing serves {url}: there is no Ingress, so no ingress-nginx controller was installed.',
  'explain.ingress.noModel': 'ingress-nginx has no Ingress to serve: its default backend answers 404.',
  'explain.outcome.nameFromPodOnly':
    'Only a pod resolves names in this model: its resolv.conf points at the cluster DNS. Give an address instead of {name}.',
  'explain.outcome.dnsUnreachable': 'The DNS query to {server} never reached a nameserver, so the name cannot be resolved.',
  'explain.outcome.unsupportedSource': 'Packets from a {kind} are not modelled yet.',
  'explain.outcome.rejected': 'Rejected on {node} with {with}.',
  'explain.outcome.loop':
    "The packet went round in circles: after {steps#} steps it was still on its way, last at {node}. PacketWalk follows a packet for at most {steps#} steps, so the walk stops here. Look for endpoints that send it back where it came from, such as a Service whose endpoint is another Service's NodePort.",
  'explain.outcome.chainLoop':
    'The iptables rules on {node} jump from chain to chain without end (deeper than {depth} chains, or more than {rules#} rules read at one hook); the kernel would refuse to load such rules. The walk stops here.',
  'explain.outcome.noRoute': '{node} has no route for the packet.',
  'explain.outcome.noNeighbour': 'Nobody on the link answers for the destination address.',
  'explain.outcome.leftCluster': 'The packet left the cluster through {node}.',
  'explain.outcome.ruleDrop': 'A rule on {node} dropped the packet: "{rule}".',
} as const;

export const traceZh: Record<keyof typeof traceEn, string> = {
  'explain.pod.send': '{pod} 向 {dst}:{dport} 发起连接。Pod 里只有一条默认路由，指向 {gw}（所在节点上的 cni0），所以数据包从 eth0 发出。',
  'explain.pod.reply':
    '{pod} 在同一个连接上从 {src} 回复 {dst}:{dport}。Pod 里只有一条默认路由，指向 {gw}（所在节点上的 cni0），所以回包从 eth0 发出。',
  'explain.veth.toNode':
    'Pod 的 eth0 是一对 veth 的一端；数据包从另一端 {veth} 出现在节点 {node} 上。{veth} 是 cni0 网桥的一个端口，目的 MAC 是 cni0 的，所以网桥把它交给节点的 IP 协议栈。',
  'explain.client.send': '局域网上的客户端 {client} 向 {dst}:{dport} 发起连接。',
  'explain.arp.unanswered': '客户端在局域网上询问"谁是 {ip}？请告诉 {client}"——无人应答，数据包发不出去。',
  'explain.arp.reply': 'ARP："谁是 {ip}？请告诉 {client}"——{node} 应答"{ip} 在 {mac}"，客户端把帧发往这个 MAC。',
  'explain.wire.toClient': '经局域网从 {from} 回到客户端 {client}。',
  'explain.deliver.client': '送达客户端 {client}，来自 {src}:{sport}。',
  'explain.deliver.replyClient': '回包到达客户端 {client}，来源是 {src}:{sport}——正是它访问的地址——因为 conntrack 在回程中撤销了所有 NAT。',
  'explain.route.ipvsLocal': '{dst} 绑定在 {node} 的 kube-ipvs0 虚拟网卡上，是本机地址：路由决策把包交给本机，IPVS 在 INPUT 之后接手。',
  'explain.ipvs.dnat':
    '{node} 上的 IPVS：{vip} 是一个虚拟服务，有 {count} 个真实服务器，调度算法 {scheduler}。它选中 {to} 并改写目的地址（NAT 转发）；数据包像是节点自己发出的一样离开。',
  'explain.ipvs.noRealServer':
    '{node} 上的 IPVS：{vip} 是一个没有真实服务器的虚拟服务。无法调度，数据包落到节点自身的协议栈，那里没有进程监听，客户端收到 TCP RST。',
  'explain.arp.metallb':
    'ARP："谁是 {ip}？请告诉 {client}"——{ip} 是 {service} 的 LoadBalancer IP，不在任何网卡上；选举顺序（{candidates}）中排第一的 {node} 上的 MetalLB speaker 应答"{ip} 在 {mac}"。',
  'explain.arp.gratuitous':
    '故障切换：{to} 接管了 {ip}（原来是 {from}）。它的 MetalLB speaker 广播免费 ARP——"{ip} 在 {mac}"——局域网上的主机随之更新缓存。',
  'explain.router.noRoute': '路由器 {router} 没有到 {dst} 的路由：没有人通告它，数据包被丢弃。',
  'explain.router.ecmp':
    '路由器 {router} 按 {prefix} 路由 {dst}，该路由经 BGP 从 {count} 个节点学到（{hops}）；它对流做 ECMP 哈希，选中 {via}（{node}）。',
  'explain.host.send': '节点 {node} 上的进程从 {src} 发往 {dst}:{dport}。本机发出的包先经过 OUTPUT 钩子。',
  'explain.route.local': '{dst} 是 {node} 自己的地址，路由决策把包交给本机（INPUT）。',
  'explain.route.none': '{node} 没有到 {dst} 的路由，数据包被丢弃。',
  'explain.route.bridge': '{node} 上的路由：{dst} 命中 {route} dev cni0 —— 本节点上的 Pod，经网桥到达。',
  'explain.route.overlay':
    '{node} 上的路由：{dst} 命中 {route} via {via} dev {dev} onlink —— 另一个节点的 Pod 网段，经 flannel 的 VXLAN 隧道到达。',
  'explain.route.gateway': '{node} 上的路由：{dst} 命中 {route} via {via} dev {dev}。',
  'explain.route.lan': '{node} 上的路由：{dst} 在局域网内（{route} dev {dev}）。',
  'explain.bridge.noNeighbour': '{node} 上的 cni0 找不到地址为 {dst} 的 Pod：ARP 无人应答，数据包被丢弃。',
  'explain.bridge.toPod': '{node} 上的 cni0 把帧转发到 {veth}，即 {pod}（{mac}）应答 ARP 的端口。',
  'explain.veth.toPod': '经 veth 对 {veth} 进入 {pod} 的网络命名空间。',
  'explain.wire.outside': '数据包离开 {node}，发往集群外的 {via}。',
  'explain.wire.toNode': '经局域网从 {from} 到 {to}（{ip}）。',
  'explain.nic.receive': '{node} 在 {dev} 上收到这一帧。',
  'explain.vxlan.noFdb': '{node} 上的 flannel.1 没有 VTEP {via} 的转发表项，数据包被丢弃。',
  'explain.vxlan.encap':
    '{node} 上的 flannel.1 把数据包封装进 VXLAN（VNI {vni}）：一个从 {outerSrc} 发往 {outerDst}:{port} 的 UDP 报文，目标是拥有 VTEP {vtep} 的节点 {remote}。内层地址不变。',
  'explain.wire.vxlan': 'VXLAN 报文经局域网从 {from} 到 {to}；Pod 地址在报文内部。',
  'explain.vxlan.decap': '{node} 在 UDP 端口 {port} 收到 VNI {vni} 的报文：内核解封装，内层数据包出现在 flannel.1 上。',
  'explain.deliver.pod': '送达：{pod} 在 {dst}:{dport} 收到来自 {src}:{sport} 的数据包。',
  'explain.deliver.replyPod': '回包到达 {pod}。它的来源是 {src}:{sport} —— 正是客户端访问的地址 —— 因为 conntrack 在回程中撤销了所有 NAT。',
  'explain.deliver.hostPod': '送达节点 {node} 上的 {pod}（主机网络）端口 {dport}，来自 {src}:{sport}。',
  'explain.deliver.host': '送达节点 {node} 上的进程，端口 {dport}，来自 {src}:{sport}。',
  'explain.reject.icmp': '{node} 上的规则拒绝了数据包：节点回复 ICMP（{with}），连接立即失败（"connection refused"）。',
  'explain.hook.dnat':
    '{node} 的 {hook}：{chain} 把数据包 DNAT 到 {to}。conntrack 记下这次转换，此连接后续的包和每个回包都按同样方式转换，不再查规则。',
  'explain.hook.masquerade': '{node} 的 {hook}：MASQUERADE 把源地址改写为 {to}（{dev} 的地址），这样回包会经过本节点。',
  'explain.hook.snat': '{node} 的 {hook}：SNAT 把源地址改写为 {to}。',
  'explain.hook.reject': '{node} 的 {hook}：{chain} 拒绝了数据包（{with}）。',
  'explain.hook.drop': '{node} 的 {hook}：{chain} 丢弃了数据包。',
  'explain.hook.mark': '{node} 的 {hook}：{chain} 给数据包打上标记 {mark}，稍后在 POSTROUTING 做地址伪装。',
  'explain.hook.pass': '{node} 的 {hook}：检查了 {count} 条规则，没有规则改变数据包。',
  'explain.hook.ctReply': '{node} 的 {hook}：conntrack 认得这个连接；这是回包，于是撤销 NAT：{from} → {to}。',
  'explain.hook.ctOriginal': '{node} 的 {hook}：conntrack 认得这个连接，按记录的转换处理：{from} → {to}。',
  'explain.outcome.replyLost': '回包没有回到 {expected}。',
  'explain.outcome.replyUnNATed': '回包来自 {src}，不是客户端访问的地址；客户端会丢弃它。',
  'explain.outcome.noSuchPod': '不存在 Pod {pod}。',
  'explain.outcome.noSuchNode': '不存在节点 {node}。',
  'explain.outcome.badUrl': '{url} 不是 http:// 或 https:// 地址。',
  'explain.outcome.noIngressController': '没有任何东西服务 {url}：清单里没有 Ingress，所以没有安装 ingress-nginx 控制器。',
  'explain.ingress.noModel': 'ingress-nginx 没有可服务的 Ingress：默认后端回复 404。',
  'explain.outcome.nameFromPodOnly': '在这个模型里只有 Pod 会解析名字：它的 resolv.conf 指向集群 DNS。请把 {name} 换成地址。',
  'explain.outcome.dnsUnreachable': '发往 {server} 的 DNS 查询没有到达任何域名服务器，名字无法解析。',
  'explain.outcome.unsupportedSource': '暂不支持从 {kind} 发出的数据包。',
  'explain.outcome.rejected': '在 {node} 上被拒绝（{with}）。',
  'explain.outcome.loop':
    '数据包在兜圈子：走了 {steps#} 步仍在途中，最后到达 {node}。PacketWalk 追踪一个数据包最多 {steps#} 步，所以追踪在此停止。请检查是否有端点把数据包送回了来处，例如某个 Service 的端点是另一个 Service 的 NodePort。',
  'explain.outcome.chainLoop':
    '{node} 上的 iptables 规则在链之间无休止地跳转（超过 {depth} 层链，或在一个钩子上读了超过 {rules#} 条规则）；内核会拒绝加载这样的规则。追踪在此停止。',
  'explain.outcome.noRoute': '{node} 没有可用的路由。',
  'explain.outcome.noNeighbour': '链路上没有主机应答目的地址。',
  'explain.outcome.leftCluster': '数据包经 {node} 离开了集群。',
  'explain.outcome.ruleDrop': '{node} 上的一条规则丢弃了数据包："{rule}"。',
};
