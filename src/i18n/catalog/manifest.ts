// Messages for the manifest parser's diagnostics (src/model/manifest). Wording follows
// kubectl / the API server where they have one, so a learner can search for it.

export const manifestEn = {
  'diag.input.empty': 'no manifests: the text is empty',
  'diag.internal': 'PacketWalk could not read this file (a bug in PacketWalk, not in your text): {reason}. The other files are still read.',
  'diag.internal.object':
    'PacketWalk could not read this object (a bug in PacketWalk, not in your text): {reason}. It is skipped; the rest of the file is read.',
  'diag.yaml.syntax': 'YAML syntax error: {reason}',
  'diag.yaml.duplicateKey': 'duplicate key "{key}": the later value wins',
  'diag.yaml.missingSeparator':
    'missing `---`? A second "{key}" in one object: two objects seem pasted one after the other without the `---` line that separates them. Both are read here as separate objects; a `---` line where the second one begins says so in the file too',
  'diag.yaml.lineBreaksLost':
    '"{key}:" follows a value on the same line: the line breaks and indentation were probably lost when this was copied from a web page or a chat, so YAML cannot tell the fields apart. Copy it again from a source that keeps them (the page\'s code block, "view raw", the original file), or put each field on its own line, indented as before',
  'diag.yaml.complexKey': 'a mapping key must be a plain string; this entry is ignored',
  'diag.yaml.recursiveAlias': 'anchor "{anchor}" value contains itself; this alias is read as empty',
  'diag.yaml.aliasLimit':
    'document contains excessive aliasing: the uses of anchor "{anchor}" would copy more than {limit} nodes in this file; the document is not read',
  'diag.yaml.depthLimit': 'nested more than {limit} levels deep; this document is not read',
  'diag.yaml.sizeLimit':
    'this file is {length} characters long; PacketWalk reads files of at most {limit} characters, so none of it is read',
  'diag.yaml.documentLimit': 'more than {limit} documents in one file; this one and the ones after it are not read',
  'diag.object.notMapping': 'a Kubernetes object must be a mapping with apiVersion and kind, not {actual}',
  'diag.object.noKind': 'kind not set',
  'diag.object.noApiVersion': 'apiVersion not set',
  'diag.kind.unknown': 'kind {kind} ({apiVersion}) is not modelled by PacketWalk; skipped',
  'diag.kind.version': 'no matches for kind "{kind}" in version "{apiVersion}"; use apiVersion: {expected}',
  'diag.field.unknown': 'unknown field "{path}"',
  'diag.field.type': '{path}: expected {expected}, got {actual}',
  'diag.field.unquoted':
    '{path}: expected string, got {actual}: YAML reads an unquoted {value} as a {actual}, and annotations and labels must be strings. Quote it: "{value}"',
  'diag.field.required': '{path}: Required value',
  'diag.field.enum': '{path}: Unsupported value: "{value}": supported values: {allowed}',
  'diag.field.range': '{path}: Invalid value: {value}: must be between {min} and {max}, inclusive',
  'diag.field.duplicate': '{path}: Duplicate value: "{value}"',
  'diag.field.dns1123Label':
    '{path}: Invalid value: "{value}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', start and end with an alphanumeric character, and be at most 63 characters',
  'diag.field.dns1123Subdomain':
    "{path}: Invalid value: \"{value}\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
  'diag.field.dns1035Label':
    '{path}: Invalid value: "{value}": a DNS-1035 label must consist of lower case alphanumeric characters or \'-\', start with a letter, and end with an alphanumeric character',
  'diag.field.portName':
    "{path}: Invalid value: \"{value}\": a port name must be at most 15 lower case letters, digits or '-', contain at least one letter, and not start or end with '-'",
  'diag.field.labelKey':
    "{path}: Invalid value: \"{value}\": not a valid label key (an optional DNS prefix and '/', then at most 63 alphanumeric characters, '-', '_' or '.')",
  'diag.field.labelValue':
    "{path}: Invalid value: \"{value}\": a label value must be at most 63 alphanumeric characters, '-', '_' or '.', starting and ending with an alphanumeric character",
  'diag.field.ip': '{path}: Invalid value: "{value}": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
  'diag.field.cidr': '{path}: Invalid value: "{value}": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
  'diag.field.address': '{path}: Invalid value: "{value}": not a valid address for addressType {addressType}',
  'diag.field.addressFamily': '{path}: Invalid value: "{value}": must be an {addressType} address',
  'diag.selector.empty': '{path}: Invalid value: empty selector is invalid for this workload',
  'diag.selector.mismatch': '{path}: Invalid value: `selector` does not match template `labels`',
  'diag.selector.valuesForbidden': '{path}: Forbidden: may not be specified when `operator` is "{operator}"',
  'diag.service.nodePortForbidden': '{path}: Forbidden: may not be used when `type` is "{type}"',
  'diag.service.clusterIPsMismatch': '{path}: Invalid value: "{value}": must be equal to spec.clusterIP ("{clusterIP}")',
} as const;

