// One node: header, pods by workload, cni0, netfilter's hooks, routing, flannel.1, NIC.

import type { NodeBox, PodBox, Rect, SpeakerBadge } from '../../layout/types';
import { useApp } from '../../store/react';
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
            {ellipsize(pod.name, 20)}
          </text>
          <text x={pod.x + 8} y={pod.y + 34} className="mono pod-ip">
            {pod.ip}
          </text>
          <text x={pod.x + pod.w - 8} y={pod.y + 34} className="mono pod-if" textAnchor="end">
            eth0
          </text>
        </>
      )}
      {!compact && <ReadyToggle pod={pod} />}
    </g>
  );
}

function IpvsView({ ipvs, active }: { ipvs: NonNullable<NodeBox['ipvs']>; active: boolean }) {
  const t = useT();
  const dev = ipvs.kubeIpvs0;
  const fit = Math.max(1, Math.floor((dev.h - 22) / 12));
  const shown = dev.addresses.length > fit ? dev.addresses.slice(0, fit - 1) : dev.addresses;
  return (
    <>
      <g className={cls('device ipvs', active && 'active')}>
        <Box r={ipvs} className="ipvs-box" />
        <text x={ipvs.x + 8} y={ipvs.y + 15} className="device-title">
          IPVS
        </text>
        <text x={ipvs.x + 8} y={ipvs.y + 31} className="mono device-sub">
          {t('ui.topology.ipvsScheduler', { scheduler: ipvs.scheduler })}
        </text>
      </g>
      <g className="device kube-ipvs0">
        <Box r={dev} className="kube-ipvs0-box" />
        <text x={dev.x + 8} y={dev.y + 14} className="mono device-label">
          kube-ipvs0
        </text>
        {shown.map((a, i) => (
          <text key={a} x={dev.x + 8} y={dev.y + 28 + i * 12} className="mono device-sub">
            {a}
          </text>
        ))}
        {shown.length < dev.addresses.length && (
          <text x={dev.x + 8} y={dev.y + 28 + shown.length * 12} className="route-more">
            {t('ui.topology.moreAddresses', { count: dev.addresses.length - shown.length })}
          </text>
        )}
      </g>
    </>
  );
}

/** What if this pod's readiness probe failed? A dot on the pod: filled when ready. */
function ReadyToggle({ pod }: { pod: PodBox }) {
  const t = useT();
  const notReady = useApp((s) => s.whatIf.notReadyPods);
  const setWhatIf = useApp((s) => s.setWhatIf);
  const forced = notReady?.includes(pod.key) ?? false;
  const toggle = () => {
    const next = forced ? (notReady ?? []).filter((p) => p !== pod.key) : [...(notReady ?? []), pod.key];
    setWhatIf({ notReadyPods: next.length ? next : undefined });
  };
  // A pod the manifests already make unready cannot be made ready from here.
  if (!pod.ready && !forced) return null;
  const label = t(forced ? 'ui.whatIf.makeReady' : 'ui.whatIf.makeNotReady', { pod: pod.key });
  return (
    <g
      className={cls('ready-toggle', forced && 'on')}
      role="button"
      tabIndex={0}
      aria-pressed={forced}
      aria-label={label}
      onClick={toggle}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          toggle();
        }
      }}
    >
      <title>{label}</title>
      <circle cx={pod.x + pod.w - 9} cy={pod.y + 9} r={7} className="hit" />
      <circle cx={pod.x + pod.w - 9} cy={pod.y + 9} r={3.5} className="dot" />
    </g>
  );
}

/** What if this node went down? A button on the node's header. */
function NodeDownToggle({ node }: { node: NodeBox }) {
  const t = useT();
  const down = useApp((s) => s.whatIf.downNodes);
  const setWhatIf = useApp((s) => s.setWhatIf);
  const toggle = () => {
    const next = node.down ? (down ?? []).filter((n) => n !== node.name) : [...(down ?? []), node.name];
    setWhatIf({ downNodes: next.length ? next : undefined });
  };
  const w = 92;
  const x = node.x + node.w - w - 10;
  const y = node.y + 27;
  return (
    <g
      className={cls('node-toggle', node.down && 'on')}
      role="button"
      tabIndex={0}
      aria-pressed={node.down}
      aria-label={t(node.down ? 'ui.whatIf.bringUp' : 'ui.whatIf.takeDown', { node: node.name })}
      onClick={toggle}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          toggle();
        }
      }}
    >
      <rect x={x} y={y} width={w} height={15} rx={7.5} />
      <text x={x + w / 2} y={y + 11} textAnchor="middle">
        {t(node.down ? 'ui.whatIf.down' : 'ui.whatIf.up')}
      </text>
    </g>
  );
}

