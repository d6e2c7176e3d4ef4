import { describe, expect, it } from 'vitest';
import type { Headers } from '../../model';
import { headerRows } from './headerRows';

const syn: Headers = { proto: 'tcp', src: '10.244.1.8', sport: 43512, dst: '10.96.140.18', dport: 80, tcpFlags: ['SYN'], mark: 0 };

describe('headerRows', () => {
  it('marks exactly the fields DNAT rewrote', () => {
    const rows = headerRows(syn, { ...syn, dst: '10.244.2.3', dport: 9376 });
    expect(rows.filter((r) => r.changed).map((r) => r.field)).toEqual(['dst', 'dport']);
    expect(rows.find((r) => r.field === 'dst')).toMatchObject({ before: '10.96.140.18', after: '10.244.2.3' });
  });

  it('shows the outer headers VXLAN adds as changed', () => {
    const rows = headerRows(syn, { ...syn, outer: { src: '192.168.1.11', dst: '192.168.1.12', sport: 1, dport: 8472, vni: 1 } });
    expect(rows.filter((r) => r.changed).map((r) => r.field)).toEqual(['outer src', 'outer dst', 'outer dport', 'VNI']);
  });

  it('prints the mark in hex, as iptables does', () => {
    expect(headerRows({ ...syn, mark: 0x4000 }, syn)[6]).toMatchObject({ field: 'mark', before: '0x4000', after: '0x0', changed: true });
  });
});
