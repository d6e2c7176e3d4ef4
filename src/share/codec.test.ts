import { randomBytes } from 'node:crypto';
import { deflateRawSync, constants } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { scenarioText } from '../../e2e/fixtures/scenario';
import { decodeShare, encodeShare, shareLimits } from './codec';
import { v1Links as fixtures } from '../../e2e/fixtures/links';
import type { ShareState } from './state';

/** A v1 fragment holding exactly these bytes, deflated: what a tampering hand could make. */
const rawLink = (bytes: Uint8Array | string) =>
  `v1.${deflateRawSync(typeof bytes === 'string' ? Buffer.from(bytes) : bytes).toString('base64url')}`;
const jsonLink = (value: unknown) => rawLink(JSON.stringify(value));

describe('links made by earlier versions', () => {
  // These strings were made once and committed: they must open the same way forever.
  it.each(fixtures.map((f) => [f.name, f] as const))('%s still decodes to its state', async (_, f) => {
    expect(await decodeShare(f.link)).toEqual({ ok: true, state: f.state });
  });
});

describe('round trip', () => {
  const states: [string, ShareState][] = [
    ['the smallest state', { v: 1, text: '' }],
    [
      'a scenario at a step',
      {
        v: 1,
        text: scenarioText('hostnames'),
        scenario: 'hostnames',
        packet: { from: 'pod/default/client', to: '10.103.92.24:80' },
        step: 9,
      },
    ],
    [
      'every field',
      {
        v: 1,
        text: '# 中文注释（全角）🚀\nkind: Service\n',
        scenario: 'etp-local',
        packet: { from: 'client/192.168.1.50', to: 'kube-dns.kube-system:53', protocol: 'udp', seed: -3, endpoint: '10.244.1.3:53' },
        step: 2,
        whatIf: {
          proxyMode: 'ipvs',
          downNodes: ['worker-2'],
          notReadyPods: ['default/web-0'],
          externalTrafficPolicy: { 'default/web': 'Local' },
        },
        layers: { overlay: false, ingress: false },
        compare: 'default/web',
      },
    ],
    ['a URL with a query', { v: 1, text: 'x', packet: { from: 'client', to: 'https://shop.test/cart?id=1&x=%20' } }],
  ];
  it.each(states)('%s', async (_, state) => {
    const fragment = await encodeShare(state);
    expect(fragment).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(await decodeShare(fragment)).toEqual({ ok: true, state });
  });

  it('a link is shorter than the manifests it carries', async () => {
    for (const id of ['hostnames', 'ingress-fanout', 'metallb-bgp']) {
      const text = scenarioText(id);
      expect((await encodeShare({ v: 1, text, scenario: id })).length).toBeLessThan(text.length);
    }
  });
});

