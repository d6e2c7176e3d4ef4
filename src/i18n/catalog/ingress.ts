// Messages for Ingress decoding, ingress-nginx's class selection and admission webhook, and the
// request decision table (src/model/ingress). API server and webhook wording is kept so that a
// learner can search for it.

export const ingressEn = {
  'diag.ingress.backendBoth': '{path}: Invalid value: "": cannot set both resource and service backends',
  'diag.ingress.backendRequired': '{path}: Invalid value: "": resource or service backend is required',
  'diag.ingress.portBoth': '{path}: Invalid value: "": cannot set both port name & port number',
  'diag.ingress.portRequired': '{path}: Required value: port name or number is required',
  'diag.ingress.hostIsIP': '{path}: Invalid value: "{value}": must be a DNS name, not an IP address',
  'diag.ingress.wildcardHost':
    "{path}: Invalid value: \"{value}\": a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character",
  'diag.ingress.pathNotAbsolute': '{path}: Invalid value: "{value}": must be an absolute path (pathType {pathType} paths start with \'/\')',
  'diag.ingress.pathSequence': '{path}: Invalid value: "{value}": must not contain \'{sequence}\'',
  'diag.ingress.pathSuffix': '{path}: Invalid value: "{value}": cannot end with \'{suffix}\'',
  'diag.ingress.pathTypeRequired': '{path}.pathType: Required value: pathType must be specified (Exact, Prefix or ImplementationSpecific)',
  'diag.ingress.rulesOrDefault': '{path}: Invalid value: null: either `defaultBackend` or `rules` must be specified',
  'diag.ingress.classAnnotationMismatch':
    'annotations.kubernetes.io/ingress.class: Invalid value: "{value}": must match `ingressClassName` ("{className}") when both are specified',
  'diag.ingress.classController': '{path}: Invalid value: "{value}": must be a domain-prefixed path (such as "k8s.io/ingress-nginx")',
  'diag.ingress.legacyVersion':
    'no matches for kind "Ingress" in version "{apiVersion}": it was removed in Kubernetes v1.22. The networking.k8s.io/v1 equivalent, to use in its place:',
  'diag.ingress.legacyVersion.first':
    'no matches for kind "Ingress" in version "{apiVersion}": it was removed in Kubernetes v1.22. The networking.k8s.io/v1 equivalent of its first {shown} of {total} TLS entries, rules and paths is:\n{v1}',
  'diag.ingress.noClass':
    'Ingress {ingress} has no ingressClassName and no IngressClass is marked default, so ingress-nginx (--watch-ingress-without-class=false) ignores it; add spec.ingressClassName: {expected}',
  'diag.ingress.unknownClass': 'Ingress {ingress}: IngressClass "{className}" does not exist, so no controller serves it',
  'diag.ingress.otherClass': 'Ingress {ingress} belongs to IngressClass "{className}" of controller {controller}; ingress-nginx ignores it',
  'diag.ingress.otherClassAnnotation':
    'Ingress {ingress} has kubernetes.io/ingress.class: "{value}"; ingress-nginx only takes "{expected}" and ignores it',
  'diag.ingress.tooManyDefaultClasses':
    'Ingress {ingress} is forbidden: {count} default IngressClasses were found ({names}), only 1 allowed',
  'diag.ingress.badAnnotation':
    'Ingress {ingress}: annotation {name}: "{value}" is not a boolean (use "true" or "false"); ingress-nginx uses its default',
  'diag.ingress.admissionPath':
    'admission webhook "validate.nginx.ingress.kubernetes.io" denied the request: ingress contains invalid paths: path {path} cannot be used with pathType {pathType} (a regex needs pathType ImplementationSpecific and nginx.ingress.kubernetes.io/use-regex: "true")',
  'diag.ingress.admissionConflict':
    'admission webhook "validate.nginx.ingress.kubernetes.io" denied the request: host "{host}" and path "{path}" is already defined in ingress {other}',
  'diag.ingress.upstream.noService':
    'Ingress {ingress}: Service "{service}" not found; ingress-nginx answers 503 Service Temporarily Unavailable here',
  'diag.ingress.upstream.noServicePort': 'Ingress {ingress}: Service "{service}" has no port {port}; ingress-nginx answers 503 here',
  'diag.ingress.upstream.noEndpoints':
    'Ingress {ingress}: Service "{service}" has no ready endpoints for port {port}; ingress-nginx answers 503 here',
  'diag.ingress.upstream.noClusterIP':
    'Ingress {ingress}: service-upstream needs a ClusterIP, and Service "{service}" has none; ingress-nginx answers 503 here',

  'explain.ingress.class.missing':
    'no IngressClass: ingress-nginx only serves Ingresses with ingressClassName {expected} (or a default class)',
  'explain.ingress.class.unknown': 'its IngressClass "{className}" does not exist',
  'explain.ingress.class.otherController': 'IngressClass "{className}" belongs to controller {controller}, not ingress-nginx',
  'explain.ingress.class.annotationOther': 'kubernetes.io/ingress.class is "{value}", not "{expected}"',
  'explain.ingress.class.tooManyDefaults': 'rejected by the API server: {count} IngressClasses are marked default ({names})',
  'explain.ingress.rejected.path': "rejected by ingress-nginx's admission webhook: path {path} cannot be used with pathType {pathType}",
  'explain.ingress.rejected.conflict':
    'rejected by ingress-nginx\'s admission webhook: host "{host}" and path "{path}" already belong to {other}',
  'explain.ingress.upstream.noService':
    'Service {service} does not exist: the upstream {upstream} has no endpoints, so ingress-nginx answers 503',
  'explain.ingress.upstream.noServicePort':
    'Service {service} has no port {port}: the upstream {upstream} is empty, so ingress-nginx answers 503',
  'explain.ingress.upstream.noEndpoints':
    'Service {service} has no ready pods behind port {port}: the upstream {upstream} is empty, so ingress-nginx answers 503',
  'explain.ingress.upstream.noClusterIP': 'Service {service} has no ClusterIP for service-upstream: ingress-nginx answers 503',
  'explain.ingress.result.noLocation': 'no location of server {server} takes this path',
  'explain.ingress.result.slashRedirect':
    'nginx answers 301 to {target}: location {location} ends in "/" and {path} is its name without the slash',
  'explain.ingress.result.sslRedirect': '{host} has a TLS certificate, so http is redirected: {code} to {location}',
  'explain.ingress.result.forceSslRedirect': 'force-ssl-redirect is set: {code} to {location}',
  'explain.ingress.result.noHost':
    'no Ingress rule names host {host}: the catch-all server sends it to the default backend, which answers 404',
  'explain.ingress.result.noPath':
    "no path of host {host} takes {path}: the server's root location sends it to the default backend, which answers 404",
  'explain.ingress.result.proxied':
    'proxied to upstream {upstream}: a new TCP connection from the controller pod to {count|the one pod IP|one of {count} pod IPs} of {service} (no Service IP, so no kube-proxy), URI {uri}',
  'explain.ingress.result.proxiedClusterIP':
    'proxied to upstream {upstream} through the ClusterIP of {service} (service-upstream), so kube-proxy picks the pod; URI {uri}',
  'explain.ingress.rule.won': 'matched: nginx chose location {location}',
  'explain.ingress.rule.slashRedirect': 'matched, with a 301: location {location} is {path} plus "/"',
  'explain.ingress.rule.defaultBackendUsed': "matched: no path took the request, so the Ingress's defaultBackend did (location {location})",
  'explain.ingress.rule.defaultBackendUnused': 'not used: the defaultBackend only serves what no path takes; location {winner} took it',
  'explain.ingress.rule.hostNamed':
    'host mismatch: a rule without host only gets requests whose host no rule names; {request} went to server {server}',
  'explain.ingress.rule.hostMismatch': 'host mismatch: the rule is for {host}, the request for {request}',
  'explain.ingress.rule.hostShadowed': 'host {request} has a server of its own; an exact host wins over the wildcard {host}',
  'explain.ingress.rule.wildcardOneLabel': 'host mismatch: wildcard {host} covers exactly one label, and {request} has more',
  'explain.ingress.rule.duplicate': 'lost: {other} already has this host, path and pathType; the older Ingress keeps the location',
  'explain.ingress.rule.noLocation': 'lost: this path has no location (its backend is not a Service)',
  'explain.ingress.rule.shadowedExact': 'lost: it matches too, but the exact location {winner} wins first',
  'explain.ingress.rule.shadowedLonger': 'lost: it matches too, but the longer location {winner} wins',
  'explain.ingress.rule.regexEarlier': 'lost: this server uses regex locations, and {winner} comes earlier in nginx.conf',
  'explain.ingress.rule.exactMismatch': 'path mismatch: Exact {path} takes only {path}, not {request}',
  'explain.ingress.rule.prefixElement': 'path mismatch: Prefix {path} matches whole path elements ({path} and {path}/…), not {request}',
  'explain.ingress.rule.pathMismatch': 'path mismatch: {request} does not start with {path}',
  'explain.ingress.rule.regexMismatch': 'path mismatch: the regex ^{path} (case-insensitive) does not match {request}',
} as const;

