// The header fields a learner compares before -> after, with changes marked.

import type { Headers } from '../../model';

export interface HeaderRow {
  field: string;
  before: string;
  after: string;
  changed: boolean;
}

const hex = (n: number) => `0x${n.toString(16)}`;

function fields(h: Headers): [string, string][] {
  const out: [string, string][] = [
    ['proto', h.proto],
    ['src', h.src],
    ['sport', String(h.sport)],
    ['dst', h.dst],
    ['dport', String(h.dport)],
  ];
  if (h.tcpFlags) out.push(['flags', h.tcpFlags.join(',')]);
  out.push(['mark', hex(h.mark)]);
  if (h.srcMac) out.push(['src MAC', h.srcMac]);
  if (h.dstMac) out.push(['dst MAC', h.dstMac]);
  if (h.outer) {
    out.push(['outer src', h.outer.src], ['outer dst', h.outer.dst], ['outer dport', String(h.outer.dport)], ['VNI', String(h.outer.vni)]);
    if (h.outer.srcMac) out.push(['outer src MAC', h.outer.srcMac]);
    if (h.outer.dstMac) out.push(['outer dst MAC', h.outer.dstMac]);
  }
  return out;
}

/** Every field either side has, in a stable order; a field only one side has counts as changed. */
export function headerRows(before: Headers, after: Headers): HeaderRow[] {
  const b = new Map(fields(before));
  const a = new Map(fields(after));
  const order = [...new Set([...b.keys(), ...a.keys()])];
  return order.map((field) => {
    const x = b.get(field) ?? '';
    const y = a.get(field) ?? '';
    return { field, before: x, after: y, changed: x !== y };
  });
}
