// Envoy's routing decision for one request on a Gateway, as a walk's step says it (the player's
// part, en.ts; the Problems list's messages are in gatewaySpec.ts). Rules are counted from 1.
export const gatewayWalkEn = {
  'explain.gateway.noGateway': 'Gateway {gateway} is not run by Envoy Gateway here, so nothing answers for it',
  'explain.gateway.noListener': 'Gateway {gateway} has no working listener on port {port}: the connection is refused',
  'explain.gateway.noHost': 'no route attached to port {port} serves host {host}: Envoy answers 404',
  'explain.gateway.noMatch': 'no rule of the routes for host {host} matches path {path}: Envoy answers 404',
  'explain.gateway.redirect': 'HTTPRoute {route}, rule {rule}, redirects: {status} to {location}',
  'explain.gateway.proxied':
    'HTTPRoute {route}, rule {rule}, sends it to Service {service} port {port} (weight {weight} of {total}); Envoy connects to one of its pods directly',
  'explain.gateway.noBackends': 'HTTPRoute {route}, rule {rule}, matched but has no backend: Envoy answers 500',
  'explain.gateway.zeroWeights': 'HTTPRoute {route}, rule {rule}, matched but every backend has weight 0: Envoy answers 500',
  'explain.gateway.backendInvalid':
    'HTTPRoute {route}, rule {rule}, drew backend {service}, which cannot be used ({problem}): Envoy answers 500 for this share of requests',
};

export const gatewayWalkZhCN: Record<keyof typeof gatewayWalkEn, string> = {
  'explain.gateway.noGateway': '这里没有 Envoy Gateway 运行 Gateway {gateway}，因此没有谁为它应答',
  'explain.gateway.noListener': 'Gateway {gateway} 在端口 {port} 上没有可用的监听器：连接被拒绝',
  'explain.gateway.noHost': '挂在端口 {port} 上的路由都不服务主机 {host}：Envoy 回复 404',
  'explain.gateway.noMatch': '主机 {host} 的路由中没有规则匹配路径 {path}：Envoy 回复 404',
  'explain.gateway.redirect': 'HTTPRoute {route} 的第 {rule} 条规则重定向：{status} 到 {location}',
  'explain.gateway.proxied':
    'HTTPRoute {route} 的第 {rule} 条规则把它发往 Service {service} 的端口 {port}（权重 {weight}/{total}）；Envoy 直接连接它的某个 Pod',
  'explain.gateway.noBackends': 'HTTPRoute {route} 的第 {rule} 条规则匹配了，但没有后端：Envoy 回复 500',
  'explain.gateway.zeroWeights': 'HTTPRoute {route} 的第 {rule} 条规则匹配了，但所有后端的权重都是 0：Envoy 回复 500',
  'explain.gateway.backendInvalid':
    'HTTPRoute {route} 的第 {rule} 条规则抽中了后端 {service}，它不可用（{problem}）：这部分请求由 Envoy 回复 500',
};
