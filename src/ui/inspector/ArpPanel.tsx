// For an ARP step on the LAN: the request and the reply as tcpdump -e prints them, MetalLB's
// election order for the address, and on fail-over the gratuitous ARP of the new leader.

import { lanClient, type ArpExchange, type Step, type Trace } from '../../model';
import { useApp } from '../../store/react';
import { useT } from '../useT';

const broadcast = 'ff:ff:ff:ff:ff:ff';

/** A step of the walk with an ARP exchange. */
export const isArpStep = (step: Step): step is Step & { arp: ArpExchange } => step.arp !== undefined;

interface Frame {
  kind: 'request' | 'reply' | 'gratuitous';
  eth: string;
  arp: string;
}

export function ArpPanel({ trace, arp }: { trace: Trace; arp: ArpExchange }) {
  const t = useT();
  const state = useApp((s) => s.shown?.state);
  if (!state) return null;
  const { ip } = arp;
  const from = trace.spec.from;
  const client = lanClient(state, from.kind === 'client' ? from.ip : undefined);
  const frames: Frame[] = [];
  if (arp.kind === 'gratuitous') {
    const failover = state.metallb?.failovers.find((f) => f.ip === ip);
    for (const g of failover?.gratuitous ?? [])
      frames.push({
        kind: 'gratuitous',
        eth: `${g.senderMAC} > ${g.ethDst}`,
        arp: g.op === 'request' ? `Request who-has ${g.targetIP} tell ${g.senderIP}` : `Reply ${g.senderIP} is-at ${g.senderMAC}`,
      });
  } else {
    frames.push({ kind: 'request', eth: `${client.mac} > ${broadcast}`, arp: `Request who-has ${ip} tell ${client.ip}` });
    if (arp.answeredBy)
      frames.push({ kind: 'reply', eth: `${arp.answeredBy.mac} > ${client.mac}`, arp: `Reply ${ip} is-at ${arp.answeredBy.mac}` });
  }
  const candidates = arp.candidates ?? [];
  return (
    <section className="arp-panel" aria-label={t('ui.arp.heading')}>
      <h3>{t('ui.arp.heading')}</h3>
      <table className="arp-frames">
        <tbody>
          {frames.map((f, i) => (
            <tr key={i} className={f.kind}>
              <th scope="row">{t(`ui.arp.${f.kind}`)}</th>
              <td className="mono">
                <span data-raw>{f.eth}</span>
                <br />
                <strong data-raw>{f.arp}</strong>
              </td>
            </tr>
          ))}
          {arp.kind === 'unanswered' && (
            <tr className="none">
              <th scope="row">{t('ui.arp.reply')}</th>
              <td>{t('ui.arp.noReply')}</td>
            </tr>
          )}
        </tbody>
      </table>
      {candidates.length > 0 && (
        <p className="arp-election">{t('ui.arp.election', { ip, order: candidates.join(' › '), node: candidates[0] })}</p>
      )}
    </section>
  );
}
