// The comparison of kube-proxy's modes: the same packet walked in two of them side by side.

export const modeCompareEn = {
  'ui.modeCompare.open': 'Compare modes',
  'ui.modeCompare.title': 'Compare proxy modes',
  'ui.modeCompare.heading': 'kube-proxy’s modes side by side',
  'ui.modeCompare.intro': 'The same packet, walked twice: once with kube-proxy in each mode. Rows that differ are marked.',
  'ui.modeCompare.pick': 'Mode of column {n}',
  'ui.modeCompare.hooks': 'Hooks the request passes',
  'ui.modeCompare.checks': 'Rules checked to find the Service',
  'ui.modeCompare.scan': '{rules} rules, read one by one down KUBE-SERVICES to the Service’s rule: more Services, more rules',
  'ui.modeCompare.lookup': '{rules} rules, {lookups} of them a verdict-map lookup: one step to the Service, however many there are',
  'ui.modeCompare.ipvs': 'One lookup in the kernel’s IPVS table: virtual server {vs}',
  'ui.modeCompare.dnat': 'Where DNAT happens',
  'ui.modeCompare.dnatRule': '{node}, {hook}: chain {chain}, line {line}',
  'ui.modeCompare.dnatIpvs': '{node}, IPVS after INPUT: line {line} of ipvsadm -Ln',
  'ui.modeCompare.endpoint': 'Endpoint chosen',
  'ui.modeCompare.show': 'Show the {mode} walk',
};

export const modeCompareZhCN: Record<keyof typeof modeCompareEn, string> = {
  'ui.modeCompare.open': '比较模式',
  'ui.modeCompare.title': '比较代理模式',
  'ui.modeCompare.heading': 'kube-proxy 各模式并排比较',
  'ui.modeCompare.intro': '同一个数据包走两遍：kube-proxy 每种模式各一遍。不同的行已标出。',
  'ui.modeCompare.pick': '第 {n} 列的模式',
  'ui.modeCompare.hooks': '请求经过的钩子',
  'ui.modeCompare.checks': '找到 Service 前检查的规则',
  'ui.modeCompare.scan': '{rules} 条规则，沿 KUBE-SERVICES 逐条读到该 Service 的规则：Service 越多，规则越多',
  'ui.modeCompare.lookup': '{rules} 条规则，其中 {lookups} 次判决映射查找：一步找到 Service，不论 Service 有多少',
  'ui.modeCompare.ipvs': '在内核的 IPVS 表中查找一次：虚拟服务器 {vs}',
  'ui.modeCompare.dnat': 'DNAT 发生在哪里',
  'ui.modeCompare.dnatRule': '{node}，{hook}：链 {chain}，第 {line} 行',
  'ui.modeCompare.dnatIpvs': '{node}，INPUT 之后的 IPVS：ipvsadm -Ln 的第 {line} 行',
  'ui.modeCompare.endpoint': '选中的端点',
  'ui.modeCompare.show': '显示 {mode} 模式的走向',
};
