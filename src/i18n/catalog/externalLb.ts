// A LoadBalancer address that a load balancer outside the model assigned (a cloud's, in a
// dump's status): the walk's hop through it (src/model/trace/externalLb.ts) and how the
// picture and the inspector mark it.

export const externalLbEn = {
  'explain.externalLb.cluster':
    '{ip} belongs to Service {service}, and a load balancer outside PacketWalk holds it: that load balancer is not modelled. Like a cloud load balancer, it sends the packet on unchanged to a node that passes its health check (kube-proxy answers it on every node: {nodes}); its choice, taken here as a hash of the connection, is {node}.',
  'explain.externalLb.local':
    '{ip} belongs to Service {service}, and a load balancer outside PacketWalk holds it: that load balancer is not modelled. With externalTrafficPolicy: Local only nodes with a ready endpoint pass its health check (port {port}): {nodes}. It sends the packet on unchanged; its choice, taken here as a hash of the connection, is {node}.',
  'explain.externalLb.noNode':
    '{ip} belongs to Service {service}, held by a load balancer outside PacketWalk, but no node passes its health check (every node is down or excluded from external load balancers), so it has nowhere to send the packet.',
  'explain.externalLb.noLocalNode':
    '{ip} belongs to Service {service}, held by a load balancer outside PacketWalk. With externalTrafficPolicy: Local only a node with a ready endpoint passes its health check, and none has one, so it has nowhere to send the packet.',
  'explain.externalLb.proxy':
    "{ip} belongs to Service {service}, held by a load balancer outside PacketWalk in ipMode: Proxy: it ends the connection itself and opens its own to a node, which PacketWalk does not model. kube-proxy writes no rule for {ip}; trace to a node's NodePort to follow the load balancer's own connection.",
  'explain.outcome.externalLb':
    'The packet stops at the load balancer outside PacketWalk; its step says why. PacketWalk does not model that load balancer.',
  'ui.topology.externalLb': 'from a load balancer outside the model',
  'ui.topology.externalLb.title':
    'Assigned by a load balancer outside PacketWalk (the status your cluster reported); PacketWalk keeps it as it is.',
  'ui.ladder.externalLb': 'Load balancer outside the model → {node}',
  'ui.inspector.externalLb': 'Load balancer outside the model',
  'ui.inspector.externalLbNone': 'No node passes its health check.',
  'ui.inspector.externalLbNodes': 'Nodes that pass its health check for {service}',
} as const;

export const externalLbZh: Record<keyof typeof externalLbEn, string> = {
  'explain.externalLb.cluster':
    '{ip} 属于 Service {service}，由 PacketWalk 之外的负载均衡器持有：这个负载均衡器不在模型之内。它像云负载均衡器那样，把数据包原样转给一个通过健康检查的节点（每个节点上的 kube-proxy 都会应答：{nodes}）；它的选择（这里按连接的哈希取）是 {node}。',
  'explain.externalLb.local':
    '{ip} 属于 Service {service}，由 PacketWalk 之外的负载均衡器持有：这个负载均衡器不在模型之内。在 externalTrafficPolicy: Local 下，只有带就绪 endpoint 的节点能通过它的健康检查（端口 {port}）：{nodes}。它把数据包原样转发；它的选择（这里按连接的哈希取）是 {node}。',
  'explain.externalLb.noNode':
    '{ip} 属于 Service {service}，由 PacketWalk 之外的负载均衡器持有，但没有节点通过它的健康检查（所有节点都已宕机或被排除在外部负载均衡器之外），数据包无处可去。',
  'explain.externalLb.noLocalNode':
    '{ip} 属于 Service {service}，由 PacketWalk 之外的负载均衡器持有。在 externalTrafficPolicy: Local 下，只有带就绪 endpoint 的节点才能通过它的健康检查，而没有任何节点有，数据包无处可去。',
  'explain.externalLb.proxy':
    '{ip} 属于 Service {service}，由 PacketWalk 之外、ipMode 为 Proxy 的负载均衡器持有：它自己终结连接，再向某个节点发起自己的连接，这部分不在模型之内。kube-proxy 不为 {ip} 写入任何规则；若要跟随负载均衡器自己的连接，请追踪到某个节点的 NodePort。',
  'explain.outcome.externalLb': '数据包停在 PacketWalk 之外的负载均衡器处；原因见该步骤。PacketWalk 不模拟这个负载均衡器。',
  'ui.topology.externalLb': '来自模型之外的负载均衡器',
  'ui.topology.externalLb.title': '由 PacketWalk 之外的负载均衡器分配（即你的集群报告的 status）；PacketWalk 原样保留。',
  'ui.ladder.externalLb': '模型之外的负载均衡器 → {node}',
  'ui.inspector.externalLb': '模型之外的负载均衡器',
  'ui.inspector.externalLbNone': '没有节点通过它的健康检查。',
  'ui.inspector.externalLbNodes': '为 {service} 通过其健康检查的节点',
};
