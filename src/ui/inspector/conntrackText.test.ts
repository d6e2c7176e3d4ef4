import { describe, expect, it } from 'vitest';
import { conntrackText } from './conntrackText';

describe('conntrackText', () => {
  it('prints a DNATed TCP connection as conntrack -L does', () => {
    expect(
      conntrackText({
        proto: 'tcp',
        orig: { src: '10.244.1.8', dst: '10.96.140.18', sport: 43512, dport: 80 },
        reply: { src: '10.244.2.3', dst: '10.244.1.8', sport: 9376, dport: 43512 },
        state: 'SYN_SENT',
        mark: 0,
        dnat: true,
        snat: false,
        timeout: 120,
        node: 'worker-1',
      }),
    ).toBe(
      'tcp      6 120 SYN_SENT src=10.244.1.8 dst=10.96.140.18 sport=43512 dport=80 [UNREPLIED] src=10.244.2.3 dst=10.244.1.8 sport=9376 dport=43512 mark=0 use=1',
    );
  });

  it('prints UDP without a state word', () => {
    const text = conntrackText({
      proto: 'udp',
      orig: { src: '10.244.1.8', dst: '10.96.0.10', sport: 5353, dport: 53 },
      reply: { src: '10.244.0.2', dst: '10.244.1.8', sport: 53, dport: 5353 },
      state: 'UNREPLIED',
      mark: 0,
      dnat: true,
      snat: false,
      timeout: 30,
      node: 'worker-1',
    });
    expect(text.startsWith('udp      17 30 src=10.244.1.8')).toBe(true);
    expect(text).toContain('[UNREPLIED]');
  });
});
