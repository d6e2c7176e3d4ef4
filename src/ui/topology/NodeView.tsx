// One node: header, pods by workload, cni0, netfilter's hooks, routing, flannel.1, NIC. Boxes
// the walk does not pass through are one-line summaries the learner can unfold.

import { useState, type ReactNode } from 'react';
import { size } from '../../layout/clusterLayout';
import { fonts, textWidth } from '../../layout/textWidth';
import type { Foldable, NodeBox, PodBox, Rect, SpeakerBadge, WorkloadGroup } from '../../layout/types';
import { useApp } from '../../store/react';
import { useT } from '../useT';
import { FitText } from './FitText';
import { activateOnKey, FoldSummary } from './Fold';
import { currentIf, type Highlight } from './highlight';

const cls = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');

function Box({ r, className, rx = 6 }: { r: Rect; className: string; rx?: number }) {
  return <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={rx} className={className} />;
}

/** The ready toggle's square in a pod's top-right corner. */
const toggleSide = size.toggleH;

function PodView({ pod, hl, compact }: { pod: PodBox; hl: Highlight; compact: boolean }) {
  const here = hl.pod === pod.key && (hl.element === 'pod' || hl.element === 'pod-eth0');
  // eth0 is named left of where the veth leaves the pod (the packet's way down).
  const ifEnd = pod.eth0.x - 12;
  const ifW = textWidth('eth0', fonts.monoSmall);
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
      aria-current={currentIf(here)}
    >
      <title>{`${pod.key}\n${pod.ip}${pod.hostNetwork ? ' (hostNetwork)' : ''}`}</title>
      <Box r={pod} className="pod-box" rx={compact ? 4 : 6} />
      {compact ? (
        <FitText x={pod.x + 8} y={pod.y + 16} max={pod.w - 16} className="pod-chip" font={fonts.small} text={pod.name} where="middle" />
      ) : (
        <>
          <FitText
            x={pod.x + 8}
            y={pod.y + 19}
            max={pod.w - 12 - toggleSide}
            className="pod-name"
            font={fonts.title}
            text={pod.name}
            where="middle"
          />
          <FitText
            x={pod.x + 8}
            y={pod.y + 39}
            max={ifEnd - ifW - 6 - (pod.x + 8)}
            className="mono pod-ip"
            font={fonts.monoSmall}
            text={pod.ip}
          />
          <text x={ifEnd} y={pod.y + 39} className="mono pod-if" textAnchor="end">
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
  const line = 15;
  const fit = Math.max(1, Math.floor((dev.h - 26) / line));
  const shown = dev.addresses.length > fit ? dev.addresses.slice(0, fit - 1) : dev.addresses;
  return (
    <>
      <g className={cls('device ipvs', active && 'active')} aria-current={currentIf(active)}>
        <Box r={ipvs} className="ipvs-box" />
        <text x={ipvs.x + 8} y={ipvs.y + 17} className="device-title">
          IPVS
        </text>
        <FitText
          x={ipvs.x + 8}
          y={ipvs.y + 36}
          max={ipvs.w - 16}
          className="mono device-sub"
          font={fonts.mono}
          text={t('ui.topology.ipvsScheduler', { scheduler: ipvs.scheduler })}
        />
      </g>
      <g className="device kube-ipvs0">
        <Box r={dev} className="kube-ipvs0-box" />
        <text x={dev.x + 8} y={dev.y + 17} className="mono device-label">
          kube-ipvs0
        </text>
        {shown.map((a, i) => (
          <FitText
            key={a}
            x={dev.x + 8}
            y={dev.y + 33 + i * line}
            max={dev.w - 16}
            className="mono device-sub"
            font={fonts.mono}
            text={a}
          />
        ))}
        {shown.length < dev.addresses.length && (
          <FitText
            x={dev.x + 8}
            y={dev.y + 33 + shown.length * line}
            max={dev.w - 16}
            className="route-more"
            font={fonts.small}
            text={t('ui.topology.moreAddresses', { count: dev.addresses.length - shown.length })}
          />
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
  const x = pod.x + pod.w - toggleSide - 2;
  const y = pod.y + 2;
  return (
    <g
      className={cls('ready-toggle', forced && 'on')}
      role="button"
      tabIndex={0}
      aria-pressed={forced}
      aria-label={label}
      onClick={toggle}
      onKeyDown={activateOnKey(toggle)}
    >
      <title>{label}</title>
      <rect x={x} y={y} width={toggleSide} height={toggleSide} rx={toggleSide / 2} className="hit" />
      <circle cx={x + toggleSide / 2} cy={y + toggleSide / 2} r={4.5} className="dot" />
    </g>
  );
}

/** The "take down" switch's width for its label. */
const downToggleW = (label: string) => Math.max(84, textWidth(label, fonts.small) + 24);

/** What if this node went down? A button on the node's header. */
function NodeDownToggle({ node, label }: { node: NodeBox; label: string }) {
  const t = useT();
  const down = useApp((s) => s.whatIf.downNodes);
  const setWhatIf = useApp((s) => s.setWhatIf);
  const toggle = () => {
    const next = node.down ? (down ?? []).filter((n) => n !== node.name) : [...(down ?? []), node.name];
    setWhatIf({ downNodes: next.length ? next : undefined });
  };
  const w = downToggleW(label);
  const x = node.x + node.w - w - 14;
  const y = node.y + 30;
  return (
    <g
      className={cls('node-toggle', node.down && 'on')}
      role="button"
      tabIndex={0}
      aria-pressed={node.down}
      aria-label={t(node.down ? 'ui.whatIf.bringUp' : 'ui.whatIf.takeDown', { node: node.name })}
      onClick={toggle}
      onKeyDown={activateOnKey(toggle)}
    >
      <rect x={x} y={y} width={w} height={size.toggleH} rx={size.toggleH / 2} />
      <text x={x + w / 2} y={y + 16} textAnchor="middle">
        {label}
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
  const name = t('ui.metallb.speaker');
  const badgeW = textWidth(name, fonts.smallBold) + 16;
  const leads = speaker.leads.length > 0 && !node.down;
  const textFont = leads || speaker.advertises.length > 0 ? fonts.smallBold : fonts.small;
  const baseline = speaker.y + speaker.h / 2 + 4;
  return (
    <g
      className={cls('speaker', leads && 'leader', speaker.advertises.length > 0 && 'bgp', node.down && 'down')}
      data-speaker={node.name}
      tabIndex={0}
      aria-label={`${title}\n${text}`}
    >
      <title>{`${title}\n${text}`}</title>
      <Box r={speaker} className="speaker-row" />
      <rect x={speaker.x + 3} y={speaker.y + 3} width={badgeW} height={speaker.h - 6} rx={(speaker.h - 6) / 2} className="speaker-badge" />
      <text x={speaker.x + 3 + badgeW / 2} y={baseline} textAnchor="middle" className="speaker-name">
        {name}
      </text>
      <FitText
        x={speaker.x + badgeW + 10}
        y={baseline}
        max={speaker.w - badgeW - 16}
        className="speaker-text"
        font={textFont}
        text={text}
        focusable={false}
      />
    </g>
  );
}

/** Folded boxes the learner opened, by key ('pods', 'netfilter', 'routing'). */
function useUnfolded() {
  const [unfolded, setUnfolded] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (key: string) =>
    setUnfolded((prev) => {
      const next = new Set(prev);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  return { unfolded, toggle };
}

function WorkloadView({ g, hl, label }: { g: WorkloadGroup; hl: Highlight; label: ReactNode }) {
  return (
    <g className={cls('workload', g.origin === 'builtin' && 'builtin', g.ingressController && 'ingress-controller')}>
      {label}
      {g.pods.map((p) => (
        <PodView key={p.key} pod={p} hl={hl} compact={g.compact} />
      ))}
    </g>
  );
}

export function NodeView({ node, hl, overlay }: { node: NodeBox; hl: Highlight; overlay: boolean }) {
  const t = useT();
  const { unfolded, toggle } = useUnfolded();
  const at = (element: string) => hl.node === node.name && hl.element === element;
  const offWalk = t('ui.density.offWalk');
  // Unfolded drawers are drawn last, over the boxes below them.
  const drawers: ReactNode[] = [];
  /** A box as the walk leaves it: open in place, or its summary (and, once opened, its drawer on top). */
  const foldable = (key: string, box: Foldable, label: string, content: ReactNode): ReactNode => {
    if (!box.summary) return content;
    const open = unfolded.has(key);
    const summary = <FoldSummary r={box.summary} label={label} open={open} onToggle={() => toggle(key)} />;
    if (open)
      drawers.push(
        <g key={key} className="drawer" data-fold={key}>
          {content}
          {summary}
        </g>,
      );
    return open ? null : (
      <g key={key} data-fold={key}>
        {summary}
      </g>
    );
  };

  const openPods = node.groups.filter((g) => !g.summary).flatMap((g) => g.pods);
  const cidr = t('ui.topology.podCIDR', { cidr: node.podCIDR });
  const cidrW = textWidth(cidr, fonts.mono);
  const toggleLabel = t(node.down ? 'ui.whatIf.down' : 'ui.whatIf.up');
  const tags = [node.controlPlane && 'control-plane', node.tainted && 'NoSchedule', node.origin === 'default' && t('ui.topology.default')]
    .filter(Boolean)
    .join(' · ');
  const routeCount = node.routing.routes.length + node.routing.more;
  const hookFocus = at('netfilter') && node.netfilter.hooks.some((h) => h.hook === hl.hook);
  const flannelHere = at('flannel.1');

  const groups = node.groups.map((g) => {
    const key = `${g.namespace}/${g.workload}`;
    const names = [...new Set(g.pods.map((p) => p.workload))].join(t('ui.density.and'));
    const title = g.compact ? t('ui.topology.systemPods') : g.namespace === 'default' ? g.workload : key;
    const tag = g.ingressController ? ` ${t('ui.topology.ingressController')}` : '';
    const label = (
      <FitText
        x={g.x}
        y={g.y + 16}
        max={g.w}
        className="workload-name"
        runs={[{ text: title, font: fonts.smallBold }, ...(tag ? [{ text: tag, font: fonts.smallBold, className: 'ingress-tag' }] : [])]}
      />
    );
    return (
      <g key={key}>
        {foldable(
          'pods',
          g,
          t(g.pods.length === 1 ? 'ui.density.systemPods.one' : 'ui.density.systemPods.other', { count: g.pods.length, names }),
          <>
            {g.summary && <Box r={{ x: g.x - 4, y: g.y, w: g.w + 8, h: g.h + 4 }} className="drawer-box" />}
            <WorkloadView g={g} hl={hl} label={g.summary ? null : label} />
          </>,
        )}
      </g>
    );
  });

  const netfilter = foldable(
    'netfilter',
    node.netfilter,
    [t('ui.topology.netfilter'), t('ui.density.hooks', { count: node.netfilter.hooks.length }), node.ipvs && 'IPVS', offWalk]
      .filter(Boolean)
      .join(' · '),
    <>
      <g className={cls('device netfilter', at('netfilter') && 'active')} aria-current={currentIf(at('netfilter') && !hookFocus)}>
        <Box r={node.netfilter} className="netfilter-box" />
        <text x={node.netfilter.x + 8} y={node.netfilter.y + 16} className="device-title">
          {t('ui.topology.netfilter')}
        </text>
        {node.netfilter.hooks.map((h) => {
          const here = at('netfilter') && hl.hook === h.hook;
          return (
            <g key={h.hook} className={cls('hook', here && 'active')} aria-current={currentIf(here)}>
              <Box r={h} className="hook-box" rx={3} />
              <text x={h.x + 6} y={h.y + h.h - 5} className="mono hook-label">
                {h.hook}
              </text>
            </g>
          );
        })}
      </g>
      {node.ipvs && <IpvsView ipvs={node.ipvs} active={at('ipvs')} />}
    </>,
  );

  const routing = foldable(
    'routing',
    node.routing,
    [
      t('ui.topology.routing'),
      t(routeCount === 1 ? 'ui.density.routes.one' : 'ui.density.routes.other', { count: routeCount }),
      offWalk,
    ].join(' · '),
    <g className={cls('device routing', at('routing') && 'active')} aria-current={currentIf(at('routing'))}>
      <Box r={node.routing} className="routing-box" />
      <FitText
        x={node.routing.x + 8}
        y={node.routing.y + 16}
        max={node.routing.w - 16}
        className="device-title"
        runs={[
          { text: `${t('ui.topology.routing')} `, font: fonts.title },
          { text: 'ip route', font: fonts.monoBold, className: 'mono device-sub' },
        ]}
      />
      {node.routing.routes.map((r, i) => (
        <FitText
          key={r.text}
          x={node.routing.x + 8}
          y={node.routing.y + 36 + i * 16}
          max={node.routing.w - 16}
          className={cls(
            'mono route-line',
            at('routing') && hl.route?.dst === r.dst && (!hl.route.dev || hl.route.dev === r.dev) && 'chosen',
          )}
          font={fonts.monoSmallBold}
          text={r.text}
        />
      ))}
      {node.routing.more > 0 && (
        <FitText
          x={node.routing.x + 8}
          y={node.routing.y + 36 + node.routing.routes.length * 16}
          max={node.routing.w - 16}
          className="route-more"
          font={fonts.small}
          text={t('ui.topology.moreRoutes', { count: node.routing.more })}
        />
      )}
    </g>,
  );

  return (
    <g
      className={cls('node', hl.node === node.name && 'current', node.down && 'down')}
      data-node={node.name}
      // Without the overlay layer flannel.1 is not drawn: the node stands for it.
      aria-current={currentIf(flannelHere && !overlay)}
    >
      <Box r={node} className="node-box" rx={10} />
      <FitText x={node.x + 14} y={node.y + 24} max={node.w - 40 - cidrW} className="node-name" font={fonts.nodeName} text={node.name} />
      <text x={node.x + node.w - 14} y={node.y + 24} className="mono node-meta" textAnchor="end">
        {cidr}
      </text>
      {tags && (
        <FitText
          x={node.x + 14}
          y={node.y + 47}
          max={node.w - 40 - downToggleW(toggleLabel)}
          className="node-tags"
          font={fonts.small}
          text={tags}
        />
      )}
      <NodeDownToggle node={node} label={toggleLabel} />
      {node.speaker && <SpeakerView node={node} speaker={node.speaker} />}

      {/* Under the pods, so a veth never crosses another pod's box. */}
      {openPods
        .filter((p) => !p.hostNetwork)
        .map((p) => {
          const here = hl.pod === p.key && hl.element === 'veth';
          return (
            <line
              key={p.key}
              x1={p.eth0.x}
              y1={p.eth0.y}
              x2={p.eth0.x}
              y2={node.cni0.y}
              className={cls('veth', here && 'active')}
              aria-current={currentIf(here)}
            />
          );
        })}

      {groups}

      {node.more && (
        <FitText
          x={node.more.x}
          y={node.more.y}
          max={node.cni0.w}
          className="more-objects"
          font={fonts.small}
          text={t('ui.topology.moreWorkloads', { workloads: node.more.workloads, pods: node.more.pods })}
        />
      )}

      <g className={cls('device bridge', at('cni0') && 'active')} aria-current={currentIf(at('cni0'))}>
        <Box r={node.cni0} className="bridge-box" rx={4} />
        <FitText
          x={node.cni0.x + 10}
          y={node.cni0.y + 18}
          max={node.cni0.w - 20}
          className="mono device-label"
          runs={[
            { text: 'cni0 ', font: fonts.monoBold },
            { text: node.cni0.ip, font: fonts.monoBold, className: 'device-sub' },
          ]}
        />
      </g>

      {netfilter}
      {routing}

      {overlay && (
        <g className={cls('device flannel', flannelHere && 'active')} aria-current={currentIf(flannelHere)}>
          <Box r={node.flannel} className="flannel-box" />
          <FitText
            x={node.flannel.x + 8}
            y={node.flannel.y + 20}
            max={node.flannel.w - 16}
            className="mono device-label"
            font={fonts.monoBold}
            text={node.flannel.name}
          />
          <FitText
            x={node.flannel.x + 8}
            y={node.flannel.y + 39}
            max={node.flannel.w - 16}
            className="mono device-sub"
            font={fonts.mono}
            text={`${node.flannel.ip} VXLAN`}
          />
        </g>
      )}

      <g className={cls('device nic', at('nic') && 'active')} aria-current={currentIf(at('nic'))}>
        <Box r={node.nic} className="nic-box" />
        <FitText
          x={node.nic.x + 8}
          y={node.nic.y + 20}
          max={node.nic.w - 16}
          className="mono device-label"
          runs={[
            { text: `${node.nic.name} `, font: fonts.monoBold },
            { text: node.nic.ip, font: fonts.monoBold, className: 'device-sub' },
          ]}
        />
        <FitText
          x={node.nic.x + 8}
          y={node.nic.y + 39}
          max={node.nic.w - 16}
          className="mono device-sub"
          font={fonts.mono}
          text={node.nic.mac}
        />
      </g>

      {drawers}
    </g>
  );
}
