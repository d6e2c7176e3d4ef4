import { describe, expect, it } from 'vitest';
import { fnv32a, generatedName, randomMac, randomSuffix, safeEncodeString, SAFE_ALPHABET, stableUid, templateHash } from './names';

describe('names like the API server makes them', () => {
  it('hashes with FNV-1a 32 as Go does', () => {
    expect(fnv32a('')).toBe(0x811c9dc5);
    expect(fnv32a('a')).toBe(0xe40c292c);
    expect(fnv32a('foobar')).toBe(0xbf9cf968);
  });

  it('safe-encodes digits into the characters real pod-template-hashes use', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
    expect(SAFE_ALPHABET).toBe('bcdfghjklmnpqrstvwxz2456789');
  });

  it('gives a template hash of ComputeHash form that ignores key order and follows content', () => {
    const a = { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'i:1' }] } };
    const b = { spec: { containers: [{ image: 'i:1', name: 'c' }] }, metadata: { labels: { app: 'x' } } };
    expect(templateHash(a)).toMatch(/^[4-9bcdf]{1,10}$/);
    expect(templateHash(a)).toBe(templateHash(b));
    expect(templateHash({ ...a, spec: { containers: [{ name: 'c', image: 'i:2' }] } })).not.toBe(templateHash(a));
  });

  it('makes 5-character suffixes from the alphabet and cuts long bases to 58 characters', () => {
    expect(randomSuffix('seed')).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(randomSuffix('seed')).toBe(randomSuffix('seed'));
    expect(randomSuffix('seed/1')).not.toBe(randomSuffix('seed/2'));
    const long = generatedName(`${'a'.repeat(70)}-`, 's');
    expect(long).toHaveLength(63);
  });

  it('makes locally administered unicast MACs and UUID-shaped uids', () => {
    const mac = randomMac('worker-1/cni0');
    expect(mac).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
    expect(parseInt(mac.slice(0, 2), 16) & 3).toBe(2);
    expect(stableUid('Pod/default/x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('fnv32a over UTF-8', () => {
  it('hashes multi-byte characters by their UTF-8 bytes', () => {
    const byBytes = (bytes: number[]) => bytes.reduce((h, b) => Math.imul(h ^ b, 0x01000193) >>> 0, 0x811c9dc5);
    expect(fnv32a('é')).toBe(byBytes([0xc3, 0xa9]));
    expect(fnv32a('日本')).toBe(byBytes([0xe6, 0x97, 0xa5, 0xe6, 0x9c, 0xac]));
    expect(fnv32a('😀')).toBe(byBytes([0xf0, 0x9f, 0x98, 0x80]));
  });
});
