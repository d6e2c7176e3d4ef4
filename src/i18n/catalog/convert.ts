// The notes of `packetwalk convert` and the app's migration view (src/model/convert): what
// ingress2gateway made from each Ingress, and what it left out or would refuse. Names of objects,
// annotations and Gateway API fields stay as written so that a learner can search for them.
import type { ConvertNoteKey } from '../../model';

const notesEn = {
  'convert.made.gateway':
    'Gateway {gateway} with {listeners} listener(s), made from the Ingresses of class {className}, starting with {ingress}',
  'convert.made.route': 'HTTPRoute {route} made from the rules for host {host} ({count} rule(s), first in Ingress {ingress})',
  'convert.made.defaultBackend':
    'HTTPRoute {route} made from the defaultBackend of Ingress {ingress}; it matches every request no other route takes',
  'convert.made.httpsRedirect':
    'Ingress {ingress} has TLS, so ingress-nginx redirects http to https: HTTPRoute {http} answers port 80 with 308 to https, and {route} serves port 443',
  'convert.made.canary': 'canary Ingress {ingress}: in HTTPRoute {route}, {canary} gets weight {weight} of {total} and {main} the rest',
  'convert.made.canaryHeader':
    'canary Ingress {ingress}: in HTTPRoute {route}, requests with header {header}: {value} go to the canary backend',
  'convert.made.redirect':
    'Ingress {ingress}: {name} became a RequestRedirect filter answering {code}; the rule sends nothing to a backend',
  'convert.made.rewrite':
    'Ingress {ingress}: rewrite-target became a URLRewrite filter in HTTPRoute {route} replacing the whole path with "{value}"',
  'convert.skip.class':
    'Ingress {ingress} (class {className}) is left out: ingress2gateway converts only the classes of ingress-nginx ({classes}); set spec.ingressClassName to convert it',
  'convert.skip.protocol': 'Ingress {ingress} is left out: backend-protocol {value} is not supported in Gateway API conversion',
  'convert.skip.grpc':
    'Ingress {ingress} is left out: backend-protocol {value} makes ingress2gateway write a GRPCRoute, which PacketWalk does not convert yet',
  'convert.skip.portName':
    'Ingress {ingress}: cannot find port with name {port} in service {service}; ingress2gateway stops here, PacketWalk leaves this backend out and goes on. Add the Service or use port.number',
  'convert.annotation.unsupported': 'Ingress {ingress}: unsupported annotation {name}; it has no Gateway API equivalent and is left out',
  'convert.annotation.notBuilt':
    'Ingress {ingress}: annotation {name} is left out; ingress2gateway converts it (into a filter, a policy or another route kind) but PacketWalk does not yet',
  'convert.tls.selfSigned':
    'ingress-nginx serves TLS for host {host} with its self-signed certificate; a Gateway will not, so the host is not reachable over https until you add a tls entry for it',
  'convert.canary.unsupported': 'canary Ingress {ingress} uses {name}, which has no Gateway API equivalent; it is left out',
  'convert.canary.badWeight': 'canary Ingress {ingress}: canary-weight "{value}" is not a number; weight 0 is used',
  'convert.canary.negativeWeight': 'canary Ingress {ingress}: canary-weight {weight} is negative; weight 0 is used',
  'convert.canary.badTotal': 'canary Ingress {ingress}: canary-weight-total "{value}" is not a number; 100 is used',
  'convert.canary.nonPositiveTotal': 'canary Ingress {ingress}: canary-weight-total {total} is not positive; 100 is used',
  'convert.canary.capped':
    'canary Ingress {ingress}: canary-weight {weight} is more than canary-weight-total {total}; it is capped to {total}',
  'convert.canary.twoCanaries':
    'Ingress {ingress}: rule {rule} of HTTPRoute {route} already has a canary backend; at most one canary backend is allowed per rule',
  'convert.canary.twoMains':
    'Ingress {ingress}: rule {rule} of HTTPRoute {route} already has a main backend; at most one non-canary backend is allowed per rule when using canary',
  'convert.canary.noMain':
    'canary Ingress {ingress}: rule {rule} of HTTPRoute {route} has no main backend; a non-canary Ingress for the same host and path is required',
  'convert.redirect.unsupported': 'Ingress {ingress} uses {name}, which has no Gateway API equivalent; it is left out',
  'convert.redirect.both':
    'Ingress {ingress} has both permanent-redirect and temporal-redirect; temporal-redirect takes priority, permanent-redirect is ignored',
  'convert.redirect.badCode': 'Ingress {ingress}: {name} "{value}" is not one Gateway API allows here ({codes}); {code} is used',
  'convert.redirect.empty': 'Ingress {ingress}: {name} is empty, so no redirect is made',
  'convert.redirect.badUrl': 'Ingress {ingress}: {name} "{value}" is not a URL with a numeric port, so no redirect is made',
  'convert.regex.caseInsensitive':
    'HTTPRoute {route}: Ingress {ingress} makes nginx read this host\'s paths as case-insensitive regex prefixes, so each path became a RegularExpression "(?i)PATH.*"; you may want to change this',
  'convert.rewrite.captureGroups':
    'HTTPRoute {route}: rewrite-target "{value}" refers to a regex capture group, which Gateway API has no way to express; it is left out',
  'convert.rewrite.literalDollar':
    'HTTPRoute {route}: rewrite-target "{value}" uses nginx\'s capture groups ($1…); the URLRewrite filter replaces the path with this text literally (PacketWalk\'s note)',
  'convert.urlNormalization':
    "Gateway API does not support configuring URL normalization (RFC 3986, Section 6); check whether it matters for your use case in your implementation's documentation",
} satisfies Record<ConvertNoteKey, string>;

