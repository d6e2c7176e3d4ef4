// Messages for the Gateway API objects and Secrets as the API server refuses them (the CRDs'
// patterns and CEL rules of Gateway API v1.4.0, src/model/manifest/kinds/gateway*.ts). The API
// server's wording is kept so that a learner can search for it; a CEL rule is reported on the
// object it is written on, as `Invalid value: "object"`.

export const gatewayApiEn = {
  'diag.gatewayApi.pattern': '{path}: Invalid value: "{value}": {path} in body should match \'{pattern}\'',
  'diag.gatewayApi.tooLong': '{path}: Too long: may not be more than {max} bytes',
  'diag.gatewayApi.tooMany': '{path}: Too many: {count}: must have at most {max} items',
  'diag.gatewayApi.tooShort': '{path}: Invalid value: "": {path} in body should be at least {min} chars long',
  'diag.gatewayApi.listenerName':
    '{path}: Invalid value: "{value}": Listener name must be unique within the Gateway (give each listener its own name)',
  'diag.gatewayApi.listenerCombination':
    '{path}: Invalid value: "object": Combination of port, protocol and hostname must be unique for each listener (listener {other} has the same)',
  'diag.gatewayApi.tlsForbidden': "{path}: Invalid value: \"object\": tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']",
  'diag.gatewayApi.tlsModeHttps': '{path}: Invalid value: "object": tls mode must be Terminate for protocol HTTPS',
  'diag.gatewayApi.hostnameForbidden': "{path}: Invalid value: \"object\": hostname must not be specified for protocols ['TCP', 'UDP']",
  'diag.gatewayApi.certificateRefsRequired':
    '{path}: Invalid value: "object": certificateRefs or options must be specified when mode is Terminate (name the Secret with the certificate)',
  'diag.gatewayApi.addressUnique': '{path}: Invalid value: "array": {type} values must be unique',
  'diag.gatewayApi.addressHostname':
    '{path}: Invalid value: "object": Hostname value must be empty or contain only valid characters (matching ^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$)',
  'diag.gatewayApi.sectionNameRequired':
    '{path}: Invalid value: "array": sectionName must be specified when parentRefs includes 2 or more references to the same parent',
  'diag.gatewayApi.sectionNameUnique':
    '{path}: Invalid value: "array": sectionName must be unique when parentRefs includes 2 or more references to the same parent',
  'diag.gatewayApi.totalMatches':
    '{path}: Invalid value: "array": While 16 rules and 64 matches per rule are allowed, the total number of matches across all rules in a route must be less than 128 (this route has {count})',
  'diag.gatewayApi.redirectWithBackends':
    '{path}: Invalid value: "object": RequestRedirect filter must not be used together with backendRefs (a redirect answers the client itself)',
  'diag.gatewayApi.replacePrefixMatch':
    '{path}: Invalid value: "object": When using {filter} filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified',
  'diag.gatewayApi.backendReplacePrefixMatch':
    '{path}: Invalid value: "object": Within backendRefs, when using {filter} filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified',
  'diag.gatewayApi.servicePort': '{path}: Invalid value: "object": Must have port for Service reference',
  'diag.gatewayApi.redirectAndRewrite':
    '{path}: Invalid value: "array": May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both',
  'diag.gatewayApi.filterRepeated': '{path}: Invalid value: "array": {type} filter cannot be repeated',
  'diag.gatewayApi.filterFieldForbidden': '{path}: Invalid value: "object": filter.{field} must be nil if the filter.type is not {type}',
  'diag.gatewayApi.filterFieldRequired': '{path}: Invalid value: "object": filter.{field} must be specified for {type} filter.type',
  'diag.gatewayApi.pathModifierField': '{path}: Invalid value: "object": {field} must be specified when type is set to \'{type}\'',
  'diag.gatewayApi.pathModifierType': '{path}: Invalid value: "object": type must be \'{type}\' when {field} is set',
  'diag.gatewayApi.pathAbsolute':
    "{path}: Invalid value: \"object\": value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']",
  'diag.gatewayApi.pathContains':
    "{path}: Invalid value: \"object\": must not contain '{sequence}' when type one of ['Exact', 'PathPrefix']",
  'diag.gatewayApi.pathEndsWith':
    "{path}: Invalid value: \"object\": must not end with '{suffix}' when type one of ['Exact', 'PathPrefix']",
  'diag.gatewayApi.pathChars':
    "{path}: Invalid value: \"object\": must only contain valid characters (matching ^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$) for types ['Exact', 'PathPrefix']",
  'diag.gatewayApi.mirrorPercentFraction':
    '{path}: Invalid value: "object": Only one of percent or fraction may be specified in HTTPRequestMirrorFilter',
  'diag.gatewayApi.fractionNumerator': '{path}: Invalid value: "object": numerator must be less than or equal to denominator',
  'diag.secret.key':
    "{path}: Invalid value: \"{value}\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name', or 'KEY_NAME', or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
  'diag.secret.base64': '{path}: illegal base64 data: values under `data` are base64-encoded (put plain text under `stringData`)',
};

