// One node: header, pods by workload, cni0, netfilter's hooks, routing, flannel.1, NIC.

import type { NodeBox, PodBox, Rect } from '../../layout/types';
import { useT } from '../useT';
import type { Highlight } from './highlight';

const cls = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');

/** Shortens in the middle: a pod's generated suffix is what tells replicas apart. */
function ellipsize(text: string, max: number): string {
  if (text.length <= max) return text;
  const tail = Math.min(6, max - 2);
  return `${text.slice(0, max - tail - 1)}…${text.slice(-tail)}`;
}

function Box({ r, className, rx = 6 }: { r: Rect; className: string; rx?: number }) {
  return <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={rx} className={className} />;
}

function PodView({ pod, hl, compact }: { pod: PodBox; hl: Highlight; compact: boolean }) {
  const here = hl.pod === pod.key && (hl.element === 'pod' || hl.element === 'pod-eth0');
  return (
    <g
      className={cls(
        'pod',
        compact && 'compact',
        here && 'active',
        hl.target === pod.key && 'target',
        hl.source === pod.key && 'source',
        pod.origin === 'builtin' && 'builtin',
        !pod.ready && 'not-ready',
      )}
      data-pod={pod.key}
    >
      <title>{`${pod.key}\n${pod.ip}${pod.hostNetwork ? ' (hostNetwork)' : ''}`}</title>
      <Box r={pod} className="pod-box" rx={compact ? 4 : 6} />
      {compact ? (
        <text x={pod.x + 7} y={pod.y + 15} className="pod-chip">
          {ellipsize(pod.name, 25)}
        </text>
      ) : (
        <>
          <text x={pod.x + 8} y={pod.y + 17} className="pod-name">
            {ellipsize(pod.name, 22)}
          </text>
          <text x={pod.x + 8} y={pod.y + 34} className="mono pod-ip">
            {pod.ip}
          </text>
          <text x={pod.x + pod.w - 8} y={pod.y + 34} className="mono pod-if" textAnchor="end">
            eth0
          </text>
        </>
      )}
    </g>
  );
}

export function NodeView({ node, hl, overlay }: { node: NodeBox; hl: Highlight; overlay: boolean }) {
  const t = useT();
  const at = (element: string) => hl.node === node.name && hl.element === element;
  const pods = node.groups.flatMap((g) => g.pods);
  return (
    <g className={cls('node', hl.node === node.name && 'current')} data-node={node.name}>
      <Box r={node} className="node-box" rx={10} />
      <text x={node.x + 14} y={node.y + 22} className="node-name">
        {node.name}
      </text>
      <text x={node.x + node.w - 14} y={node.y + 22} className="mono node-meta" textAnchor="end">
        {t('ui.topology.podCIDR', { cidr: node.podCIDR })}
      </text>
      {(node.controlPlane || node.tainted || node.origin === 'default') && (
        <text x={node.x + 14} y={node.y + 36} className="node-tags">
          {[node.controlPlane && 'control-plane', node.tainted && 'NoSchedule', node.origin === 'default' && t('ui.topology.default')]
            .filter(Boolean)
            .join(' · ')}
        </text>
      )}

      {/* Under the pods, so a veth never crosses another pod's box. */}
      {pods
        .filter((p) => !p.hostNetwork)
        .map((p) => (
          <line
            key={p.key}
            x1={p.eth0.x}
            y1={p.eth0.y}
            x2={p.eth0.x}
            y2={node.cni0.y}
            className={cls('veth', hl.pod === p.key && hl.element === 'veth' && 'active')}
          />
        ))}

      {node.groups.map((g) => (
        <g key={`${g.namespace}/${g.workload}`} className={cls('workload', g.origin === 'builtin' && 'builtin')}>
          <text x={g.x} y={g.y + 12} className="workload-name">
            {g.compact ? t('ui.topology.systemPods') : g.namespace === 'default' ? g.workload : `${g.namespace}/${g.workload}`}
          </text>
          {g.pods.map((p) => (
            <PodView key={p.key} pod={p} hl={hl} compact={g.compact} />
          ))}
        </g>
      ))}

      <g className={cls('device bridge', at('cni0') && 'active')}>
        <Box r={node.cni0} className="bridge-box" rx={4} />
        <text x={node.cni0.x + 10} y={node.cni0.y + 17} className="mono device-label">
          cni0 <tspan className="device-sub">{node.cni0.ip}</tspan>
        </text>
      </g>

      <g className={cls('device netfilter', at('netfilter') && 'active')}>
        <Box r={node.netfilter} className="netfilter-box" />
        <text x={node.netfilter.x + 8} y={node.netfilter.y + 14} className="device-title">
          {t('ui.topology.netfilter')}
        </text>
        {node.netfilter.hooks.map((h) => (
          <g key={h.hook} className={cls('hook', at('netfilter') && hl.hook === h.hook && 'active')}>
            <Box r={h} className="hook-box" rx={3} />
            <text x={h.x + 6} y={h.y + h.h - 4} className="mono hook-label">
              {h.hook}
            </text>
          </g>
        ))}
      </g>

      <g className={cls('device routing', at('routing') && 'active')}>
        <Box r={node.routing} className="routing-box" />
        <text
          x={node.routing.x + node.routing.w / 2}
          y={node.routing.y + node.routing.h / 2 + 4}
          className="device-title"
          textAnchor="middle"
        >
          {t('ui.topology.routing')}
        </text>
      </g>

      {overlay && (
        <g className={cls('device flannel', at('flannel.1') && 'active')}>
          <Box r={node.flannel} className="flannel-box" />
          <text x={node.flannel.x + 8} y={node.flannel.y + 17} className="mono device-label">
            {node.flannel.name}
          </text>
          <text x={node.flannel.x + 8} y={node.flannel.y + 33} className="mono device-sub">
            {node.flannel.ip} VXLAN
          </text>
        </g>
      )}

      <g className={cls('device nic', at('nic') && 'active')}>
        <Box r={node.nic} className="nic-box" />
        <text x={node.nic.x + 8} y={node.nic.y + 17} className="mono device-label">
          {node.nic.name} <tspan className="device-sub">{node.nic.ip}</tspan>
        </text>
        <text x={node.nic.x + 8} y={node.nic.y + 33} className="mono device-sub">
          {node.nic.mac}
        </text>
      </g>
    </g>
  );
}
