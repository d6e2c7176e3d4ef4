// A text's opening packet: the "# packetwalk:" line that declares it (src/model/trace/declaredWalk),
// the default packet when there is none (openingPacket), and the gallery's About / Try this panel.

export const scenarioEn = {
  'diag.walk.flag.unknown':
    '"{flag}" is not a flag of the packetwalk line. It takes --from, --to, --protocol, --method, --header, --seed, --endpoint, --down, --not-ready and --proxy-mode.',
  'diag.walk.flag.stray': '"{flag}" follows no flag, so the packetwalk line ignores it. Write it after --from, --to or another flag.',
  'diag.walk.flag.missing': '{flag} needs a value after it, e.g. --from pod/default/client or --to my-service:80.',
  'diag.walk.value.from':
    '"{value}" is not a source: --from takes pod/NAMESPACE/NAME, node/NAME, client or client/IP. The packet starts where it would by default.',
  'diag.walk.value.to':
    '"{value}" is not a destination: --to takes IP:PORT, NAME:PORT or an http(s):// URL. The packet goes where it would by default.',
  'diag.walk.value.protocol': '"{value}" is not a protocol: --protocol takes tcp, udp or sctp. The packet uses tcp.',
  'diag.walk.value.seed': '"{value}" is not a seed: --seed takes a whole number.',
  'diag.walk.value.endpoint': '"{value}" is not an endpoint: --endpoint takes IP:PORT.',
  'diag.walk.value.not-ready': '"{value}" is not a pod: --not-ready takes NAMESPACE/NAME.',
  'diag.walk.value.proxy-mode': '"{value}" is not a proxy mode: --proxy-mode takes iptables or ipvs.',
  'diag.walk.duplicate': 'A second packetwalk line: only the first one, in {file}, is followed.',

  'ui.about.heading': 'About this scenario',
  'ui.about.tries': 'Try this',
  'ui.about.opening': 'Back to the opening walk',
  'ui.about.mine': 'Your packet',
  'ui.about.clientPod': 'The packet goes from your pod {pod} to your first Service, {service}.',
  'ui.about.ownBackend':
    'Every pod of yours is behind {service}, so the packet starts on one of them, {pod}, and may come back to itself. Add a client Pod to send from outside the Service.',
  'ui.about.lan': 'None of your pods is outside {service}, and it is open to the LAN, so the packet comes from a laptop on the LAN.',
  'ui.about.node': 'You have no pod to send from, so the packet starts on the node {node} itself.',
  'ui.about.builtinService':
    'You have no Service with a port to send to, so the packet goes to {service}, which every cluster has: the API server.',
  'ui.about.declare': 'To open on another packet, put a line like this at the top of your manifests:',
} as const;

export const scenarioZh: Record<keyof typeof scenarioEn, string> = {
  'diag.walk.flag.unknown':
    '“{flag}”不是 packetwalk 行的参数。可用的参数有 --from、--to、--protocol、--method、--header、--seed、--endpoint、--down、--not-ready 和 --proxy-mode。',
  'diag.walk.flag.stray': '“{flag}”前面没有参数，packetwalk 行会忽略它。请把它写在 --from、--to 或其他参数之后。',
  'diag.walk.flag.missing': '{flag} 后面需要一个值，例如 --from pod/default/client 或 --to my-service:80。',
  'diag.walk.value.from':
    '“{value}”不是有效的起点：--from 接受 pod/NAMESPACE/NAME、node/NAME、client 或 client/IP。数据包将从默认的起点出发。',
  'diag.walk.value.to': '“{value}”不是有效的目的地：--to 接受 IP:PORT、NAME:PORT 或 http(s):// 网址。数据包将发往默认的目的地。',
  'diag.walk.value.protocol': '“{value}”不是有效的协议：--protocol 接受 tcp、udp 或 sctp。数据包将使用 tcp。',
  'diag.walk.value.seed': '“{value}”不是有效的种子：--seed 接受一个整数。',
  'diag.walk.value.endpoint': '“{value}”不是有效的端点：--endpoint 接受 IP:PORT。',
  'diag.walk.value.not-ready': '“{value}”不是有效的 Pod：--not-ready 接受 NAMESPACE/NAME。',
  'diag.walk.value.proxy-mode': '“{value}”不是有效的代理模式：--proxy-mode 接受 iptables 或 ipvs。',
  'diag.walk.duplicate': '出现了第二行 packetwalk：只采用第一行，它在 {file} 中。',

  'ui.about.heading': '关于这个场景',
  'ui.about.tries': '试一试',
  'ui.about.opening': '回到开场的路径',
  'ui.about.mine': '你的数据包',
  'ui.about.clientPod': '数据包从你的 Pod {pod} 发往你的第一个服务 {service}。',
  'ui.about.ownBackend':
    '你的每个 Pod 都在 {service} 之后，所以数据包从其中一个 Pod {pod} 出发，可能回到它自己。添加一个 client Pod，就能从服务之外发送。',
  'ui.about.lan': '你的 Pod 都在 {service} 之后，而它对局域网开放，所以数据包来自局域网上的一台笔记本。',
  'ui.about.node': '你没有可以发送的 Pod，所以数据包从节点 {node} 自身出发。',
  'ui.about.builtinService': '你没有带端口的服务可以发送，所以数据包发往每个集群都有的 {service}：API 服务器。',
  'ui.about.declare': '如果想打开时显示别的数据包，在清单顶部写一行这样的注释：',
};
