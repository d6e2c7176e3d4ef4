// What the Gateway API controller (Envoy Gateway) says about the learner's Gateways and HTTPRoutes
// in the Problems list: the status conditions the spec prescribes, worded for a learner. The
// reasons (`NotAllowedByListeners`, …) stay as the API writes them, since `get -o json` shows them too.
export const gatewaySpecEn = {
  'diag.gateway.backend.invalidKind':
    'HTTPRoute {route}: backend {service} is not a Service, which is all Envoy Gateway routes to here (ResolvedRefs: InvalidKind); requests its rule sends there get 500.',
  'diag.gateway.backend.notFound':
    'HTTPRoute {route}: there is no Service {service} with port {port} (ResolvedRefs: BackendNotFound); requests its rule sends there get 500. Add the Service or fix the name and port.',
  'diag.gateway.backend.notPermitted':
    'HTTPRoute {route}: backend {service} is in another namespace and no ReferenceGrant there allows it (ResolvedRefs: RefNotPermitted); requests sent there get 500. Add a ReferenceGrant in that namespace.',
  'diag.gateway.class.otherController':
    'GatewayClass {class} names controller {controller}; the only Gateway API controller in this model is Envoy Gateway, so its Gateways get no status and serve nothing here.',
  'diag.gateway.gateway.noAddress':
    'Gateway {gateway} has no address yet (Programmed: False, AddressNotAssigned): its Envoy Service has no LoadBalancer IP. An IPAddressPool for MetalLB gives it one.',
  'diag.gateway.gateway.noClass':
    'Gateway {gateway} names GatewayClass {class}, which is not in the cluster (not in the paste, or refused by the API server): no controller takes this Gateway. Add the GatewayClass or fix the name.',
  'diag.gateway.listener.certificate':
    'Gateway {gateway}, listener {listener}: the certificate {secret} is missing or not a kubernetes.io/tls Secret (ResolvedRefs: InvalidCertificateRef); the listener serves nothing until it resolves.',
  'diag.gateway.listener.certificateNotPermitted':
    'Gateway {gateway}, listener {listener}: the certificate {secret} is in another namespace and no ReferenceGrant there allows it (RefNotPermitted); the listener serves nothing. Add a ReferenceGrant in that namespace.',
  'diag.gateway.listener.conflict':
    'Gateway {gateway}: listener {listener} and listener {other} both use port {port} with the same hostname or protocols that cannot share it (Conflicted); routes still attach, but it serves nothing until one of them changes.',
  'diag.gateway.listener.protocol':
    'Gateway {gateway}, listener {listener}: protocol {protocol} is not one Envoy Gateway serves (UnsupportedProtocol); the listener is ignored, the others still work.',
  'diag.gateway.route.invalidRegex':
    'HTTPRoute {route}: the regular expression {pattern} does not compile (Accepted: False, UnsupportedValue); Envoy Gateway drops its rule, so the requests it would take get 404. The other rules still work.',
  'diag.gateway.route.noGateway':
    'HTTPRoute {route} names Gateway {gateway}, which is not in the cluster (not in the paste, or refused by the API server): the route attaches nowhere and its requests are not served.',
  'diag.gateway.route.notAttached':
    "HTTPRoute {route} does not attach to Gateway {gateway} ({reason}): its requests there get 404. Check the parentRef's sectionName and port, the listener's allowedRoutes and hostname.",
};

export const gatewaySpecZhCN: Record<keyof typeof gatewaySpecEn, string> = {
  'diag.gateway.backend.invalidKind':
    'HTTPRoute {route}：后端 {service} 不是 Service，而 Envoy Gateway 在这里只路由到 Service（ResolvedRefs: InvalidKind）；该规则发往那里的请求得到 500。',
  'diag.gateway.backend.notFound':
    'HTTPRoute {route}：没有端口为 {port} 的 Service {service}（ResolvedRefs: BackendNotFound）；该规则发往那里的请求得到 500。请添加该 Service，或改正名字和端口。',
  'diag.gateway.backend.notPermitted':
    'HTTPRoute {route}：后端 {service} 在另一个命名空间，那里没有 ReferenceGrant 允许这次引用（ResolvedRefs: RefNotPermitted）；发往那里的请求得到 500。请在该命名空间添加 ReferenceGrant。',
  'diag.gateway.class.otherController':
    'GatewayClass {class} 指定的控制器是 {controller}；本模型中唯一的 Gateway API 控制器是 Envoy Gateway，因此它的 Gateway 没有状态，在这里也不提供服务。',
  'diag.gateway.gateway.noAddress':
    'Gateway {gateway} 还没有地址（Programmed: False，AddressNotAssigned）：它的 Envoy Service 没有 LoadBalancer IP。为 MetalLB 添加一个 IPAddressPool 即可分配。',
  'diag.gateway.gateway.noClass':
    'Gateway {gateway} 指定的 GatewayClass {class} 不在集群中（粘贴的内容里没有，或被 API server 拒绝）：没有控制器接管这个 Gateway。请添加该 GatewayClass，或改正名字。',
  'diag.gateway.listener.certificate':
    'Gateway {gateway} 的监听器 {listener}：证书 {secret} 不存在，或不是 kubernetes.io/tls 类型的 Secret（ResolvedRefs: InvalidCertificateRef）；在它解析成功之前，该监听器不提供服务。',
  'diag.gateway.listener.certificateNotPermitted':
    'Gateway {gateway} 的监听器 {listener}：证书 {secret} 在另一个命名空间，那里没有 ReferenceGrant 允许这次引用（RefNotPermitted）；该监听器不提供服务。请在该命名空间添加 ReferenceGrant。',
  'diag.gateway.listener.conflict':
    'Gateway {gateway}：监听器 {listener} 和 {other} 都使用端口 {port}，主机名相同或协议不能共用该端口（Conflicted）；路由仍会挂载，但在其中一个修改之前，它不提供服务。',
  'diag.gateway.listener.protocol':
    'Gateway {gateway} 的监听器 {listener}：Envoy Gateway 不支持协议 {protocol}（UnsupportedProtocol）；该监听器被忽略，其余监听器照常工作。',
  'diag.gateway.route.invalidRegex':
    'HTTPRoute {route}：正则表达式 {pattern} 无法编译（Accepted: False，UnsupportedValue）；Envoy Gateway 丢弃它所在的规则，因此本该由该规则处理的请求得到 404。其余规则照常工作。',
  'diag.gateway.route.noGateway':
    'HTTPRoute {route} 指定的 Gateway {gateway} 不在集群中（粘贴的内容里没有，或被 API server 拒绝）：该路由没有挂载到任何地方，它的请求无人服务。',
  'diag.gateway.route.notAttached':
    'HTTPRoute {route} 没有挂载到 Gateway {gateway}（{reason}）：它在那里的请求得到 404。请检查 parentRef 的 sectionName 和端口，以及监听器的 allowedRoutes 和主机名。',
};
