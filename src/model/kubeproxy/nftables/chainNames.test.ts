import { describe, expect, it } from 'vitest';
import { endpointNameBase, servicePortNameBase } from './chainNames';

describe('nftables chain names', () => {
  it('put 8 base32 characters of SHA-256 before the readable name (upstream: ULMVA6XW-ns1/svc1/tcp/p80)', () => {
    expect(servicePortNameBase('ns1', 'svc1', 'tcp', 'p80')).toBe('ULMVA6XW-ns1/svc1/tcp/p80');
    expect(endpointNameBase('ns1', 'svc1', 'tcp', 'p80', '10.180.0.1', 80)).toBe('5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80');
  });

  it('cut a name longer than 240 characters to 237 and "...", the hash still telling it apart', () => {
    const long = 'n'.repeat(63);
    const a = endpointNameBase(long, long, 'sctp', long, 'fd00:1111:2222:3333:4444:5555:6666:7777', 65535);
    const b = endpointNameBase(long, long, 'sctp', long, 'fd00:1111:2222:3333:4444:5555:6666:7778', 65535);
    expect(a).toHaveLength(240);
    expect(a.endsWith('...')).toBe(true);
    expect(a.slice(0, 8)).not.toBe(b.slice(0, 8));
    expect(a).not.toContain(':');
  });
});