export const gatewayApiZh: Record<keyof typeof gatewayApiEn, string> = {
  'diag.gatewayApi.pattern': '{path}：无效的值 "{value}"：{path} 必须匹配 \'{pattern}\'',
  'diag.gatewayApi.tooLong': '{path}：过长：不能超过 {max} 字节',
  'diag.gatewayApi.tooMany': '{path}：过多：{count} 项，最多 {max} 项',
  'diag.gatewayApi.tooShort': '{path}：无效的值 ""：{path} 至少要有 {min} 个字符',
  'diag.gatewayApi.listenerName': '{path}：无效的值 "{value}"：Gateway 内的监听器名称必须唯一（请给每个监听器起不同的名字）',
  'diag.gatewayApi.listenerCombination': '{path}：无效的值 "object"：每个监听器的端口、协议和主机名组合必须唯一（监听器 {other} 与它相同）',
  'diag.gatewayApi.tlsForbidden': "{path}：无效的值 \"object\"：协议 ['HTTP', 'TCP', 'UDP'] 不能设置 tls",
  'diag.gatewayApi.tlsModeHttps': '{path}：无效的值 "object"：协议 HTTPS 的 tls mode 必须是 Terminate',
  'diag.gatewayApi.hostnameForbidden': "{path}：无效的值 \"object\"：协议 ['TCP', 'UDP'] 不能设置 hostname",
  'diag.gatewayApi.certificateRefsRequired':
    '{path}：无效的值 "object"：mode 为 Terminate 时必须指定 certificateRefs 或 options（请写上存放证书的 Secret）',
  'diag.gatewayApi.addressUnique': '{path}：无效的值 "array"：{type} 类型的地址值必须唯一',
  'diag.gatewayApi.addressHostname':
    '{path}：无效的值 "object"：Hostname 的值必须为空或只含有效字符（匹配 `^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`）',
  'diag.gatewayApi.sectionNameRequired': '{path}：无效的值 "array"：parentRefs 中有 2 个或更多引用指向同一父对象时，必须指定 sectionName',
  'diag.gatewayApi.sectionNameUnique': '{path}：无效的值 "array"：parentRefs 中有 2 个或更多引用指向同一父对象时，sectionName 必须各不相同',
  'diag.gatewayApi.totalMatches':
    '{path}：无效的值 "array"：虽然允许 16 条规则、每条规则 64 个匹配，但一个路由所有规则的匹配总数必须少于 128（此路由有 {count} 个）',
  'diag.gatewayApi.redirectWithBackends':
    '{path}：无效的值 "object"：RequestRedirect 过滤器不能与 backendRefs 一起使用（重定向由网关直接回答客户端）',
  'diag.gatewayApi.replacePrefixMatch':
    '{path}：无效的值 "object"：{filter} 过滤器使用 path.replacePrefixMatch 时，必须恰好指定一个 PathPrefix 匹配',
  'diag.gatewayApi.backendReplacePrefixMatch':
    '{path}：无效的值 "object"：backendRefs 中的 {filter} 过滤器使用 path.replacePrefixMatch 时，必须恰好指定一个 PathPrefix 匹配',
  'diag.gatewayApi.servicePort': '{path}：无效的值 "object"：引用 Service 时必须指定 port',
  'diag.gatewayApi.redirectAndRewrite': '{path}：无效的值 "array"：RequestRedirect 与 URLRewrite 过滤器只能指定其一，不能同时使用',
  'diag.gatewayApi.filterRepeated': '{path}：无效的值 "array"：{type} 过滤器不能重复',
  'diag.gatewayApi.filterFieldForbidden': '{path}：无效的值 "object"：filter.type 不是 {type} 时，filter.{field} 必须为空',
  'diag.gatewayApi.filterFieldRequired': '{path}：无效的值 "object"：filter.type 为 {type} 时必须指定 filter.{field}',
  'diag.gatewayApi.pathModifierField': '{path}：无效的值 "object"：type 为 \'{type}\' 时必须指定 {field}',
  'diag.gatewayApi.pathModifierType': '{path}：无效的值 "object"：设置了 {field} 时，type 必须为 \'{type}\'',
  'diag.gatewayApi.pathAbsolute': "{path}：无效的值 \"object\"：type 为 ['Exact', 'PathPrefix'] 之一时，value 必须是以 '/' 开头的绝对路径",
  'diag.gatewayApi.pathContains': "{path}：无效的值 \"object\"：type 为 ['Exact', 'PathPrefix'] 之一时，不能包含 '{sequence}'",
  'diag.gatewayApi.pathEndsWith': "{path}：无效的值 \"object\"：type 为 ['Exact', 'PathPrefix'] 之一时，不能以 '{suffix}' 结尾",
  'diag.gatewayApi.pathChars':
    "{path}：无效的值 \"object\"：type 为 ['Exact', 'PathPrefix'] 时只能包含有效字符（匹配 `^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$`）",
  'diag.gatewayApi.mirrorPercentFraction': '{path}：无效的值 "object"：HTTPRequestMirrorFilter 中 percent 和 fraction 只能指定其一',
  'diag.gatewayApi.fractionNumerator': '{path}：无效的值 "object"：numerator 必须小于或等于 denominator',
  'diag.secret.key':
    "{path}：无效的值 \"{value}\"：有效的配置键只能由字母、数字、'-'、'_' 或 '.' 组成（例如 'key.name'、'KEY_NAME' 或 'key-name'，校验用的正则表达式为 '[-._a-zA-Z0-9]+'）",
  'diag.secret.base64': '{path}：非法的 base64 数据：`data` 下的值须经 base64 编码（明文请写在 `stringData` 下）',
};
