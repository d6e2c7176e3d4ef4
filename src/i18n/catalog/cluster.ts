// What the reconciler (controllers, scheduler, allocators) reports: diagnostics and cluster events.

export const clusterEn = {
  'diag.reconcile.internal': 'PacketWalk could not build the cluster (a bug): {message}',
  'diag.kubeProxy.duplicate': 'Only one KubeProxyConfiguration is used; this one is ignored.',
  'diag.kubeProxy.nftables.otherModeFields':
    'kube-proxy in nftables mode ignores these iptables or IPVS settings: {fields}. PacketWalk ignores them too. In nftables mode, masqueradeAll and masqueradeBit are read from the nftables section.',
  'diag.kubeProxy.clusterCIDR.invalid': 'clusterCIDR "{value}" is not a CIDR; the default 10.244.0.0/16 is used.',
  'diag.object.duplicate':
    '{kind} "{name}" is also defined at {file}:{line}; this later definition replaces it, as kubectl apply would. Rename one of them to keep both.',
  'diag.namespace.implied':
    'Namespace "{namespace}" does not exist. A real API server would reject this object; PacketWalk creates the namespace for you.',
  'diag.node.podCIDR.invalid': 'Node {node}: podCIDR "{value}" is not a CIDR; the node gets the next free range instead.',
  'diag.node.podCIDR.outsideClusterCIDR':
    'Node {node}: podCIDR {podCIDR} lies outside the cluster CIDR {clusterCIDR}; kube-proxy will treat its pods as outside the cluster.',
  'diag.node.podCIDR.exhausted': 'Node {node} gets no podCIDR: every range in {clusterCIDR} is taken. Its pods cannot get addresses.',
  'diag.workload.selectorEmpty': '{kind} "{name}" has an empty selector; the API server rejects it.',
  'diag.workload.selectorMismatch': '{kind} "{name}": the selector does not match the pod template\'s labels; the API server rejects it.',
  'diag.workload.unschedulable': '{kind} "{name}": {pending} {pending|pod stays|pods stay} Pending. The scheduler says: {message}',
  'diag.pod.adopted': 'Pod "{pod}" matches the selector of {kind} "{owner}", which adopts it and counts it as one of its replicas.',
  'diag.limits.podsPerWorkload':
    '{kind} "{name}": {modelled#} of {replicas#} pods are modelled. PacketWalk draws and walks at most {cap#} pods of one workload; the other {left#} are left out: their addresses, endpoints and rules are not computed. spec.replicas keeps its value; lower it to see every pod.',
  'diag.limits.podsInModel':
    '{kind} "{name}": {modelled#} of {replicas#} pods are modelled. PacketWalk draws and walks at most {cap#} pods of your objects in the whole cluster, and the workloads before this one took the rest; the other {left#} are left out: their addresses, endpoints and rules are not computed. Lower some replicas to see them.',
  'diag.limits.daemonSetPods':
    'DaemonSet "{name}": {left#} of its pods (one per node) are left out. PacketWalk draws and walks at most {cap#} pods of your objects in the whole cluster; their addresses, endpoints and rules are not computed.',
  'diag.limits.givenPods':
    'This pod ("{name}") and the other pods after it, {left#} in all, are left out: PacketWalk draws and walks at most {cap#} pods of your objects in the whole cluster. Their addresses, endpoints and rules are not computed.',
  'diag.limits.nodes':
    'This node ("{name}") and the other nodes after it, {left#} in all, are left out: PacketWalk models at most {cap#} nodes, the most Kubernetes supports in one cluster. Nothing runs on them.',
  'diag.limits.objectsPerFile':
    'This object and the ones after it, {left#} in all, are left out: PacketWalk reads at most {cap#} objects from one file (each item of a List counts). Split the file to use the rest.',
  'diag.pod.nodeName.unknown': 'Pod "{pod}" is bound to node "{node}", which does not exist; it stays Pending.',
  'diag.pod.podIP.outsideNodeCIDR': 'Pod "{pod}" has IP {ip}, outside the podCIDR {podCIDR} of its node {node}.',
  'diag.pod.podIP.duplicate': 'Pod "{pod}" has IP {ip}, which another pod already has.',
  'diag.pod.podCIDR.exhausted':
    '{kind} "{name}": {pods} {pods|pod|pods} cannot start on {node}: no free address left in its podCIDR {podCIDR}.',
  'diag.service.clusterIP.outOfRange':
    'Service "{service}": clusterIP {ip} is not in the valid range. The range of valid IPs is {serviceCIDR}. The API server rejects the Service. If your cluster uses another service range, declare it: paste its kubeadm ClusterConfiguration (networking.serviceSubnet) or its ServiceCIDRs (kubectl get servicecidr -o yaml).',
  'diag.service.clusterIP.taken': 'Service "{service}": clusterIP {ip} is already allocated. The API server rejects the Service.',
  'diag.service.ipFamilyPolicy.singleStackCluster':
    'Service "{service}": ipFamilyPolicy RequireDualStack needs a dual-stack cluster (an IPv4 and an IPv6 clusterCIDR). The API server rejects the Service.',
  'diag.service.nodePort.forbidden':
    'Service "{service}": nodePort may not be used when type is {type}. The API server rejects the Service.',
  'diag.service.nodePort.outOfRange':
    'Service "{service}": nodePort {port} is not in the valid range {min}-{max}. The API server rejects the Service. If your cluster uses another node-port range, declare it: paste its kubeadm ClusterConfiguration with service-node-port-range in apiServer.extraArgs.',
  'diag.service.nodePort.duplicate': 'Service "{service}": nodePort {port} is used twice. The API server rejects the Service.',
  'diag.service.nodePort.taken': 'Service "{service}": nodePort {port} is already allocated. The API server rejects the Service.',
  'diag.service.noEndpoints':
    'Service "{service}": no pod matches the selector {selector}, so it has no endpoints and kube-proxy rejects its traffic.',
  'diag.service.endpointsPending':
    'Service "{service}": {pods} {pods|pod matches|pods match}, but none has an IP address yet, so it has no endpoints.',
  'diag.service.targetPort.unresolved':
    'Service "{service}": no selected pod declares a {protocol} container port named "{targetPort}", so this port has no endpoints.',
  'diag.service.noSelectorNoEndpoints':
    'Service "{service}" has no selector and no Endpoints or EndpointSlices of the same name, so it has no endpoints.',
  'diag.endpoints.noService': 'Endpoints "{name}" has no Service of the same name; nothing uses it.',
  'diag.endpoints.serviceHasSelector':
    'Endpoints "{name}": Service "{name}" has a selector, so the endpoints controller owns these addresses and yours are not used.',
  'event.ScalingReplicaSet': 'Scaled up replica set {replicaSet} from 0 to {replicas}',
  'event.SuccessfulCreate': 'Created pod: {pod}',
  'event.SuccessfulDelete': 'Deleted pod: {pod}',
  'event.Scheduled': 'Successfully assigned {pod} to {node}',
  'event.FailedScheduling': '{message}',
  'event.FailedCreatePodSandBox': 'Failed to create pod sandbox: no IP addresses available in range {podCIDR} on {node}',
} as const;

