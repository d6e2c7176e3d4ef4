// A pasted dump is what the cluster held: what PacketWalk adds to complete it, and why.

export const dumpEn = {
  'diag.dump.inferred.clusterCIDR':
    "Pod network taken to be {cidr}, from the pods' addresses (pod {pod} has {value}): the paste has no nodes to read it from. To state it, add a kubeadm ClusterConfiguration with networking.podSubnet, or paste the nodes too (kubectl get nodes -o yaml).",
  'diag.dump.inferred.nodeSubnet':
    "Node network taken to be {cidr}, from the addresses of the nodes the pods ran on (pod {pod} has hostIP {value}); the LAN, its router and MetalLB's BGP peers sit on it. To use the nodes' own addresses, paste them too (kubectl get nodes -o yaml).",
  'cli.rejected':
    'the objects with an error are left out, as the API server would refuse them; the output is what the others produce, as kubectl apply would have applied them (exit code 1)',
  'diag.dump.namespaceAdded':
    'Namespace "{namespace}" is not in the paste, but objects the cluster stored are in it, so PacketWalk added it. To paste its own, add the output of kubectl get namespaces -o yaml.',
  'diag.dump.nodeAdded':
    'Node "{node}" is not in the paste, but pod "{pod}" runs on it ({pods} {pods|pod|pods} in all), so PacketWalk added the node: InternalIP {ip}, podCIDR {podCIDR}, from its pods where they show them. To use the node\'s own values, paste it too (kubectl get node {node} -o yaml).',
  'diag.dump.sliceKept':
    'EndpointSlice "{slice}" is kept as pasted: it lists pod "{pod}" ({pods#} {pods|pod|pods} in all) that the paste does not hold, so it shows what the cluster held and kube-proxy used. PacketWalk added each such pod as the slice shows it (its node, address and readiness), and does not work out the endpoints of Service "{service}" again. To use the pods\' own objects, paste them too (kubectl get pods -A -o yaml).',
};

export const dumpZh: Record<keyof typeof dumpEn, string> = {
  'diag.dump.inferred.clusterCIDR':
    'Pod 网络取为 {cidr}，依据是 Pod 的地址（Pod {pod} 的地址是 {value}）：粘贴内容里没有节点可供读取。要写明它，请加上带 networking.podSubnet 的 kubeadm ClusterConfiguration，或者把节点也粘贴进来（kubectl get nodes -o yaml）。',
  'diag.dump.inferred.nodeSubnet':
    '节点网络取为 {cidr}，依据是 Pod 所在节点的地址（Pod {pod} 的 hostIP 是 {value}）；局域网、其路由器和 MetalLB 的 BGP 对端都在这个网段上。若要使用节点自己的地址，请把节点也粘贴进来（kubectl get nodes -o yaml）。',
  'cli.rejected': '有错误的对象已略去，因为 API Server 会拒绝它们；输出的是其余对象的结果，与 kubectl apply 应用它们后相同（退出码 1）',
  'diag.dump.namespaceAdded':
    '粘贴内容里没有命名空间 "{namespace}"，但集群里保存的对象位于其中，所以 PacketWalk 补上了它。若要使用它自己的定义，请再粘贴 kubectl get namespaces -o yaml 的输出。',
  'diag.dump.nodeAdded':
    '粘贴内容里没有节点 "{node}"，但 Pod "{pod}" 运行在它上面（共 {pods} 个 Pod），所以 PacketWalk 补上了这个节点：InternalIP {ip}，podCIDR {podCIDR}，能从它的 Pod 看出的值都取自 Pod。若要使用节点自己的值，请把它也粘贴进来（kubectl get node {node} -o yaml）。',
  'diag.dump.sliceKept':
    'EndpointSlice "{slice}" 按粘贴的原样保留：它列出的 Pod "{pod}"（共 {pods#} 个）不在粘贴内容里，所以这个切片反映的是集群当时保存、kube-proxy 所用的状态。PacketWalk 按切片所示（所在节点、地址和就绪状态）补上了这些 Pod，也不再重新计算 Service "{service}" 的端点。若要使用这些 Pod 自己的对象，请把它们也粘贴进来（kubectl get pods -A -o yaml）。',
};