/** MetalLB's speaker on this node: the IPs it answers ARP for, its BGP routes, the election order on hover. */
function SpeakerView({ node, speaker }: { node: NodeBox; speaker: SpeakerBadge }) {
  const t = useT();
  const standby = speaker.elections.filter((e) => e.order[0] !== node.name);
  const text = node.down
    ? t('ui.metallb.speakerDown')
    : speaker.tookOver.length
      ? t('ui.metallb.tookOver', { ips: speaker.leads.join(', '), from: speaker.tookOver.map((f) => f.from).join(', ') })
      : speaker.leads.length
        ? t('ui.metallb.leads', { ips: speaker.leads.join(', ') })
        : speaker.advertises.length
          ? t('ui.metallb.advertises', { prefixes: [...new Set(speaker.advertises.map((a) => `${a.prefix} → ${a.peer}`))].join(', ') })
          : standby.length
            ? t('ui.metallb.standby', { ip: standby[0].ip, rank: standby[0].order.indexOf(node.name) + 1 })
            : t('ui.metallb.idle');
  const title = [
    t('ui.metallb.speakerOf', { node: node.name }),
    ...speaker.elections.map((e) => t('ui.metallb.election', { ip: e.ip, service: e.service, order: e.order.join(' › ') })),
  ].join('\n');
  const badgeW = 58;
  return (
    <g
      className={cls(
        'speaker',
        speaker.leads.length > 0 && !node.down && 'leader',
        speaker.advertises.length > 0 && 'bgp',
        node.down && 'down',
      )}
      data-speaker={node.name}
      tabIndex={0}
      aria-label={`${title}\n${text}`}
    >
      <title>{title}</title>
      <rect x={speaker.x} y={speaker.y} width={badgeW} height={speaker.h} rx={speaker.h / 2} className="speaker-badge" />
      <text x={speaker.x + badgeW / 2} y={speaker.y + speaker.h - 5} textAnchor="middle" className="speaker-name">
        {t('ui.metallb.speaker')}
      </text>
      <text x={speaker.x + badgeW + 6} y={speaker.y + speaker.h - 5} className="speaker-text">
        {text}
      </text>
    </g>
  );
}

export function NodeView({ node, hl, overlay }: { node: NodeBox; hl: Highlight; overlay: boolean }) {
  const t = useT();
  const at = (element: string) => hl.node === node.name && hl.element === element;
  const pods = node.groups.flatMap((g) => g.pods);
  return (
    <g className={cls('node', hl.node === node.name && 'current', node.down && 'down')} data-node={node.name}>
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
      <NodeDownToggle node={node} />
      {node.speaker && <SpeakerView node={node} speaker={node.speaker} />}

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
        <g
          key={`${g.namespace}/${g.workload}`}
          className={cls('workload', g.origin === 'builtin' && 'builtin', g.ingressController && 'ingress-controller')}
        >
          <text x={g.x} y={g.y + 12} className="workload-name">
            {g.compact ? t('ui.topology.systemPods') : g.namespace === 'default' ? g.workload : `${g.namespace}/${g.workload}`}
            {g.ingressController && <tspan className="ingress-tag"> {t('ui.topology.ingressController')}</tspan>}
          </text>
          {g.pods.map((p) => (
            <PodView key={p.key} pod={p} hl={hl} compact={g.compact} />
          ))}
        </g>
      ))}

      {node.more && (
        <text x={node.more.x} y={node.more.y} className="more-objects">
          {t('ui.topology.moreWorkloads', { workloads: node.more.workloads, pods: node.more.pods })}
        </text>
      )}

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
        <text x={node.routing.x + 8} y={node.routing.y + 14} className="device-title">
          {t('ui.topology.routing')} <tspan className="mono device-sub">ip route</tspan>
        </text>
        {node.routing.routes.map((r, i) => (
          <text
            key={r.text}
            x={node.routing.x + 8}
            y={node.routing.y + 30 + i * 13}
            className={cls(
              'mono route-line',
              at('routing') && hl.route?.dst === r.dst && (!hl.route.dev || hl.route.dev === r.dev) && 'chosen',
            )}
          >
            {r.text}
          </text>
        ))}
        {node.routing.more > 0 && (
          <text x={node.routing.x + 8} y={node.routing.y + 30 + node.routing.routes.length * 13} className="route-more">
            {t('ui.topology.moreRoutes', { count: node.routing.more })}
          </text>
        )}
      </g>

      {node.ipvs && <IpvsView ipvs={node.ipvs} active={at('ipvs')} />}

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