export const clusterZh: Record<keyof typeof clusterEn, string> = {
  'diag.reconcile.internal': 'PacketWalk 无法构建集群（程序缺陷）：{message}',
  'diag.kubeProxy.duplicate': '只使用第一个 KubeProxyConfiguration，这一个被忽略。',
  'diag.kubeProxy.nftables.otherModeFields':
    'nftables 模式的 kube-proxy 会忽略这些 iptables 或 IPVS 模式的设置：{fields}。PacketWalk 同样忽略它们。nftables 模式下，masqueradeAll 和 masqueradeBit 从 nftables 一节读取。',
  'diag.kubeProxy.clusterCIDR.invalid': 'clusterCIDR "{value}" 不是合法的 CIDR，改用默认的 10.244.0.0/16。',
  'diag.object.duplicate':
    '{kind} "{name}" 在 {file}:{line} 已定义过；与 kubectl apply 一样，后面的定义覆盖前面的。如需两者都保留，请重命名其中一个。',
  'diag.namespace.implied': '命名空间 "{namespace}" 不存在。真实的 API Server 会拒绝此对象；PacketWalk 替你创建了该命名空间。',
  'diag.node.podCIDR.invalid': '节点 {node}：podCIDR "{value}" 不是合法的 CIDR，改为分配下一个空闲网段。',
  'diag.node.podCIDR.outsideClusterCIDR':
    '节点 {node}：podCIDR {podCIDR} 不在集群 CIDR {clusterCIDR} 之内，kube-proxy 会把它上面的 Pod 当作集群外地址。',
  'diag.node.podCIDR.exhausted': '节点 {node} 分不到 podCIDR：{clusterCIDR} 中的网段已全部分配，它上面的 Pod 无法获得地址。',
  'diag.workload.selectorEmpty': '{kind} "{name}" 的 selector 为空，API Server 会拒绝它。',
  'diag.workload.selectorMismatch': '{kind} "{name}"：selector 与 Pod 模板的标签不匹配，API Server 会拒绝它。',
  'diag.workload.unschedulable': '{kind} "{name}"：{pending} 个 Pod 一直处于 Pending。调度器给出的原因：{message}',
  'diag.pod.adopted': 'Pod "{pod}" 符合 {kind} "{owner}" 的 selector，被它收养并计入副本数。',
  'diag.limits.podsPerWorkload':
    '{kind} "{name}"：{replicas#} 个 Pod 中只建模了 {modelled#} 个。PacketWalk 对一个工作负载最多绘制和追踪 {cap#} 个 Pod；其余 {left#} 个被略去：不计算它们的地址、端点和规则。spec.replicas 保持原值；把它调小即可看到每个 Pod。',
  'diag.limits.podsInModel':
    '{kind} "{name}"：{replicas#} 个 Pod 中只建模了 {modelled#} 个。PacketWalk 在整个集群中最多绘制和追踪来自你的对象的 {cap#} 个 Pod，排在它前面的工作负载已用去其余名额；另外 {left#} 个被略去：不计算它们的地址、端点和规则。调小一些 replicas 即可看到它们。',
  'diag.limits.daemonSetPods':
    'DaemonSet "{name}"：它的 {left#} 个 Pod（每个节点一个）被略去。PacketWalk 在整个集群中最多绘制和追踪来自你的对象的 {cap#} 个 Pod；不计算被略去的 Pod 的地址、端点和规则。',
  'diag.limits.givenPods':
    '这个 Pod（"{name}"）及其后的 Pod，共 {left#} 个，被略去：PacketWalk 在整个集群中最多绘制和追踪来自你的对象的 {cap#} 个 Pod。不计算它们的地址、端点和规则。',
  'diag.limits.nodes':
    '这个节点（"{name}"）及其后的节点，共 {left#} 个，被略去：PacketWalk 最多建模 {cap#} 个节点，这是 Kubernetes 单个集群支持的上限。它们上面不运行任何 Pod。',
  'diag.limits.objectsPerFile':
    '这个对象及其后的对象，共 {left#} 个，被略去：PacketWalk 从一个文件最多读取 {cap#} 个对象（List 的每一项各算一个）。把文件拆开即可使用其余对象。',
  'diag.pod.nodeName.unknown': 'Pod "{pod}" 绑定到了不存在的节点 "{node}"，将一直处于 Pending。',
  'diag.pod.podIP.outsideNodeCIDR': 'Pod "{pod}" 的 IP {ip} 不在其所在节点 {node} 的 podCIDR {podCIDR} 之内。',
  'diag.pod.podIP.duplicate': 'Pod "{pod}" 的 IP {ip} 已被另一个 Pod 使用。',
  'diag.pod.podCIDR.exhausted': '{kind} "{name}"：{pods} 个 Pod 无法在 {node} 上启动，其 podCIDR {podCIDR} 中已没有空闲地址。',
  'diag.service.clusterIP.outOfRange':
    'Service "{service}"：clusterIP {ip} 不在有效范围内，有效范围是 {serviceCIDR}。API Server 会拒绝该 Service。如果你的集群使用别的 Service 网段，请写明它：粘贴集群的 kubeadm ClusterConfiguration（networking.serviceSubnet）或它的 ServiceCIDR（kubectl get servicecidr -o yaml）。',
  'diag.service.clusterIP.taken': 'Service "{service}"：clusterIP {ip} 已被分配。API Server 会拒绝该 Service。',
  'diag.service.ipFamilyPolicy.singleStackCluster':
    'Service "{service}"：ipFamilyPolicy 为 RequireDualStack，需要双栈集群（同时有 IPv4 和 IPv6 的 clusterCIDR）。API Server 会拒绝该 Service。',
  'diag.service.nodePort.forbidden': 'Service "{service}"：类型为 {type} 时不能设置 nodePort。API Server 会拒绝该 Service。',
  'diag.service.nodePort.outOfRange':
    'Service "{service}"：nodePort {port} 不在有效范围 {min}-{max} 内。API Server 会拒绝该 Service。如果你的集群使用别的 NodePort 范围，请写明它：粘贴集群的 kubeadm ClusterConfiguration，并在 apiServer.extraArgs 中设置 service-node-port-range。',
  'diag.service.nodePort.duplicate': 'Service "{service}"：nodePort {port} 被重复使用。API Server 会拒绝该 Service。',
  'diag.service.nodePort.taken': 'Service "{service}"：nodePort {port} 已被分配。API Server 会拒绝该 Service。',
  'diag.service.noEndpoints': 'Service "{service}"：没有 Pod 匹配 selector {selector}，因此没有 endpoint，kube-proxy 会拒绝发往它的流量。',
  'diag.service.endpointsPending': 'Service "{service}"：有 {pods} 个 Pod 匹配，但都还没有 IP 地址，因此没有 endpoint。',
  'diag.service.targetPort.unresolved':
    'Service "{service}"：选中的 Pod 都没有声明名为 "{targetPort}" 的 {protocol} 容器端口，因此这个端口没有 endpoint。',
  'diag.service.noSelectorNoEndpoints': 'Service "{service}" 没有 selector，也没有同名的 Endpoints 或 EndpointSlice，因此没有 endpoint。',
  'diag.endpoints.noService': 'Endpoints "{name}" 没有同名的 Service，不会被使用。',
  'diag.endpoints.serviceHasSelector':
    'Endpoints "{name}"：Service "{name}" 有 selector，地址由 endpoints 控制器管理，你写的地址不会被使用。',
  'event.ScalingReplicaSet': '将 ReplicaSet {replicaSet} 的副本数从 0 扩容到 {replicas}',
  'event.SuccessfulCreate': '已创建 Pod：{pod}',
  'event.SuccessfulDelete': '已删除 Pod：{pod}',
  'event.Scheduled': '已将 {pod} 调度到 {node}',
  'event.FailedScheduling': '调度失败（调度器原文）：{message}',
  'event.FailedCreatePodSandBox': '创建 Pod 沙箱失败：{node} 上的网段 {podCIDR} 已没有可用 IP 地址',
} as const;