describe('hostile links', () => {
  it('a link cut short, or with a character changed, is corrupt', async () => {
    const link = fixtures[0]!.link;
    expect(await decodeShare(link.slice(0, link.length - 40))).toEqual({ ok: false, problem: 'corrupt' });
    expect(await decodeShare(`${link.slice(0, 40)}!${link.slice(41)}`)).toEqual({ ok: false, problem: 'corrupt' });
    expect(await decodeShare('v1.')).toEqual({ ok: false, problem: 'corrupt' });
    expect(await decodeShare('v1.AAAA')).toEqual({ ok: false, problem: 'corrupt' });
    expect(await decodeShare('hello')).toEqual({ ok: false, problem: 'corrupt' });
  });

  it('a link from a newer version says so', async () => {
    expect(await decodeShare(`v9.${fixtures[0]!.link.slice(3)}`)).toEqual({ ok: false, problem: 'unknown-version' });
    expect(await decodeShare('v2.anything')).toEqual({ ok: false, problem: 'unknown-version' });
  });

  it('a decompression bomb stops at the cap without inflating the rest', async () => {
    // 1 GB of zeros as a thousand copies of one self-contained 1 MB block: about 1 MB of link.
    const block = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: constants.Z_FULL_FLUSH });
    const bomb = Buffer.concat([...Array<Buffer>(1000).fill(block), deflateRawSync(Buffer.alloc(0))]);
    const fragment = `v1.${bomb.toString('base64url')}`;
    expect(fragment.length).toBeLessThan(shareLimits.fragment);
    const before = process.memoryUsage().arrayBuffers + process.memoryUsage().heapUsed;
    const started = performance.now();
    expect(await decodeShare(fragment)).toEqual({ ok: false, problem: 'too-large' });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(process.memoryUsage().arrayBuffers + process.memoryUsage().heapUsed - before).toBeLessThan(200 << 20);
  });

  it('5 MB of YAML is too large, whether it compresses well or not', async () => {
    const doc = (i: number) => `---\nkind: Pod\nmetadata:\n  name: pod-${i}\n`;
    let repetitive = '';
    for (let i = 0; repetitive.length < 5e6; i++) repetitive += doc(i);
    expect(await decodeShare(await encodeShare({ v: 1, text: repetitive }))).toEqual({ ok: false, problem: 'too-large' });
    // Random names hardly compress: this one is refused by its length before anything is inflated.
    let random = '';
    while (random.length < 5e6) random += `---\nkind: Pod\nmetadata:\n  name: ${randomBytes(48).toString('base64url')}\n`;
    const fragment = await encodeShare({ v: 1, text: random });
    expect(fragment.length).toBeGreaterThan(shareLimits.fragment);
    expect(await decodeShare(fragment)).toEqual({ ok: false, problem: 'too-large' });
  });

  const notStates: [string, string][] = [
    ['not JSON', rawLink('kind: Pod')],
    ['not UTF-8', rawLink(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))],
    ['an array', jsonLink([1, 2])],
    ['no version', jsonLink({ text: 'a' })],
    ['another version inside', jsonLink({ v: 2, text: 'a' })],
    ['no text', jsonLink({ v: 1 })],
    ['text not a string', jsonLink({ v: 1, text: { toString: 'x' } })],
    ['an unknown field', jsonLink({ v: 1, text: 'a', script: 'alert(1)' })],
    ['__proto__', '__proto__'],
    ['a step of 0', jsonLink({ v: 1, text: 'a', step: 0 })],
    ['a fractional step', jsonLink({ v: 1, text: 'a', step: 1.5 })],
    ['a step as text', jsonLink({ v: 1, text: 'a', step: '3' })],
    ['a source that is no source', jsonLink({ v: 1, text: 'a', packet: { from: 'pod/a/b/c', to: '1.2.3.4:80' } })],
    ['a target that is no target', jsonLink({ v: 1, text: 'a', packet: { from: 'client', to: 'javascript:alert(1)' } })],
    ['a packet without its target', jsonLink({ v: 1, text: 'a', packet: { from: 'client' } })],
    ['an unknown protocol', jsonLink({ v: 1, text: 'a', packet: { from: 'client', to: '1.2.3.4:80', protocol: 'icmp' } })],
    ['an endpoint that is no address', jsonLink({ v: 1, text: 'a', packet: { from: 'client', to: '1.2.3.4:80', endpoint: '<b>' } })],
    ['an unknown proxy mode', jsonLink({ v: 1, text: 'a', whatIf: { proxyMode: 'userspace' } })],
    ['nodes that are not names', jsonLink({ v: 1, text: 'a', whatIf: { downNodes: [1] } })],
    ['a policy for an odd key', jsonLink({ v: 1, text: 'a', whatIf: { externalTrafficPolicy: { __proto__x: 'Local' } } })],
    ['a policy that is neither', jsonLink({ v: 1, text: 'a', whatIf: { externalTrafficPolicy: { 'default/web': 'Both' } } })],
    ['an unknown layer', jsonLink({ v: 1, text: 'a', layers: { secrets: true } })],
    ['a layer that is not on or off', jsonLink({ v: 1, text: 'a', layers: { dns: 'no' } })],
    ['a scenario id with a slash', jsonLink({ v: 1, text: 'a', scenario: '../index' })],
    ['a comparison of no Service', jsonLink({ v: 1, text: 'a', compare: 'web' })],
  ];
  it.each(notStates)('%s is not a state', async (name, fragment) => {
    const link = name === '__proto__' ? rawLink('{"v":1,"text":"a","__proto__":{"polluted":true}}') : fragment;
    expect(await decodeShare(link)).toEqual({ ok: false, problem: 'not-a-state' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
