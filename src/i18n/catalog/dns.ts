// What the DNS model says (src/model/dns): CoreDNS's answers, a pod's resolv.conf, the resolver's search walk.

export const dnsEn = {
  // CoreDNS, the kubernetes plugin: names that exist
  'explain.dns.answer.clusterIP':
    "CoreDNS answers {qname} with {ip}, the ClusterIP of Service {namespace}/{service}. The address is virtual: kube-proxy's rules turn it into a pod address when a packet is sent to it.",
  'explain.dns.answer.headless':
    'Service {namespace}/{service} is headless (clusterIP: None), so there is no virtual address: CoreDNS answers with the address of each ready endpoint, {count} in all: {ips}. Not-ready endpoints left out: {notReady}. The client picks one itself; kube-proxy is not involved.',
  'explain.dns.answer.endpoint':
    '{qname} names one endpoint of Service {namespace}/{service}: "{endpoint}" (a StatefulSet pod\'s hostname under its governing Service, or the address with dashes). CoreDNS answers {ip}.',
  'explain.dns.answer.externalName':
    'Service {namespace}/{service} is an ExternalName: CoreDNS answers with a CNAME to {target} and looks that name up too, giving {ips}. No ClusterIP, no endpoints, no kube-proxy rules: the client connects straight to that address.',
  'explain.dns.answer.externalNameUnknown':
    'Service {namespace}/{service} is an ExternalName: CoreDNS answers with a CNAME to {target}. That name is outside the cluster; CoreDNS asks {upstream} for it, and what comes back is not part of this model. No kube-proxy rules exist for this Service.',
  'explain.dns.answer.externalNameNoAddress':
    'Service {namespace}/{service} is an ExternalName: CoreDNS answers with a CNAME to {target}, but {target} has no address, so the answer holds the CNAME alone.',
  'explain.dns.answer.cname': '{qname} is an alias: CNAME {target}.',
  'explain.dns.answer.pod':
    'kubeadm\'s Corefile says "pods insecure": CoreDNS turns {qname} back into the address {ip} without checking that any pod in {namespace} has it.',
  'explain.dns.answer.srv':
    "CoreDNS answers {count} SRV {count|record|records} for {qname}: {targets}. A ClusterIP Service's record points at the Service name; a headless one's at each endpoint's own name. The additional section carries their addresses.",
  'explain.dns.answer.ptrService': '{ip} is the ClusterIP of Service {namespace}/{service}; the PTR record names the Service.',
  'explain.dns.answer.ptrEndpoint':
    "{ip} is the address of {count} ready {count|endpoint|endpoints}; each PTR record is the endpoint's name (its hostname, or the address with dashes) under its Service.",
  'explain.dns.answer.nameserver': "{qname} is the cluster zone's nameserver: the kube-dns Service, {ip}.",
  'explain.dns.answer.nodata': '{qname} exists, but has no {qtype} record: CoreDNS answers NOERROR with an empty answer section (NODATA).',
  'explain.dns.nodata.partial': "{qname} is part of the cluster zone's layout but names no Service or pod: NOERROR, no records (NODATA).",
  // CoreDNS, the kubernetes plugin: names that do not exist
  'explain.dns.nxdomain.noService': 'There is no Service "{service}" in namespace "{namespace}", so CoreDNS answers NXDOMAIN for {qname}.',
  'explain.dns.nxdomain.noNamespace': 'There is no namespace "{namespace}", so CoreDNS answers NXDOMAIN for {qname}.',
  'explain.dns.nxdomain.schema':
    'In {zone} only names under "svc" (Services) and "pod" (pods) exist; "{label}" is neither, so CoreDNS answers NXDOMAIN for {qname}.',
  'explain.dns.nxdomain.tooLong': '{qname} has more labels than any Kubernetes name: CoreDNS answers NXDOMAIN.',
  'explain.dns.nxdomain.podName':
    '"{label}" is not an address written with dashes (like 10-244-1-5), so CoreDNS answers NXDOMAIN for {qname}.',
  'explain.dns.nxdomain.noEndpoint':
    'Service {namespace}/{service} has no ready endpoint named "{endpoint}", so CoreDNS answers NXDOMAIN for {qname}.',
  'explain.dns.nxdomain.noPort':
    'Service {namespace}/{service} has no port named "{port}" with protocol "{protocol}" (only named ports get SRV names), so CoreDNS answers NXDOMAIN for {qname}.',
  'explain.dns.nxdomain.headlessEmpty':
    'Service {namespace}/{service} is headless and has no ready endpoint (not ready: {notReady}), so the name has no address at all: CoreDNS answers NXDOMAIN for {qname}.',
  'explain.dns.nxdomain.externalNameEndpoint':
    'Service {namespace}/{service} is an ExternalName and has no endpoints, so "{endpoint}" under it does not exist: NXDOMAIN.',
  'explain.dns.nxdomain.externalNameAddress':
    'Service {namespace}/{service} is an ExternalName whose externalName "{target}" is an address, not a name; CoreDNS cannot make a CNAME of it and answers NXDOMAIN.',
  // Outside the cluster zone
  'explain.dns.forward.answer':
    '{qname}: server block {block} of the Corefile hands it to "forward {from}" (Corefile line {line}), which asks {upstream}; the answer is {ips}.',
  'explain.dns.forward.nxdomain':
    '{qname}: server block {block} of the Corefile hands it to "forward {from}" (Corefile line {line}), which asks {upstream}; the answer is NXDOMAIN.',
  'explain.dns.forward.noTld':
    '{qname}: server block {block} of the Corefile hands it to "forward {from}" (Corefile line {line}), which asks {upstream}. A single label is a top-level domain, and there is no such one: NXDOMAIN.',
  'explain.dns.forward.unknown':
    '{qname}: server block {block} of the Corefile hands it to "forward {from}" (Corefile line {line}), which asks {upstream}. Answered by the upstream resolver; not modelled.',
  'explain.dns.direct.answer': 'The pod asks {upstream} directly (not the cluster DNS), which answers {ips} for {qname}.',
  'explain.dns.direct.nxdomain': 'The pod asks {upstream} directly (not the cluster DNS), which answers NXDOMAIN for {qname}.',
  'explain.dns.direct.noTld':
    'The pod asks {upstream} directly. {qname} is a single label, a top-level domain that does not exist: NXDOMAIN.',
  'explain.dns.direct.unknown':
    'The pod asks {upstream} directly (not the cluster DNS) for {qname}. Answered by the upstream resolver; not modelled.',
  'explain.dns.direct.clusterName':
    'The pod asks {upstream} directly, a resolver outside the cluster that knows nothing of {zone}: {qname} gets NXDOMAIN. Only CoreDNS serves cluster names.',
  // The pod's resolv.conf
  'explain.dns.resolvConf.clusterFirst':
    'dnsPolicy {policy}: kubelet writes the cluster DNS ({nameserver}) as the only nameserver, the search list "{search}" (the pod\'s namespace first) and ndots:{ndots}.',
  'explain.dns.resolvConf.clusterFirstWithHostNet':
    'dnsPolicy {policy}: the pod shares the node\'s network, yet still asks the cluster DNS ({nameserver}), with the search list "{search}" and ndots:{ndots}.',
  'explain.dns.resolvConf.hostNetwork':
    "The pod uses the node's network with dnsPolicy {policy}, so kubelet gives it the node's own resolv.conf. PacketWalk's nodes have one nameserver, the LAN's router {nameserver}, and no search domain: cluster names do not resolve. dnsPolicy ClusterFirstWithHostNet would change that.",
  'explain.dns.resolvConf.default':
    "dnsPolicy Default: the pod gets the node's own resolv.conf, not the cluster DNS. PacketWalk's nodes have one nameserver, the LAN's router {nameserver}, and no search domain. CoreDNS itself runs this way, so it can forward what is not the cluster's.",
  'explain.dns.resolvConf.none':
    'dnsPolicy None: the file holds only what the pod\'s dnsConfig says (nameserver {nameserver}, search "{search}").',
  'explain.dns.resolvConf.nameserverLimit':
    'More than 3 nameservers: kubelet keeps the first three ({kept}) and records a DNSConfigForming warning.',
  'explain.dns.resolvConf.searchLimit':
    'The search list exceeds kubelet\'s limits (32 domains, 2048 characters, 253 per domain); it keeps "{kept}" and records a DNSConfigForming warning.',
  'explain.dns.resolvConf.noNameserver':
    'dnsPolicy {policy} leaves no nameserver line (the API server requires one for None); the resolver would ask 127.0.0.1 inside the pod.',
  // The resolver's walk
  'explain.dns.query.search':
    'Query {n}: "{name}" has {dots} {dots|dot|dots}, fewer than ndots:{ndots}, so the resolver appends a search domain first — {suffix} — and asks {server} for {qname} ({qtype}).',
  'explain.dns.query.asIsFirst':
    'Query {n}: "{name}" has {dots} dots, at least ndots:{ndots}, so the resolver tries it as it is first: {qname} ({qtype}), asked of {server}.',
  'explain.dns.query.asIsOnly':
    'Query {n}: "{name}" has {dots} dots, at least ndots:{ndots}; musl then asks only the name as it is, {qname} ({qtype}), and never the search domains.',
  'explain.dns.query.asIsLast':
    'Query {n}: every search domain failed; last, the resolver asks {server} for the name as typed, {qname} ({qtype}).',
  'explain.dns.query.absolute':
    'Query {n}: "{name}" ends with a dot, an absolute name: exactly one query, {qname} ({qtype}) to {server}, and no search domains.',
  'explain.dns.final.answered':
    '"{name}" resolves to {addresses}. Query {n} of {count} ({qname}) found it; the connection goes to this address.',
  'explain.dns.final.records': '"{name}": query {n} of {count} ({qname}) returned {records} {qtype} {records|record|records}.',
  'explain.dns.final.cnameOnly':
    '"{name}" is an alias of {target}, which has no address: the lookup ends without one (query {n} of {count}).',
  'explain.dns.final.cnameUnknown':
    '"{name}" is an alias of {target}, a name outside the cluster; its address comes from {upstream} and is not part of this model.',
  'explain.dns.final.nxdomain':
    '"{name}" does not exist: {count|its only query|all {count} queries} came back NXDOMAIN, the last one for {qname}. getaddrinfo fails with "Name or service not known", and no packet is sent to the service.',
  'explain.dns.final.nodata':
    '"{name}" has no {qtype} record: some name exists but holds no address (NODATA) after {count} {count|query|queries}. getaddrinfo fails and no connection is made.',
  'explain.dns.final.servfail': 'The lookup of "{name}" failed with SERVFAIL ({qname}); the resolver gives up.',
  'explain.dns.final.unknown':
    '{count|The query|After {count} queries the last one}, {qname}, went to {upstream}: answered by the upstream resolver; not modelled. Nothing was dropped: what the name resolves to, and whether the connection works, is outside what PacketWalk knows.',
  'explain.dns.final.literal': '"{name}" is already an address: getaddrinfo returns it without any DNS query.',
  'explain.dns.final.hosts':
    '"{name}" is in the pod\'s /etc/hosts (written by kubelet), which the resolver reads first: {ip}, without any DNS query.',
  'explain.dns.final.invalid':
    '"{name}" is not a valid DNS name (empty labels, a label over 63 characters, or over 253 in all): the resolver refuses it without sending a query.',
  'explain.dns.note.aaaa':
    '{libc} asks for the IPv4 (A) and IPv6 (AAAA) addresses of each name at the same time, from the same socket. The cluster is IPv4-only, so every AAAA answer is empty; the walk shows the A queries.',
  'explain.dns.note.coredns':
    "Each query is a UDP datagram to {server}:53, the kube-dns Service: kube-proxy's rules DNAT it to one CoreDNS pod. CoreDNS does not cache answers for {zone} (so they are always current), and its loadbalance plugin shuffles the order of addresses in each answer.",
  'explain.dns.note.ndotsCost':
    '"{name}" is a name outside the cluster, but with ndots:{ndots} it first went through the search domains: {wasted} wasted round {wasted|trip|trips}. Writing it with a trailing dot ("{name}.") asks once.',
  'explain.dns.final.refused':
    'No server block of the Corefile serves {qname}, so CoreDNS answers REFUSED and the resolver gives up on "{name}".',
  'explain.dns.corefile.refused':
    'No server block of the Corefile serves {qname} (there is no "." block and no zone above it): CoreDNS answers REFUSED.',
  'explain.dns.corefile.noPlugin':
    'Server block {block} of the Corefile has no plugin that answers {qname} (nothing falls through to a forward for it): CoreDNS answers SERVFAIL.',
  'explain.dns.hosts.answer':
    '{qname}: the hosts plugin of server block {block} (Corefile line {line}) has an entry for it: {ips}. CoreDNS answers from the Corefile, without asking anyone.',
  'explain.dns.hosts.servfail':
    '{qname} is in the zones of the hosts plugin of server block {block} (Corefile line {line}), which has no entry for it and no "fallthrough": CoreDNS answers SERVFAIL (the plugin has no SOA to deny the name with).',
  'explain.dns.rewrite.name':
    'Server block {block}, Corefile line {line}: "rewrite name {match} {from} {to}" turns the question {qname} into {rewritten}; the plugins answer that name.',
  'explain.dns.nxdomain.podsDisabled':
    'The Corefile\'s kubernetes plugin has no "pods insecure" or "pods verified" (the default is disabled), so pod names like {qname} get NXDOMAIN.',
  'explain.dns.nxdomain.podVerified':
    '"pods verified": no pod in {namespace} has the address {ip}, so CoreDNS answers NXDOMAIN for {qname}.',
  'explain.dns.nxdomain.reverse':
    'The kubernetes plugin serves the reverse zone of {qname} but knows no Service or endpoint with that address, and its "fallthrough" does not cover the name: NXDOMAIN.',
  'event.DNSConfigForming.nameservers':
    'Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: {kept}',
  'event.DNSConfigForming.searches':
    'Search Line limits were exceeded, some search paths have been omitted, the applied search line is: {kept}',
  'diag.dns.configForming.nameservers':
    'Pod {pod} would have {count} nameservers; kubelet keeps 3 ({kept}) and records a DNSConfigForming warning event. Give dnsConfig fewer nameservers, or use dnsPolicy None to list exactly the ones you want.',
  'diag.dns.configForming.searches':
    'The search list of pod {pod} exceeds kubelet\'s limits (32 domains, 2048 characters, 253 per domain); kubelet keeps "{kept}" and records a DNSConfigForming warning event. Shorten dnsConfig.searches.',
  'diag.corefile.syntax.unclosed':
    'Corefile: a "{" is never closed. CoreDNS would not start with this Corefile; PacketWalk reads what it can of it.',
  'diag.corefile.syntax.strayBrace':
    'Corefile: a "}" with no open block. CoreDNS would not start with this Corefile; PacketWalk reads what it can of it.',
  'diag.corefile.syntax.noBrace':
    'Corefile: a server block needs "{" after its zones (for example ".:53 {"). CoreDNS would not start; the rest of the Corefile is not read.',
  'diag.corefile.syntax.braceAlone':
    'Corefile: a "{" must follow a plugin name on its line. CoreDNS would not start with this Corefile; this block is skipped.',
  'diag.corefile.syntax.unterminatedQuote': 'Corefile: a quoted value is never closed. CoreDNS would not start with this Corefile.',
  'diag.corefile.badKey':
    'Corefile: "{key}" is not a zone CoreDNS can serve over plain DNS (write it like example.org:53 or .:53); this key is skipped.',
  'diag.corefile.unknownDirective':
    'Corefile: CoreDNS has no plugin "{name}" and would not start ("Unknown directive"). Check the spelling; PacketWalk skips this line.',
  'diag.corefile.badArgument':
    'Corefile: "{value}" is not valid for {plugin} (expected {expected}); CoreDNS would not start. PacketWalk skips it.',
  'diag.corefile.hostsLineIgnored':
    'Corefile: in a hosts block, "{text}" is neither an option nor an address, so CoreDNS ignores this line. An entry starts with the address: 10.0.0.9 db.example.com',
  'diag.corefile.notModelled': 'Corefile: the "{name}" plugin is kept but not modelled; answers are computed as if it were absent.',
  'explain.dns.final.otherOwner':
    'The answer to {qname} holds addresses for {owner}, another name: the Corefile rewrote the question and not the answer. glibc ignores records for a name it did not ask, so "{name}" gets no address (musl would take them). Add "answer auto" to the rewrite rule.',
  'explain.dns.note.corednsPasted':
    "Each query is a UDP datagram to {server}:53, the kube-dns Service: kube-proxy's rules DNAT it to one CoreDNS pod, which answers with the Corefile of the pasted coredns ConfigMap ({zone} from its kubernetes plugin).",
  'diag.corefile.clusterDomain':
    "The Corefile's kubernetes plugin serves {zones}, but kubelet writes {domain} into every pod's search list: names like my-service or my-service.my-namespace will not resolve. Serve {domain} in the kubernetes plugin, or declare the cluster's domain (networking.dnsDomain).",
  'diag.corefile.noKubernetes':
    'The Corefile has no kubernetes plugin, so CoreDNS answers no Service or pod name under {domain}: lookups from pods go to the other plugins (forward) instead.',
} as const;

