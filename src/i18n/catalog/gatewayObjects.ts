// The Gateway API's objects as the picture and inspector show them (each Gateway's address and
// listeners, each HTTPRoute's per-parent conditions), and the request flags of a packetwalk line.

export const gatewayObjectsEn = {
  'ui.gwStatus.heading': 'Gateway {gateway}: status',
  'ui.gwStatus.address': 'address {addresses}',
  'ui.gwStatus.noAddress': 'no address yet',
  'ui.gwStatus.listener': 'listener {name}: {protocol} port {port}, {hostname}, attachedRoutes {count}',
  'ui.gwStatus.anyHost': 'any host',
  'ui.gwStatus.routes': 'HTTPRoutes that name this Gateway',
  'ui.gwStatus.noRoutes': 'No HTTPRoute names this Gateway.',
  'ui.gwStatus.route': 'HTTPRoute {route}',
  'ui.gwStatus.routeSection': 'HTTPRoute {route} (listener {section})',
  'ui.gwStatus.conditionOk': '{type} ✓',
  'ui.gwStatus.conditionBad': '{type} ✗ {reason}',
  'ui.outcome.gateway': 'Gateway {gateway} · HTTPRoute {route} → {backend}',
  'ui.outcome.gatewayRoute': 'Gateway {gateway} · HTTPRoute {route}',
  'ui.outcome.gatewayNoRoute': 'Gateway {gateway} · no route',
  'explain.gateway.noHostRefused':
    'no route attached to port {port} serves host {host}: HTTPRoute {route} names it, but the Gateway did not accept it ({reason}), so Envoy answers 404',
  'explain.gateway.noHostOutside':
    'no listener on port {port} takes host {host}: HTTPRoute {route} names it, but only the hostnames it shares with the listener are served, so Envoy answers 404',
  'diag.walk.value.method': '"{value}" is not a method for an http(s):// URL: --method takes a word such as GET or POST after --to URL.',
  'diag.walk.value.header':
    '"{value}" is not a header for an http(s):// URL: --header takes \'Name: value\' in quotes after --to URL. The request is sent without it.',
};

export const gatewayObjectsZhCN: Record<keyof typeof gatewayObjectsEn, string> = {
  'ui.gwStatus.heading': 'Gateway {gateway} 的状态',
  'ui.gwStatus.address': '地址 {addresses}',
  'ui.gwStatus.noAddress': '还没有地址',
  'ui.gwStatus.listener': '监听器 {name}：{protocol} 端口 {port}，{hostname}，attachedRoutes {count}',
  'ui.gwStatus.anyHost': '任意主机',
  'ui.gwStatus.routes': '指向这个 Gateway 的 HTTPRoute',
  'ui.gwStatus.noRoutes': '没有 HTTPRoute 指向这个 Gateway。',
  'ui.gwStatus.route': 'HTTPRoute {route}',
  'ui.gwStatus.routeSection': 'HTTPRoute {route}（监听器 {section}）',
  'ui.gwStatus.conditionOk': '{type} ✓',
  'ui.gwStatus.conditionBad': '{type} ✗ {reason}',
  'ui.outcome.gateway': 'Gateway {gateway} · HTTPRoute {route} → {backend}',
  'ui.outcome.gatewayRoute': 'Gateway {gateway} · HTTPRoute {route}',
  'ui.outcome.gatewayNoRoute': 'Gateway {gateway} · 没有路由',
  'explain.gateway.noHostRefused':
    '挂在端口 {port} 上的路由都不服务主机 {host}：HTTPRoute {route} 写了它，但 Gateway 没有接受这条路由（{reason}），所以 Envoy 回复 404',
  'explain.gateway.noHostOutside':
    '端口 {port} 上没有监听器接受主机 {host}：HTTPRoute {route} 写了它，但只有它与监听器共有的主机名才会被服务，所以 Envoy 回复 404',
  'diag.walk.value.method': '“{value}”不是 http(s):// 网址可用的方法：--method 接受 GET、POST 这样的单词，需配合 --to 网址。',
  'diag.walk.value.header':
    "“{value}”不是 http(s):// 网址可用的请求头：--header 接受加引号的 'Name: value'，需配合 --to 网址。请求将不带这个头发出。",
};
