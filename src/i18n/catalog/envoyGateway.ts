// Envoy Gateway and the HTTP request flags: what `trace --method/--header` and `envoy-config`
// refuse and why. Flags, names and values stay as typed.

export const envoyGatewayEn = {
  'cli.usage.method': '--method: "{value}" is not an HTTP method; write one word of letters, such as GET, POST or DELETE',
  'cli.usage.header': "--header: \"{value}\" is not a header; write it as 'Name: value', e.g. --header 'Host: foo.example.com'",
  'cli.usage.httpOnly': '{flag} belongs to an HTTP request: give --to http://HOST/PATH (or https://) as well',
  'cli.usage.gateway': '--gateway: "{value}" is not NAMESPACE/NAME',
  'cli.envoy.none':
    'no Gateway here is served by Envoy Gateway: write a GatewayClass with controllerName gateway.envoyproxy.io/gatewayclass-controller and a Gateway of that class',
  'cli.envoy.unknown': 'no Gateway {gateway} is served by Envoy Gateway; it serves {names}',
};

export const envoyGatewayZhCN: Record<keyof typeof envoyGatewayEn, string> = {
  'cli.usage.method': '--method：“{value}”不是 HTTP 方法；请写一个由字母组成的词，例如 GET、POST 或 DELETE',
  'cli.usage.header': "--header：“{value}”不是请求头；请写成 'Name: value'，例如 --header 'Host: foo.example.com'",
  'cli.usage.httpOnly': '{flag} 属于 HTTP 请求：请同时给出 --to http://HOST/PATH（或 https://）',
  'cli.usage.gateway': '--gateway：“{value}”不是 NAMESPACE/NAME',
  'cli.envoy.none':
    '这里没有由 Envoy Gateway 服务的 Gateway：请写一个 controllerName 为 gateway.envoyproxy.io/gatewayclass-controller 的 GatewayClass，以及该类的 Gateway',
  'cli.envoy.unknown': 'Envoy Gateway 没有服务 Gateway {gateway}；它服务的是 {names}',
};