export const dnsZh: Record<keyof typeof dnsEn, string> = {
  'explain.dns.answer.clusterIP':
    'CoreDNS 对 {qname} 的回答是 {ip}，即 Service {namespace}/{service} 的 ClusterIP。这是一个虚拟地址：数据包发往它时，由 kube-proxy 的规则换成某个 Pod 的地址。',
  'explain.dns.answer.headless':
    'Service {namespace}/{service} 是 headless（clusterIP: None），没有虚拟地址：CoreDNS 直接返回每个就绪 endpoint 的地址，共 {count} 个：{ips}。未就绪而被排除的 endpoint：{notReady} 个。由客户端自己挑一个，kube-proxy 不参与。',
  'explain.dns.answer.endpoint':
    '{qname} 指向 Service {namespace}/{service} 的某一个 endpoint："{endpoint}"（StatefulSet Pod 在其 governing Service 下的主机名，或把地址中的点换成短横线）。CoreDNS 回答 {ip}。',
  'explain.dns.answer.externalName':
    'Service {namespace}/{service} 是 ExternalName：CoreDNS 返回指向 {target} 的 CNAME，并接着解析这个名字，得到 {ips}。没有 ClusterIP、没有 endpoint、没有 kube-proxy 规则：客户端直接连接该地址。',
  'explain.dns.answer.externalNameUnknown':
    'Service {namespace}/{service} 是 ExternalName：CoreDNS 返回指向 {target} 的 CNAME。这个名字在集群之外，CoreDNS 向 {upstream} 查询它，返回什么不在本模型范围内。这个 Service 没有任何 kube-proxy 规则。',
  'explain.dns.answer.externalNameNoAddress':
    'Service {namespace}/{service} 是 ExternalName：CoreDNS 返回指向 {target} 的 CNAME，但 {target} 没有地址，所以回答里只有这条 CNAME。',
  'explain.dns.answer.cname': '{qname} 是一个别名：CNAME {target}。',
  'explain.dns.answer.pod':
    'kubeadm 的 Corefile 写的是 "pods insecure"：CoreDNS 直接把 {qname} 还原成地址 {ip}，并不检查 {namespace} 里是否真有 Pod 使用这个地址。',
  'explain.dns.answer.srv':
    'CoreDNS 为 {qname} 返回 {count} 条 SRV 记录：{targets}。ClusterIP Service 的记录指向 Service 名；headless Service 的记录指向各个 endpoint 自己的名字。附加段（additional）里带有它们的地址。',
  'explain.dns.answer.ptrService': '{ip} 是 Service {namespace}/{service} 的 ClusterIP；PTR 记录给出该 Service 的名字。',
  'explain.dns.answer.ptrEndpoint':
    '{ip} 是 {count} 个就绪 endpoint 的地址；每条 PTR 记录是该 endpoint 在其 Service 下的名字（主机名，或用短横线写的地址）。',
  'explain.dns.answer.nameserver': '{qname} 是集群域的名称服务器：kube-dns Service，{ip}。',
  'explain.dns.answer.nodata': '{qname} 存在，但没有 {qtype} 记录：CoreDNS 回答 NOERROR，answer 段为空（NODATA）。',
  'explain.dns.nodata.partial': '{qname} 属于集群域的层级结构，但并不对应任何 Service 或 Pod：NOERROR，没有记录（NODATA）。',
  'explain.dns.nxdomain.noService': '命名空间 "{namespace}" 中没有名为 "{service}" 的 Service，所以 CoreDNS 对 {qname} 回答 NXDOMAIN。',
  'explain.dns.nxdomain.noNamespace': '不存在命名空间 "{namespace}"，所以 CoreDNS 对 {qname} 回答 NXDOMAIN。',
  'explain.dns.nxdomain.schema':
    '{zone} 下只有 "svc"（Service）和 "pod"（Pod）两类名字；"{label}" 两者都不是，所以 CoreDNS 对 {qname} 回答 NXDOMAIN。',
  'explain.dns.nxdomain.tooLong': '{qname} 的标签数比任何 Kubernetes 名字都多：CoreDNS 回答 NXDOMAIN。',
  'explain.dns.nxdomain.podName': '"{label}" 不是用短横线写的地址（例如 10-244-1-5），所以 CoreDNS 对 {qname} 回答 NXDOMAIN。',
  'explain.dns.nxdomain.noEndpoint':
    'Service {namespace}/{service} 没有名为 "{endpoint}" 的就绪 endpoint，所以 CoreDNS 对 {qname} 回答 NXDOMAIN。',
  'explain.dns.nxdomain.noPort':
    'Service {namespace}/{service} 没有名为 "{port}"、协议为 "{protocol}" 的端口（只有具名端口才有 SRV 名字），所以 CoreDNS 对 {qname} 回答 NXDOMAIN。',
  'explain.dns.nxdomain.headlessEmpty':
    'Service {namespace}/{service} 是 headless，且没有任何就绪 endpoint（未就绪：{notReady} 个），这个名字根本没有地址：CoreDNS 对 {qname} 回答 NXDOMAIN。',
  'explain.dns.nxdomain.externalNameEndpoint':
    'Service {namespace}/{service} 是 ExternalName，没有 endpoint，所以其下的 "{endpoint}" 不存在：NXDOMAIN。',
  'explain.dns.nxdomain.externalNameAddress':
    'Service {namespace}/{service} 是 ExternalName，但 externalName "{target}" 是一个地址而不是名字；CoreDNS 无法把它做成 CNAME，于是回答 NXDOMAIN。',
  'explain.dns.forward.answer':
    '{qname}：Corefile 的 server block {block} 把它交给 "forward {from}"（Corefile 第 {line} 行），由它向 {upstream} 查询；回答是 {ips}。',
  'explain.dns.forward.nxdomain':
    '{qname}：Corefile 的 server block {block} 把它交给 "forward {from}"（Corefile 第 {line} 行），由它向 {upstream} 查询；回答是 NXDOMAIN。',
  'explain.dns.forward.noTld':
    '{qname}：Corefile 的 server block {block} 把它交给 "forward {from}"（Corefile 第 {line} 行），由它向 {upstream} 查询。单个标签就是顶级域，而这个顶级域不存在：NXDOMAIN。',
  'explain.dns.forward.unknown':
    '{qname}：Corefile 的 server block {block} 把它交给 "forward {from}"（Corefile 第 {line} 行），由它向 {upstream} 查询。由上游解析器回答；不在模型范围内。',
  'explain.dns.direct.answer': 'Pod 直接向 {upstream} 查询（而不是集群 DNS），对方为 {qname} 返回 {ips}。',
  'explain.dns.direct.nxdomain': 'Pod 直接向 {upstream} 查询（而不是集群 DNS），对方对 {qname} 回答 NXDOMAIN。',
  'explain.dns.direct.noTld': 'Pod 直接向 {upstream} 查询。{qname} 只有一个标签，是一个并不存在的顶级域名：NXDOMAIN。',
  'explain.dns.direct.unknown': 'Pod 直接向 {upstream}（而不是集群 DNS）查询 {qname}。由上游解析器回答；不在模型范围内。',
  'explain.dns.direct.clusterName':
    'Pod 直接向 {upstream} 查询，这是集群外的解析器，对 {zone} 一无所知：{qname} 得到 NXDOMAIN。只有 CoreDNS 才提供集群内的名字。',
  'explain.dns.resolvConf.clusterFirst':
    'dnsPolicy {policy}：kubelet 把集群 DNS（{nameserver}）写成唯一的 nameserver，搜索列表为 "{search}"（Pod 所在命名空间排在最前），并设置 ndots:{ndots}。',
  'explain.dns.resolvConf.clusterFirstWithHostNet':
    'dnsPolicy {policy}：Pod 使用节点的网络，但仍然查询集群 DNS（{nameserver}），搜索列表为 "{search}"，ndots:{ndots}。',
  'explain.dns.resolvConf.hostNetwork':
    'Pod 使用节点的网络，且 dnsPolicy 为 {policy}，所以 kubelet 给它节点自己的 resolv.conf。PacketWalk 中的节点只有一个 nameserver，即局域网路由器 {nameserver}，没有搜索域：集群内的名字无法解析。改用 dnsPolicy ClusterFirstWithHostNet 即可。',
  'explain.dns.resolvConf.default':
    'dnsPolicy Default：Pod 得到节点自己的 resolv.conf，而不是集群 DNS。PacketWalk 中的节点只有一个 nameserver，即局域网路由器 {nameserver}，没有搜索域。CoreDNS 自己就这样运行，以便转发不属于集群的名字。',
  'explain.dns.resolvConf.none': 'dnsPolicy None：文件里只有 Pod 的 dnsConfig 所写的内容（nameserver {nameserver}，search "{search}"）。',
  'explain.dns.resolvConf.nameserverLimit': 'nameserver 超过 3 个：kubelet 只保留前三个（{kept}），并记录一条 DNSConfigForming 警告事件。',
  'explain.dns.resolvConf.searchLimit':
    '搜索列表超出了 kubelet 的限制（32 个域、共 2048 个字符、每个域 253 个字符）；它保留 "{kept}"，并记录一条 DNSConfigForming 警告事件。',
  'explain.dns.resolvConf.noNameserver':
    'dnsPolicy {policy} 没有留下任何 nameserver 行（对 None，API server 要求至少一个）；解析器会去查询 Pod 内的 127.0.0.1。',
  'explain.dns.query.search':
    '第 {n} 次查询："{name}" 有 {dots} 个点，少于 ndots:{ndots}，所以解析器先拼上搜索域 {suffix}，向 {server} 查询 {qname}（{qtype}）。',
  'explain.dns.query.asIsFirst':
    '第 {n} 次查询："{name}" 有 {dots} 个点，不少于 ndots:{ndots}，所以解析器先按原样查询：向 {server} 查询 {qname}（{qtype}）。',
  'explain.dns.query.asIsOnly':
    '第 {n} 次查询："{name}" 有 {dots} 个点，不少于 ndots:{ndots}；此时 musl 只按原样查询 {qname}（{qtype}），完全不使用搜索域。',
  'explain.dns.query.asIsLast': '第 {n} 次查询：所有搜索域都失败了；最后，解析器向 {server} 按原样查询 {qname}（{qtype}）。',
  'explain.dns.query.absolute':
    '第 {n} 次查询："{name}" 以点结尾，是绝对域名：只查询一次，向 {server} 查询 {qname}（{qtype}），不使用搜索域。',
  'explain.dns.final.answered': '"{name}" 解析为 {addresses}。第 {n} 次查询（共 {count} 次，{qname}）找到了它；连接将发往这个地址。',
  'explain.dns.final.records': '"{name}"：第 {n} 次查询（共 {count} 次，{qname}）返回了 {records} 条 {qtype} 记录。',
  'explain.dns.final.cnameOnly': '"{name}" 是 {target} 的别名，而后者没有地址：解析结束时没有得到地址（第 {n} 次查询，共 {count} 次）。',
  'explain.dns.final.cnameUnknown': '"{name}" 是 {target} 的别名，这是集群外的名字；它的地址来自 {upstream}，不在本模型范围内。',
  'explain.dns.final.nxdomain':
    '"{name}" 不存在：全部 {count} 次查询都得到 NXDOMAIN，最后一次查询的是 {qname}。getaddrinfo 报错 "Name or service not known"，不会有任何数据包发往服务。',
  'explain.dns.final.nodata':
    '"{name}" 没有 {qtype} 记录：查询了 {count} 次，某个名字存在但没有地址（NODATA）。getaddrinfo 失败，不会建立连接。',
  'explain.dns.final.servfail': '解析 "{name}" 时得到 SERVFAIL（{qname}）；解析器放弃。',
  'explain.dns.final.unknown':
    '查询了 {count} 次，最后一次 {qname} 发往 {upstream}：由上游解析器回答；不在模型范围内。没有任何数据包被丢弃：这个名字解析成什么、连接能否成功，超出了 PacketWalk 所知的范围。',
  'explain.dns.final.literal': '"{name}" 本身就是地址：getaddrinfo 直接返回它，不做任何 DNS 查询。',
  'explain.dns.final.hosts': '"{name}" 在 Pod 的 /etc/hosts 中（由 kubelet 写入），解析器会先读这个文件：{ip}，不做任何 DNS 查询。',
  'explain.dns.final.invalid':
    '"{name}" 不是合法的 DNS 名字（有空标签、某个标签超过 63 个字符，或总长超过 253）：解析器直接拒绝，不发送查询。',
  'explain.dns.note.aaaa':
    '{libc} 会同时查询每个名字的 IPv4（A）和 IPv6（AAAA）地址，使用同一个套接字。集群只有 IPv4，所以每个 AAAA 回答都是空的；这里展示的是 A 查询。',
  'explain.dns.note.coredns':
    '每次查询都是一个发往 {server}:53（kube-dns Service）的 UDP 数据报：kube-proxy 的规则把它 DNAT 到某个 CoreDNS Pod。CoreDNS 不缓存 {zone} 的回答（因此总是最新的），它的 loadbalance 插件会打乱每个回答中地址的顺序。',
  'explain.dns.note.ndotsCost':
    '"{name}" 是集群外的名字，但由于 ndots:{ndots}，它先把搜索域都试了一遍：白白多了 {wasted} 次往返。写成以点结尾的形式（"{name}."）只需查询一次。',
  'explain.dns.final.refused': 'Corefile 中没有哪个 server block 负责 {qname}，所以 CoreDNS 回答 REFUSED，解析器放弃解析 "{name}"。',
  'explain.dns.corefile.refused':
    'Corefile 中没有哪个 server block 负责 {qname}（既没有 "." block，也没有包含它的上级 zone）：CoreDNS 回答 REFUSED。',
  'explain.dns.corefile.noPlugin':
    'Corefile 的 server block {block} 中没有能回答 {qname} 的插件（也没有 fallthrough 到某个 forward）：CoreDNS 回答 SERVFAIL。',
  'explain.dns.hosts.answer':
    '{qname}：server block {block} 的 hosts 插件（Corefile 第 {line} 行）有它的条目：{ips}。CoreDNS 直接按 Corefile 回答，不询问任何人。',
  'explain.dns.hosts.servfail':
    '{qname} 属于 server block {block} 的 hosts 插件（Corefile 第 {line} 行）的 zone，但插件里没有它的条目，也没有 "fallthrough"：CoreDNS 回答 SERVFAIL（该插件没有 SOA，无法否认这个名字）。',
  'explain.dns.rewrite.name':
    'server block {block}，Corefile 第 {line} 行："rewrite name {match} {from} {to}" 把问题 {qname} 改写为 {rewritten}；后面的插件回答的是改写后的名字。',
  'explain.dns.nxdomain.podsDisabled':
    'Corefile 的 kubernetes 插件没有写 "pods insecure" 或 "pods verified"（默认是 disabled），所以 {qname} 这样的 Pod 名字得到 NXDOMAIN。',
  'explain.dns.nxdomain.podVerified': '"pods verified"：{namespace} 中没有地址为 {ip} 的 Pod，所以 CoreDNS 对 {qname} 回答 NXDOMAIN。',
  'explain.dns.nxdomain.reverse':
    'kubernetes 插件负责 {qname} 所在的反向 zone，但不知道任何使用该地址的 Service 或 endpoint，它的 "fallthrough" 也不包括这个名字：NXDOMAIN。',
  'event.DNSConfigForming.nameservers': '超出了 nameserver 数量上限，部分 nameserver 被省略，实际使用的 nameserver 行为：{kept}',
  'event.DNSConfigForming.searches': '超出了搜索域上限，部分搜索路径被省略，实际使用的 search 行为：{kept}',
  'diag.dns.configForming.nameservers':
    'Pod {pod} 将有 {count} 个 nameserver；kubelet 只保留前 3 个（{kept}），并记录一条 DNSConfigForming 警告事件。请减少 dnsConfig 中的 nameserver，或使用 dnsPolicy None 精确列出需要的那些。',
  'diag.dns.configForming.searches':
    'Pod {pod} 的搜索域超出了 kubelet 的上限（32 个域、共 2048 个字符、每个 253 个字符）；kubelet 保留 "{kept}"，并记录一条 DNSConfigForming 警告事件。请缩短 dnsConfig.searches。',
  'diag.corefile.syntax.unclosed': 'Corefile：有一个 "{" 没有闭合。CoreDNS 无法以这个 Corefile 启动；PacketWalk 尽量读取其余部分。',
  'diag.corefile.syntax.strayBrace':
    'Corefile：出现了多余的 "}"，没有与之对应的块。CoreDNS 无法以这个 Corefile 启动；PacketWalk 尽量读取其余部分。',
  'diag.corefile.syntax.noBrace':
    'Corefile：server block 的 zone 后面需要 "{"（例如 ".:53 {"）。CoreDNS 无法启动；Corefile 的其余部分不再读取。',
  'diag.corefile.syntax.braceAlone': 'Corefile："{" 必须跟在同一行的插件名后面。CoreDNS 无法以这个 Corefile 启动；这个块被跳过。',
  'diag.corefile.syntax.unterminatedQuote': 'Corefile：有一个带引号的值没有闭合。CoreDNS 无法以这个 Corefile 启动。',
  'diag.corefile.badKey':
    'Corefile："{key}" 不是 CoreDNS 能以普通 DNS 提供服务的 zone（请写成 "example.org:53" 或 ".:53"）；跳过这个 key。',
  'diag.corefile.unknownDirective':
    'Corefile：CoreDNS 没有名为 "{name}" 的插件，将无法启动（"Unknown directive"）。请检查拼写；PacketWalk 跳过这一行。',
  'diag.corefile.badArgument': 'Corefile："{value}" 不是 {plugin} 的有效值（应为 {expected}）；CoreDNS 将无法启动。PacketWalk 跳过它。',
  'diag.corefile.hostsLineIgnored':
    'Corefile：hosts 块中的 "{text}" 既不是选项也不是地址，CoreDNS 会忽略这一行。条目应以地址开头：10.0.0.9 db.example.com',
  'diag.corefile.notModelled': 'Corefile：保留了 "{name}" 插件，但不在模型范围内；计算回答时当它不存在。',
  'explain.dns.final.otherOwner':
    '对 {qname} 的回答里是另一个名字 {owner} 的地址：Corefile 改写了问题，却没有改写回答。glibc 会忽略不是它所查询名字的记录，所以 "{name}" 得不到地址（musl 则会接受）。请在 rewrite 规则后加上 "answer auto"。',
  'explain.dns.note.corednsPasted':
    '每次查询都是一个发往 {server}:53（kube-dns Service）的 UDP 数据报：kube-proxy 的规则把它 DNAT 到某个 CoreDNS Pod，由它按粘贴的 coredns ConfigMap 中的 Corefile 回答（{zone} 来自其中的 kubernetes 插件）。',
  'diag.corefile.clusterDomain':
    'Corefile 的 kubernetes 插件负责 {zones}，但 kubelet 写进每个 Pod 搜索域的是 {domain}：my-service、my-service.my-namespace 这样的名字将无法解析。请让 kubernetes 插件负责 {domain}，或声明集群的域名（networking.dnsDomain）。',
  'diag.corefile.noKubernetes':
    'Corefile 中没有 kubernetes 插件，所以 CoreDNS 不回答 {domain} 下的任何 Service 或 Pod 名字：Pod 的查询改由其他插件（forward）处理。',
};
