// ingress-nginx's canary Ingresses (src/model/ingress/canaryMerge.ts, canaryRoute.ts): the Lua
// balancer's choice between the main upstream and the canary, said in a walk's step and in the
// Ingress tester's table, and the warning for a canary that joins nothing.

const TO_CANARY =
  'the Lua balancer sends it to the canary upstream {upstream}: a new TCP connection from the controller pod to {count|the one pod IP|one of {count} pod IPs} of {service}, URI {uri}';
const TO_MAIN =
  'the request stays on the main upstream {upstream}: a new TCP connection from the controller pod to {count|the one pod IP|one of {count} pod IPs} of {service}, URI {uri}';
const DROPPED = 'ingress-nginx only logs this, and the main Ingress keeps every request';

export const ingressCanaryEn = {
  'explain.ingress.canary.headerAlways': `canary {canary}: header {header} is "always", so ${TO_CANARY}`,
  'explain.ingress.canary.headerValue': `canary {canary}: header {header} is "{value}", the value it waits for, so ${TO_CANARY}`,
  'explain.ingress.canary.headerPattern': `canary {canary}: header {header} matches the pattern {pattern}, so ${TO_CANARY}`,
  'explain.ingress.canary.cookieAlways': `canary {canary}: cookie {cookie} is "always", so ${TO_CANARY}`,
  'explain.ingress.canary.weight': `canary {canary}: this request drew {draw} of {total}, within the canary's weight {weight}, so ${TO_CANARY}`,
  'explain.ingress.canary.headerNever': `canary {canary}: header {header} is "never", so ${TO_MAIN}`,
  'explain.ingress.canary.patternError': `canary {canary}: its pattern {pattern} is not a valid regular expression, so ${TO_MAIN}`,
  'explain.ingress.canary.cookieNever': `canary {canary}: cookie {cookie} is "never", so ${TO_MAIN}`,
  'explain.ingress.canary.weightMissed': `canary {canary}: this request drew {draw} of {total}, above the canary's weight {weight}, so ${TO_MAIN}`,
  'explain.ingress.canary.alone': 'ignored: no Ingress without the canary annotation is served, so this canary has nothing to join',
  'explain.ingress.canary.noHost': 'ignored: no main Ingress serves host {host}, so this canary path joins nothing',
  'explain.ingress.canary.noMain':
    'ignored: no main Ingress serves host {host} with path "{path}" and pathType {pathType} from another Service, so upstream {upstream} is deleted',
  'explain.ingress.canary.sameService':
    "ignored: a main Ingress on host {host} already sends requests to upstream {upstream}, the canary's own Service",
  'explain.ingress.canary.removed':
    'ignored: another path of this canary with the same Service joined nothing, and upstream {upstream} was deleted with it',
  'ui.http.canary': "The Lua balancer sent it to the backend of canary Ingress {canary} instead of the rule's own.",
  'explain.ingress.rule.canaryUnused': 'not asked: this canary joins upstream {primaries}, and the request went elsewhere',
  'explain.ingress.rule.canarySecond': 'not asked: the balancer consults only the first canary of upstream {upstream}, which is {other}',
  'diag.ingress.canary.alone': `canary Ingress {ingress}: no Ingress without the canary annotation is served, so the canary has nothing to join; ${DROPPED}. Apply the main Ingress too.`,
  'diag.ingress.canary.noHost': `canary Ingress {ingress}: no main Ingress serves host {host}; ${DROPPED}. Give the canary the host of its main Ingress.`,
  'diag.ingress.canary.noMain': `canary Ingress {ingress}: no main Ingress serves host {host} with path "{path}" and pathType {pathType} from another Service, so the canary's upstream {upstream} is deleted; ${DROPPED}. Copy the host, path and pathType from the main Ingress.`,
  'diag.ingress.canary.sameService': `canary Ingress {ingress}: a main Ingress on host {host} already uses its Service (upstream {upstream}), so it cannot be a canary of it; ${DROPPED}. Point the canary at the new version's Service.`,
  'diag.ingress.canary.notEnabled':
    'Ingress {ingress}: {name} is set but nginx.ingress.kubernetes.io/canary is not "true", so ingress-nginx drops every canary annotation without a word and serves this Ingress as a main one. Add canary: "true" to make it a canary.',
  'diag.ingress.canary.removed': `canary Ingress {ingress}: another path of this Ingress with the same Service joined nothing, so upstream {upstream} was deleted and this path goes with it; ${DROPPED}. Give every canary path a matching main path.`,
};

const TO_CANARY_ZH =
  'Lua 负载均衡器把它发往金丝雀 upstream {upstream}：从控制器 Pod 新建一条 TCP 连接，直连 {service} 的{count|唯一一个 Pod IP|{count} 个 Pod IP 之一}，URI 为 {uri}';
const TO_MAIN_ZH =
  '请求留在主 upstream {upstream}：从控制器 Pod 新建一条 TCP 连接，直连 {service} 的{count|唯一一个 Pod IP|{count} 个 Pod IP 之一}，URI 为 {uri}';