export const convertEn = {
  ...notesEn,
  'convert.cli.to': 'convert needs --to gateway-api (the only conversion there is), not "{value}"',
  'convert.cli.noIngress': 'no Ingress in the manifests, so there is nothing to convert',
  'convert.cli.converted': 'converted {ingresses} Ingress(es) into {objects} Gateway API object(s) as ingress2gateway {version} would',
};

export const convertZhCN: Record<keyof typeof convertEn, string> = {
  'convert.cli.to': 'convert 需要 --to gateway-api（目前只有这一种转换），而不是“{value}”',
  'convert.cli.noIngress': '清单中没有 Ingress，没有可转换的内容',
  'convert.cli.converted': '已像 ingress2gateway {version} 那样把 {ingresses} 个 Ingress 转换成 {objects} 个 Gateway API 对象',
  'convert.made.gateway': 'Gateway {gateway} 有 {listeners} 个监听器，由类 {className} 的 Ingress 生成，第一个是 {ingress}',
  'convert.made.route': 'HTTPRoute {route} 由主机 {host} 的规则生成（{count} 条规则，第一条在 Ingress {ingress} 中）',
  'convert.made.defaultBackend': 'HTTPRoute {route} 由 Ingress {ingress} 的 defaultBackend 生成；它匹配其他路由都不接收的请求',
  'convert.made.httpsRedirect':
    'Ingress {ingress} 配置了 TLS，ingress-nginx 会把 http 重定向到 https：HTTPRoute {http} 在 80 端口以 308 重定向到 https，{route} 服务 443 端口',
  'convert.made.canary': '金丝雀 Ingress {ingress}：在 HTTPRoute {route} 中，{canary} 的权重为 {weight}/{total}，其余归 {main}',
  'convert.made.canaryHeader': '金丝雀 Ingress {ingress}：在 HTTPRoute {route} 中，带请求头 `{header}: {value}` 的请求发往金丝雀后端',
  'convert.made.redirect': 'Ingress {ingress}：{name} 变成了返回 {code} 的 RequestRedirect 过滤器；该规则不再发往任何后端',
  'convert.made.rewrite': 'Ingress {ingress}：rewrite-target 变成了 HTTPRoute {route} 中的 URLRewrite 过滤器，把整个路径替换为“{value}”',
  'convert.skip.class':
    'Ingress {ingress}（类 {className}）未转换：ingress2gateway 只转换 ingress-nginx 的类（{classes}）；设置 spec.ingressClassName 即可转换',
  'convert.skip.protocol': 'Ingress {ingress} 未转换：Gateway API 转换不支持 backend-protocol {value}',
  'convert.skip.grpc': 'Ingress {ingress} 未转换：backend-protocol {value} 会让 ingress2gateway 生成 GRPCRoute，PacketWalk 暂不转换它',
  'convert.skip.portName':
    'Ingress {ingress}：在 Service {service} 中找不到名为 {port} 的端口；ingress2gateway 会就此停止，PacketWalk 略过这个后端继续转换。请添加该 Service 或改用 port.number',
  'convert.annotation.unsupported': 'Ingress {ingress}：不支持的注解 {name}；它在 Gateway API 中没有对应，未转换',
  'convert.annotation.notBuilt':
    'Ingress {ingress}：注解 {name} 未转换；ingress2gateway 会把它转成过滤器、策略或其他路由类型，PacketWalk 暂不支持',
  'convert.tls.selfSigned':
    'ingress-nginx 用自签名证书为主机 {host} 提供 TLS；Gateway 不会这样做，在你为它添加 tls 条目之前，这个主机无法通过 https 访问',
  'convert.canary.unsupported': '金丝雀 Ingress {ingress} 使用了 {name}，它在 Gateway API 中没有对应，未转换',
  'convert.canary.badWeight': '金丝雀 Ingress {ingress}：canary-weight“{value}”不是数字；使用权重 0',
  'convert.canary.negativeWeight': '金丝雀 Ingress {ingress}：canary-weight {weight} 为负数；使用权重 0',
  'convert.canary.badTotal': '金丝雀 Ingress {ingress}：canary-weight-total“{value}”不是数字；使用 100',
  'convert.canary.nonPositiveTotal': '金丝雀 Ingress {ingress}：canary-weight-total {total} 不是正数；使用 100',
  'convert.canary.capped': '金丝雀 Ingress {ingress}：canary-weight {weight} 大于 canary-weight-total {total}；按 {total} 计',
  'convert.canary.twoCanaries': 'Ingress {ingress}：HTTPRoute {route} 的第 {rule} 条规则已有金丝雀后端；每条规则最多一个金丝雀后端',
  'convert.canary.twoMains': 'Ingress {ingress}：HTTPRoute {route} 的第 {rule} 条规则已有主后端；使用金丝雀时每条规则最多一个非金丝雀后端',
  'convert.canary.noMain':
    '金丝雀 Ingress {ingress}：HTTPRoute {route} 的第 {rule} 条规则没有主后端；需要一个同主机同路径的非金丝雀 Ingress',
  'convert.redirect.unsupported': 'Ingress {ingress} 使用了 {name}，它在 Gateway API 中没有对应，未转换',
  'convert.redirect.both':
    'Ingress {ingress} 同时有 permanent-redirect 和 temporal-redirect；以 temporal-redirect 为准，忽略 permanent-redirect',
  'convert.redirect.badCode': 'Ingress {ingress}：{name}“{value}”不是 Gateway API 在此允许的状态码（{codes}）；使用 {code}',
  'convert.redirect.empty': 'Ingress {ingress}：{name} 为空，不生成重定向',
  'convert.redirect.badUrl': 'Ingress {ingress}：{name}“{value}”不是端口为数字的 URL，不生成重定向',
  'convert.regex.caseInsensitive':
    'HTTPRoute {route}：Ingress {ingress} 让 nginx 把这个主机的路径当作不区分大小写的正则前缀，因此每个路径都变成了 RegularExpression `(?i)PATH.*`；你可能需要修改它',
  'convert.rewrite.captureGroups': 'HTTPRoute {route}：rewrite-target“{value}”引用了正则捕获组，Gateway API 无法表达；未转换',
  'convert.rewrite.literalDollar':
    'HTTPRoute {route}：rewrite-target“{value}”使用了 nginx 的捕获组（$1…）；URLRewrite 过滤器会按字面把路径替换成这段文字（PacketWalk 的提示）',
  'convert.urlNormalization': 'Gateway API 不支持配置 URL 规范化（RFC 3986 第 6 节）；请查阅你所用实现的文档，确认这对你是否有影响',
};
