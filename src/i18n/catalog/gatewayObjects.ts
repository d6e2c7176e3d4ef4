// The Gateway API's objects as the picture and inspector show them (each Gateway's address and
// listeners, each HTTPRoute's per-parent conditions), and the request flags of a packetwalk line.

export const gatewayObjectsEn = {
  'explain.gateway.noHostRefused':
    'no route attached to port {port} serves host {host}: HTTPRoute {route} names it, but the Gateway did not accept it ({reason}), so Envoy answers 404',
  'explain.gateway.noHostOutside':
    'no listener on port {port} takes host {host}: HTTPRoute {route} names it, but only the hostnames it shares with the listener are served, so Envoy answers 404',
  'diag.walk.value.method': '"{value}" is not a method for an http(s):// URL: --method takes a word such as GET or POST after --to URL.',
  'diag.walk.value.header':
    '"{value}" is not a header for an http(s):// URL: --header takes \'Name: value\' in quotes after --to URL. The request is sent without it.',
};

export const gatewayObjectsZhCN: Record<keyof typeof gatewayObjectsEn, string> = {
  'explain.gateway.noHostRefused':
    '挂在端口 {port} 上的路由都不服务主机 {host}：HTTPRoute {route} 写了它，但 Gateway 没有接受这条路由（{reason}），所以 Envoy 回复 404',
  'explain.gateway.noHostOutside':
    '端口 {port} 上没有监听器接受主机 {host}：HTTPRoute {route} 写了它，但只有它与监听器共有的主机名才会被服务，所以 Envoy 回复 404',
  'diag.walk.value.method': '“{value}”不是 http(s):// 网址可用的方法：--method 接受 GET、POST 这样的单词，需配合 --to 网址。',
  'diag.walk.value.header':
    "“{value}”不是 http(s):// 网址可用的请求头：--header 接受加引号的 'Name: value'，需配合 --to 网址。请求将不带这个头发出。",
};
