// The walk's HTTP step when Envoy (a Gateway of Envoy Gateway's) has the request: what the
// inspector says about Envoy's answer. Names and addresses stay as the model gives them.

export const envoyGatewayWalkEn = {
  'ui.http.envoyHeading': "Envoy's answer",
  'ui.http.envoyGateway': 'Gateway {gateway}',
  'ui.http.envoyRoute': 'HTTPRoute {route} sends it to {backend}; Envoy connects to one of its pods itself.',
  'ui.http.envoyRouteOnly': 'HTTPRoute {route} took it.',
  'ui.http.envoyNoRoute': 'No route matched: Envoy answers 404 itself.',
  'ui.stage.envoy.http': 'HTTP request to Envoy (the Gateway)',
  'ui.stage.envoy.upstream': 'Envoy → backend pod',
  'ui.hop.envoy': 'Envoy routes the HTTP request',
  'ui.ladder.envoy': 'Envoy: route',
  'ui.topology.envoyInPod': 'Envoy reads the HTTP request inside its pod: no Service, no kube-proxy here.',
  'ui.topology.envoyUpstream': 'Envoy connects to the pod IP itself: no Service VIP, no kube-proxy DNAT.',
};

export const envoyGatewayWalkZhCN: Record<keyof typeof envoyGatewayWalkEn, string> = {
  'ui.http.envoyHeading': 'Envoy 的应答',
  'ui.http.envoyGateway': 'Gateway {gateway}',
  'ui.http.envoyRoute': 'HTTPRoute {route} 把它发往 {backend}；Envoy 自己连接其中一个 Pod。',
  'ui.http.envoyRouteOnly': '由 HTTPRoute {route} 处理。',
  'ui.http.envoyNoRoute': '没有路由匹配：由 Envoy 自己应答 404。',
  'ui.stage.envoy.http': '发往 Envoy（Gateway）的 HTTP 请求',
  'ui.stage.envoy.upstream': 'Envoy → 后端 Pod',
  'ui.hop.envoy': 'Envoy 为 HTTP 请求选路',
  'ui.ladder.envoy': 'Envoy：路由',
  'ui.topology.envoyInPod': 'Envoy 在自己的 Pod 里读取 HTTP 请求：这里没有 Service，也没有 kube-proxy。',
  'ui.topology.envoyUpstream': 'Envoy 直接连接 Pod IP：不经过 Service VIP，也没有 kube-proxy 的 DNAT。',
};