export const ingressZh: Record<keyof typeof ingressEn, string> = {
  'diag.ingress.backendBoth': '{path}：无效的值 ""：不能同时设置 resource 和 service 后端',
  'diag.ingress.backendRequired': '{path}：无效的值 ""：必须设置 resource 或 service 后端',
  'diag.ingress.portBoth': '{path}：无效的值 ""：不能同时设置端口名和端口号',
  'diag.ingress.portRequired': '{path}：必填字段：必须设置端口名或端口号',
  'diag.ingress.hostIsIP': '{path}：无效的值 "{value}"：必须是 DNS 名称，不能是 IP 地址',
  'diag.ingress.wildcardHost':
    "{path}：无效的值 \"{value}\"：通配符 DNS-1123 子域名必须以 '*.' 开头，后接有效的 DNS 子域名（小写字母、数字、'-' 或 '.'，以字母或数字结尾）",
  'diag.ingress.pathNotAbsolute': '{path}：无效的值 "{value}"：必须是绝对路径（pathType {pathType} 的路径以 \'/\' 开头）',
  'diag.ingress.pathSequence': '{path}：无效的值 "{value}"：不能包含 \'{sequence}\'',
  'diag.ingress.pathSuffix': '{path}：无效的值 "{value}"：不能以 \'{suffix}\' 结尾',
  'diag.ingress.pathTypeRequired': '{path}.pathType：必填字段：必须指定 pathType（Exact、Prefix 或 ImplementationSpecific）',
  'diag.ingress.rulesOrDefault': '{path}：无效的值 null：必须指定 `defaultBackend` 或 `rules`',
  'diag.ingress.classAnnotationMismatch':
    'annotations.kubernetes.io/ingress.class：无效的值 "{value}"：同时指定时必须与 `ingressClassName`（"{className}"）一致',
  'diag.ingress.classController': '{path}：无效的值 "{value}"：必须是带域名前缀的路径（如 "k8s.io/ingress-nginx"）',
  'diag.ingress.legacyVersion':
    '版本 "{apiVersion}" 中没有类型 "Ingress"：它已在 Kubernetes v1.22 中移除。可用来替换它的等价 networking.k8s.io/v1 写法：',
  'diag.ingress.legacyVersion.first':
    '版本 "{apiVersion}" 中没有类型 "Ingress"：它已在 Kubernetes v1.22 中移除。它共有 {total} 个 TLS 条目、规则和路径，其中前 {shown} 个的等价 networking.k8s.io/v1 写法是：\n{v1}',
  'diag.ingress.noClass':
    'Ingress {ingress} 没有 ingressClassName，也没有被标记为默认的 IngressClass，因此 ingress-nginx（--watch-ingress-without-class=false）忽略它；请加上 spec.ingressClassName: {expected}',
  'diag.ingress.unknownClass': 'Ingress {ingress}：IngressClass "{className}" 不存在，没有控制器处理它',
  'diag.ingress.otherClass': 'Ingress {ingress} 属于控制器 {controller} 的 IngressClass "{className}"；ingress-nginx 忽略它',
  'diag.ingress.otherClassAnnotation':
    'Ingress {ingress} 的 kubernetes.io/ingress.class 为 "{value}"；ingress-nginx 只接受 "{expected}"，因此忽略它',
  'diag.ingress.tooManyDefaultClasses': 'Ingress {ingress} 被拒绝：找到 {count} 个默认 IngressClass（{names}），只允许 1 个',
  'diag.ingress.badAnnotation':
    'Ingress {ingress}：注解 {name} 的值 "{value}" 不是布尔值（请写 "true" 或 "false"）；ingress-nginx 使用默认值',
  'diag.ingress.admissionPath':
    'admission webhook "validate.nginx.ingress.kubernetes.io" 拒绝了请求：Ingress 含有无效路径：路径 {path} 不能用于 pathType {pathType}（正则表达式需要 pathType ImplementationSpecific 和 nginx.ingress.kubernetes.io/use-regex："true"）',
  'diag.ingress.admissionConflict':
    'admission webhook "validate.nginx.ingress.kubernetes.io" 拒绝了请求：host "{host}" 和 path "{path}" 已在 ingress {other} 中定义',
  'diag.ingress.upstream.noService':
    'Ingress {ingress}：找不到 Service "{service}"；ingress-nginx 在这里返回 503 Service Temporarily Unavailable',
  'diag.ingress.upstream.noServicePort': 'Ingress {ingress}：Service "{service}" 没有端口 {port}；ingress-nginx 在这里返回 503',
  'diag.ingress.upstream.noEndpoints': 'Ingress {ingress}：Service "{service}" 的端口 {port} 没有就绪的端点；ingress-nginx 在这里返回 503',
  'diag.ingress.upstream.noClusterIP':
    'Ingress {ingress}：service-upstream 需要 ClusterIP，而 Service "{service}" 没有；ingress-nginx 在这里返回 503',

  'explain.ingress.class.missing': '没有 IngressClass：ingress-nginx 只处理 ingressClassName 为 {expected}（或有默认类）的 Ingress',
  'explain.ingress.class.unknown': '它的 IngressClass "{className}" 不存在',
  'explain.ingress.class.otherController': 'IngressClass "{className}" 属于控制器 {controller}，不是 ingress-nginx',
  'explain.ingress.class.annotationOther': 'kubernetes.io/ingress.class 是 "{value}"，不是 "{expected}"',
  'explain.ingress.class.tooManyDefaults': '被 API server 拒绝：有 {count} 个 IngressClass 被标记为默认（{names}）',
  'explain.ingress.rejected.path': '被 ingress-nginx 的 admission webhook 拒绝：路径 {path} 不能用于 pathType {pathType}',
  'explain.ingress.rejected.conflict': '被 ingress-nginx 的 admission webhook 拒绝：host "{host}" 和 path "{path}" 已属于 {other}',
  'explain.ingress.upstream.noService': 'Service {service} 不存在：upstream {upstream} 没有端点，ingress-nginx 返回 503',
  'explain.ingress.upstream.noServicePort': 'Service {service} 没有端口 {port}：upstream {upstream} 为空，ingress-nginx 返回 503',
  'explain.ingress.upstream.noEndpoints':
    'Service {service} 的端口 {port} 后面没有就绪的 Pod：upstream {upstream} 为空，ingress-nginx 返回 503',
  'explain.ingress.upstream.noClusterIP': 'Service {service} 没有可供 service-upstream 使用的 ClusterIP：ingress-nginx 返回 503',
  'explain.ingress.result.noLocation': 'server {server} 中没有 location 接收这个路径',
  'explain.ingress.result.slashRedirect': 'nginx 返回 301 到 {target}：location {location} 以 "/" 结尾，而 {path} 正是它去掉斜杠后的名字',
  'explain.ingress.result.sslRedirect': '{host} 配置了 TLS 证书，所以 http 请求被重定向：{code} 到 {location}',
  'explain.ingress.result.forceSslRedirect': '设置了 force-ssl-redirect：{code} 到 {location}',
  'explain.ingress.result.noHost': '没有 Ingress 规则指定 host {host}：兜底 server 把它交给默认后端，返回 404',
  'explain.ingress.result.noPath': 'host {host} 的路径都不接收 {path}：server 的根 location 把它交给默认后端，返回 404',
  'explain.ingress.result.proxied':
    '代理到 upstream {upstream}：控制器 Pod 新建一条 TCP 连接，直连 {service} 的 {count} 个 Pod IP 之一（不经过 Service IP，因此不经过 kube-proxy），URI 为 {uri}',
  'explain.ingress.result.proxiedClusterIP':
    '代理到 upstream {upstream}，经过 {service} 的 ClusterIP（service-upstream），由 kube-proxy 选择 Pod；URI 为 {uri}',
  'explain.ingress.rule.won': '命中：nginx 选择了 location {location}',
  'explain.ingress.rule.slashRedirect': '命中，但返回 301：location {location} 就是 {path} 加上 "/"',
  'explain.ingress.rule.defaultBackendUsed': '命中：没有路径接收该请求，由该 Ingress 的 defaultBackend 处理（location {location}）',
  'explain.ingress.rule.defaultBackendUnused': '未使用：defaultBackend 只处理没有路径接收的请求；location {winner} 接收了它',
  'explain.ingress.rule.hostNamed': 'host 不匹配：没有 host 的规则只接收没有任何规则指定其 host 的请求；{request} 进入了 server {server}',
  'explain.ingress.rule.hostMismatch': 'host 不匹配：规则针对 {host}，请求是 {request}',
  'explain.ingress.rule.hostShadowed': 'host {request} 有自己的 server；精确 host 优先于通配符 {host}',
  'explain.ingress.rule.wildcardOneLabel': 'host 不匹配：通配符 {host} 只覆盖一级标签，而 {request} 多于一级',
  'explain.ingress.rule.duplicate': '落选：{other} 已有相同的 host、path 和 pathType；较早的 Ingress 保留该 location',
  'explain.ingress.rule.noLocation': '落选：这个路径没有 location（它的后端不是 Service）',
  'explain.ingress.rule.shadowedExact': '落选：它也匹配，但精确 location {winner} 优先',
  'explain.ingress.rule.shadowedLonger': '落选：它也匹配，但更长的 location {winner} 优先',
  'explain.ingress.rule.regexEarlier': '落选：该 server 使用正则 location，而 {winner} 在 nginx.conf 中更靠前',
  'explain.ingress.rule.exactMismatch': '路径不匹配：Exact {path} 只接收 {path}，不接收 {request}',
  'explain.ingress.rule.prefixElement': '路径不匹配：Prefix {path} 按完整路径段匹配（{path} 和 {path}/…），不匹配 {request}',
  'explain.ingress.rule.pathMismatch': '路径不匹配：{request} 不以 {path} 开头',
  'explain.ingress.rule.regexMismatch': '路径不匹配：正则 ^{path}（不区分大小写）不匹配 {request}',
};