export const manifestZh: Record<keyof typeof manifestEn, string> = {
  'diag.input.empty': '没有清单：文本为空',
  'diag.internal': 'PacketWalk 无法读取此文件（这是 PacketWalk 的缺陷，不是你的文本有误）：{reason}。其他文件照常读取。',
  'diag.internal.object':
    'PacketWalk 无法读取此对象（这是 PacketWalk 的缺陷，不是你的文本有误）：{reason}。此对象被跳过，文件的其余部分照常读取。',
  'diag.yaml.syntax': 'YAML 语法错误：{reason}',
  'diag.yaml.duplicateKey': '重复的键 "{key}"：以后出现的值为准',
  'diag.yaml.missingSeparator':
    '缺少 `---`？同一个对象里出现了第二个 "{key}"：看起来是两个对象前后粘贴在一起，中间少了分隔它们的 `---` 行。这里已把它们当作两个对象分别读取；在第二个对象开始处加一行 `---`，文件本身也就写明了这一点',
  'diag.yaml.lineBreaksLost':
    '"{key}:" 与前面的值在同一行：从网页或聊天中复制时，换行和缩进很可能丢失了，YAML 因此无法区分各个字段。请从保留换行的来源重新复制（页面的代码块、“查看原始文件”、原始文件），或把每个字段放回单独的一行，并按原样缩进',
  'diag.yaml.complexKey': '映射的键必须是普通字符串；此条目被忽略',
  'diag.yaml.recursiveAlias': '锚点 "{anchor}" 的值包含它自身；此别名按空值读取',
  'diag.yaml.aliasLimit': '文档中的别名过多：锚点 "{anchor}" 的引用会在此文件中复制超过 {limit} 个节点；此文档未被读取',
  'diag.yaml.depthLimit': '嵌套超过 {limit} 层；此文档未被读取',
  'diag.yaml.sizeLimit': '此文件长 {length} 个字符；PacketWalk 只读取不超过 {limit} 个字符的文件，因此整个文件都未被读取',
  'diag.yaml.documentLimit': '一个文件中的文档超过 {limit} 个；此文档及其后的文档未被读取',
  'diag.object.notMapping': 'Kubernetes 对象必须是包含 apiVersion 和 kind 的映射，而不是 {actual}',
  'diag.object.noKind': '未设置 kind',
  'diag.object.noApiVersion': '未设置 apiVersion',
  'diag.kind.unknown': 'PacketWalk 不模拟 {kind}（{apiVersion}）类型；已跳过',
  'diag.kind.version': '版本 "{apiVersion}" 中没有类型 "{kind}"；请使用 apiVersion: {expected}',
  'diag.field.unknown': '未知字段 "{path}"',
  'diag.field.type': '{path}：应为 {expected}，实际为 {actual}',
  'diag.field.unquoted':
    '{path}：应为字符串，实际为 {actual}：YAML 把不带引号的 {value} 读成 {actual}，而注解和标签必须是字符串。请加引号："{value}"',
  'diag.field.required': '{path}：必填字段',
  'diag.field.enum': '{path}：不支持的值 "{value}"：可用的值为 {allowed}',
  'diag.field.range': '{path}：无效的值 {value}：必须在 {min} 到 {max} 之间（含）',
  'diag.field.duplicate': '{path}：重复的值 "{value}"',
  'diag.field.dns1123Label':
    '{path}：无效的值 "{value}"：RFC 1123 标签只能包含小写字母、数字或 \'-\'，必须以字母或数字开头和结尾，且不超过 63 个字符',
  'diag.field.dns1123Subdomain':
    "{path}：无效的值 \"{value}\"：RFC 1123 子域名只能包含小写字母、数字、'-' 或 '.'，且必须以字母或数字开头和结尾",
  'diag.field.dns1035Label': '{path}：无效的值 "{value}"：DNS-1035 标签只能包含小写字母、数字或 \'-\'，必须以字母开头、以字母或数字结尾',
  'diag.field.portName': "{path}：无效的值 \"{value}\"：端口名最多 15 个小写字母、数字或 '-'，至少包含一个字母，且不能以 '-' 开头或结尾",
  'diag.field.labelKey':
    "{path}：无效的值 \"{value}\"：不是合法的标签键（可选的 DNS 前缀加 '/'，然后是最多 63 个字母、数字、'-'、'_' 或 '.'）",
  'diag.field.labelValue': "{path}：无效的值 \"{value}\"：标签值最多 63 个字母、数字、'-'、'_' 或 '.'，且以字母或数字开头和结尾",
  'diag.field.ip': '{path}：无效的值 "{value}"：必须是合法的 IP 地址（例如 10.9.8.7 或 2001:db8::ffff）',
  'diag.field.cidr': '{path}：无效的值 "{value}"：必须是合法的 CIDR（例如 10.9.8.0/24 或 2001:db8::/64）',
  'diag.field.address': '{path}：无效的值 "{value}"：不是 addressType {addressType} 的合法地址',
  'diag.field.addressFamily': '{path}：无效的值 "{value}"：必须是 {addressType} 地址',
  'diag.selector.empty': '{path}：无效的值：此工作负载的 selector 不能为空',
  'diag.selector.mismatch': '{path}：无效的值：`selector` 与模板的 `labels` 不匹配',
  'diag.selector.valuesForbidden': '{path}：禁止：`operator` 为 "{operator}" 时不能设置',
  'diag.service.nodePortForbidden': '{path}：禁止：`type` 为 "{type}" 时不能使用',
  'diag.service.clusterIPsMismatch': '{path}：无效的值 "{value}"：必须等于 spec.clusterIP（"{clusterIP}"）',
};
