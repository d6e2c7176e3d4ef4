// The request tester's Gateway answers: who answers, the method and headers sent, and what the
// Gateway decided. The player shows the tester too, so these are in its part of the catalogue.

export const gatewayTesterEn = {
  'ui.gatewayTester.intro':
    'Which route does the Gateway pick for a request, and what do its filters do? Envoy Gateway’s answer, by the Gateway API’s precedence rules.',
  'ui.gatewayTester.by': 'Answered by',
  'ui.gatewayTester.nginx': 'ingress-nginx',
  'ui.gatewayTester.gateway': 'Gateway {gateway}',
  'ui.gatewayTester.method': 'Method',
  'ui.gatewayTester.headers': 'Headers, one “Name: value” a line',
  'ui.gatewayTester.refused': 'No listener of the Gateway takes this port: the connection is refused.',
  'ui.gatewayTester.listener': 'Listener {listener}',
  'ui.gatewayTester.route': 'HTTPRoute {route}, rule {rule}, match {match}',
  'ui.gatewayTester.backend': 'Backend {service}:{port}, weight {weight} of {total}',
  'ui.gatewayTester.rewrittenPath': 'Path rewritten to {path}',
  'ui.gatewayTester.rewrittenHost': 'Host rewritten to {host}',
  'ui.gatewayTester.requestHeaders': 'Headers sent upstream: {headers}',
  'ui.gatewayTester.responseHeaders': 'Headers added to the reply: {headers}',
};

export const gatewayTesterZhCN: Record<keyof typeof gatewayTesterEn, string> = {
  'ui.gatewayTester.intro':
    'Gateway 会为一个请求选中哪条路由？它的过滤器做了什么？这是 Envoy Gateway 按 Gateway API 优先级规则给出的回答。',
  'ui.gatewayTester.by': '由谁回答',
  'ui.gatewayTester.nginx': 'ingress-nginx',
  'ui.gatewayTester.gateway': 'Gateway {gateway}',
  'ui.gatewayTester.method': '方法',
  'ui.gatewayTester.headers': '请求头，每行一个“Name: value”',
  'ui.gatewayTester.refused': 'Gateway 没有监听器接收这个端口：连接被拒绝。',
  'ui.gatewayTester.listener': '监听器 {listener}',
  'ui.gatewayTester.route': 'HTTPRoute {route}，第 {rule} 条规则，第 {match} 个匹配',
  'ui.gatewayTester.backend': '后端 {service}:{port}，权重 {weight}/{total}',
  'ui.gatewayTester.rewrittenPath': '路径改写为 {path}',
  'ui.gatewayTester.rewrittenHost': 'Host 改写为 {host}',
  'ui.gatewayTester.requestHeaders': '发往上游的请求头：{headers}',
  'ui.gatewayTester.responseHeaders': '回复中添加的响应头：{headers}',
};