const DROPPED_ZH = 'ingress-nginx 只在日志里记一笔，所有请求仍归主 Ingress';

export const ingressCanaryZhCN: Record<keyof typeof ingressCanaryEn, string> = {
  'explain.ingress.canary.headerAlways': `金丝雀 {canary}：请求头 {header} 为 "always"，因此${TO_CANARY_ZH}`,
  'explain.ingress.canary.headerValue': `金丝雀 {canary}：请求头 {header} 为它等待的值 "{value}"，因此${TO_CANARY_ZH}`,
  'explain.ingress.canary.headerPattern': `金丝雀 {canary}：请求头 {header} 匹配模式 {pattern}，因此${TO_CANARY_ZH}`,
  'explain.ingress.canary.cookieAlways': `金丝雀 {canary}：Cookie {cookie} 为 "always"，因此${TO_CANARY_ZH}`,
  'explain.ingress.canary.weight': `金丝雀 {canary}：这个请求在 {total} 中抽到 {draw}，不超过金丝雀的权重 {weight}，因此${TO_CANARY_ZH}`,
  'explain.ingress.canary.headerNever': `金丝雀 {canary}：请求头 {header} 为 "never"，因此${TO_MAIN_ZH}`,
  'explain.ingress.canary.patternError': `金丝雀 {canary}：它的模式 {pattern} 不是合法的正则表达式，因此${TO_MAIN_ZH}`,
  'explain.ingress.canary.cookieNever': `金丝雀 {canary}：Cookie {cookie} 为 "never"，因此${TO_MAIN_ZH}`,
  'explain.ingress.canary.weightMissed': `金丝雀 {canary}：这个请求在 {total} 中抽到 {draw}，超过金丝雀的权重 {weight}，因此${TO_MAIN_ZH}`,
  'explain.ingress.canary.alone': '被忽略：没有任何不带 canary 注解的 Ingress 在服务，这个金丝雀无处可并',
  'explain.ingress.canary.noHost': '被忽略：没有主 Ingress 服务主机 {host}，这个金丝雀路径无处可并',
  'explain.ingress.canary.noMain':
    '被忽略：没有主 Ingress 以另一个 Service 服务主机 {host} 的路径 "{path}"（pathType {pathType}），因此 upstream {upstream} 被删除',
  'explain.ingress.canary.sameService': '被忽略：主机 {host} 上的主 Ingress 已经把请求发往 upstream {upstream}，也就是金丝雀自己的 Service',
  'explain.ingress.canary.removed': '被忽略：这个金丝雀另一条使用同一 Service 的路径无处可并，upstream {upstream} 随之被删除',
  'ui.http.canary': 'Lua 负载均衡器没有用这条规则自己的后端，而是把它发往金丝雀 Ingress {canary} 的后端。',
  'explain.ingress.rule.canaryUnused': '未被询问：这个金丝雀并入 upstream {primaries}，而请求去了别处',
  'explain.ingress.rule.canarySecond': '未被询问：负载均衡器只询问 upstream {upstream} 的第一个金丝雀，即 {other}',
  'diag.ingress.canary.alone': `金丝雀 Ingress {ingress}：没有任何不带 canary 注解的 Ingress 在服务，金丝雀无处可并；${DROPPED_ZH}。请同时应用主 Ingress。`,
  'diag.ingress.canary.noHost': `金丝雀 Ingress {ingress}：没有主 Ingress 服务主机 {host}；${DROPPED_ZH}。请让金丝雀使用主 Ingress 的主机。`,
  'diag.ingress.canary.noMain': `金丝雀 Ingress {ingress}：没有主 Ingress 以另一个 Service 服务主机 {host} 的路径 "{path}"（pathType {pathType}），因此金丝雀的 upstream {upstream} 被删除；${DROPPED_ZH}。请照抄主 Ingress 的主机、路径和 pathType。`,
  'diag.ingress.canary.sameService': `金丝雀 Ingress {ingress}：主机 {host} 上的主 Ingress 已经使用它的 Service（upstream {upstream}），它不能做自己的金丝雀；${DROPPED_ZH}。请让金丝雀指向新版本的 Service。`,
  'diag.ingress.canary.notEnabled':
    'Ingress {ingress}：设置了 {name}，但 nginx.ingress.kubernetes.io/canary 不是 "true"，因此 ingress-nginx 不声不响地丢弃所有 canary 注解，把这个 Ingress 当作主 Ingress 服务。要让它成为金丝雀，请加上注解 canary 并设为 "true"。',
  'diag.ingress.canary.removed': `金丝雀 Ingress {ingress}：这个 Ingress 另一条使用同一 Service 的路径无处可并，upstream {upstream} 被删除，这条路径也随之失效；${DROPPED_ZH}。请为每条金丝雀路径准备对应的主路径。`,
};
