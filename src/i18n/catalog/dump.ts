// A pasted dump is what the cluster held: what PacketWalk adds to complete it, and why.

export const dumpEn = {
  'cli.rejected':
    'the objects with an error are left out, as the API server would refuse them; the output is what the others produce, as kubectl apply would have applied them (exit code 1)',
  'diag.dump.namespaceAdded':
    'Namespace "{namespace}" is not in the paste, but objects the cluster stored are in it, so PacketWalk added it. To paste its own, add the output of kubectl get namespaces -o yaml.',
  'diag.dump.nodeAdded':
    'Node "{node}" is not in the paste, but pod "{pod}" runs on it ({pods} pod(s) in all), so PacketWalk added the node: InternalIP {ip}, podCIDR {podCIDR}, from its pods where they show them. To use the node\'s own values, paste it too (kubectl get node {node} -o yaml).',
};

export const dumpZh: Record<keyof typeof dumpEn, string> = {
  'cli.rejected': '有错误的对象已略去，因为 API Server 会拒绝它们；输出的是其余对象的结果，与 kubectl apply 应用它们后相同（退出码 1）',
  'diag.dump.namespaceAdded':
    '粘贴内容里没有命名空间 "{namespace}"，但集群里保存的对象位于其中，所以 PacketWalk 补上了它。若要使用它自己的定义，请再粘贴 kubectl get namespaces -o yaml 的输出。',
  'diag.dump.nodeAdded':
    '粘贴内容里没有节点 "{node}"，但 Pod "{pod}" 运行在它上面（共 {pods} 个 Pod），所以 PacketWalk 补上了这个节点：InternalIP {ip}，podCIDR {podCIDR}，能从它的 Pod 看出的值都取自 Pod。若要使用节点自己的值，请把它也粘贴进来（kubectl get node {node} -o yaml）。',
};
