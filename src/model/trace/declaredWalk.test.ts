import { describe, expect, it } from 'vitest';
import { deriveModel } from '../model';
import { declaredWalk, parseWalkFlags } from './declaredWalk';

const file = (text: string) => [{ name: 'mine.yaml', text }];

describe('declaredWalk', () => {
  it('reads the packet and the what-ifs of a "# packetwalk:" line, in the command line\'s own flags', () => {
    const text =
      '# My app\n# packetwalk: --from pod/shop/client --to http://example.test/cart --down worker-2 --proxy-mode=nftables\nkind: Pod\n';
    const { walk, diagnostics } = declaredWalk(file(text));
    expect(diagnostics).toEqual([]);
    expect(walk).toEqual({
      file: 'mine.yaml',
      flags: {
        from: { kind: 'pod', namespace: 'shop', name: 'client' },
        to: { kind: 'url', url: 'http://example.test/cart' },
        whatIf: { downNodes: ['worker-2'], proxyMode: 'nftables' },
      },
    });
  });

  it("takes the request's method and headers, quoted as in a shell, wherever --to is written", () => {
    const text = `# packetwalk: --method POST --header 'Host: shop.example.test' --to http://192.168.1.240/cart --header "x-canary: true"\n`;
    const { walk, diagnostics } = declaredWalk(file(text));
    expect(diagnostics).toEqual([]);
    expect(walk?.flags.to).toEqual({
      kind: 'url',
      url: 'http://192.168.1.240/cart',
      method: 'POST',
      headers: [
        { name: 'Host', value: 'shop.example.test' },
        { name: 'x-canary', value: 'true' },
      ],
    });
  });

  it('warns at the header that has no colon, and at a header for a packet that is not an HTTP request', () => {
    const bad = parseWalkFlags(`--to http://a.test/ --header 'no colon here'`);
    expect(bad.flags.to).toEqual({ kind: 'url', url: 'http://a.test/' });
    expect(bad.diagnostics).toMatchObject([{ code: 'walk.value.header', params: { value: 'no colon here' }, col: 31 }]);
    const notHttp = parseWalkFlags(`--to web:80 --header 'Host: a.test'`);
    expect(notHttp.flags.to).toEqual({ kind: 'name', name: 'web', port: 80, proto: 'tcp' });
    expect(notHttp.diagnostics.map((d) => d.code)).toEqual(['walk.value.header']);
  });

  it('takes a name, a protocol, a seed, an endpoint and not-ready pods', () => {
    const { flags, diagnostics } = parseWalkFlags(
      '--from client/192.168.1.50 --protocol udp --to kube-dns.kube-system:53 --seed 7 --endpoint 10.244.1.2:53 --not-ready kube-system/coredns-1',
    );
    expect(diagnostics).toEqual([]);
    expect(flags).toEqual({
      from: { kind: 'client', ip: '192.168.1.50' },
      to: { kind: 'name', name: 'kube-dns.kube-system', port: 53, proto: 'udp' },
      seed: 7,
      endpoint: '10.244.1.2:53',
      whatIf: { notReadyPods: ['kube-system/coredns-1'] },
    });
  });

  it('warns at the line and column of each flag that does not parse, and keeps the ones that do', () => {
    const text = '# header\n# packetwalk: --from pods/x --to hostnames:80 --fast --proxy-mode userspace stray --seed\nkind: Pod\n';
    const { walk, diagnostics } = declaredWalk(file(text));
    expect(walk?.flags.to).toEqual({ kind: 'name', name: 'hostnames', port: 80, proto: 'tcp' });
    expect(walk?.flags.from).toBeUndefined();
    const at = (code: string) => diagnostics.find((d) => d.code === code);
    const line2 = text.split('\n')[1]!;
    expect(at('walk.value.from')).toMatchObject({
      severity: 'warning',
      file: 'mine.yaml',
      line: 2,
      col: line2.indexOf('pods/x') + 1,
      params: { value: 'pods/x' },
    });
    expect(at('walk.flag.unknown')).toMatchObject({ line: 2, col: line2.indexOf('--fast') + 1, params: { flag: '--fast' } });
    expect(at('walk.value.proxy-mode')).toMatchObject({ col: line2.indexOf('userspace') + 1 });
    expect(at('walk.flag.stray')).toMatchObject({ col: line2.indexOf('stray') + 1 });
    expect(at('walk.flag.missing')).toMatchObject({ col: line2.indexOf('--seed') + 1, params: { flag: '--seed' } });
    expect(diagnostics).toHaveLength(5);
  });

  it('reads only the comment lines a file starts with, and warns about a second directive', () => {
    expect(declaredWalk(file('kind: Pod\n# packetwalk: --to a:1\n')).walk).toBeNull();
    const { walk, diagnostics } = declaredWalk(file('# packetwalk: --to a:1\n# packetwalk: --to b:2\nkind: Pod\n'));
    expect(walk?.flags.to).toMatchObject({ name: 'a' });
    expect(diagnostics).toMatchObject([{ code: 'walk.duplicate', line: 2, col: 1 }]);
  });

  it("never throws on odd input, and its warnings reach the model's diagnostics", () => {
    for (const line of [
      '# packetwalk:',
      '# packetwalk: --to',
      '# packetwalk: --from= --to=:',
      '# PacketWalk: -- ---x \t',
      '# packetwalk: --to 10.0.0.1:99999',
    ])
      expect(() => declaredWalk(file(`${line}\r\nkind: Pod\n`))).not.toThrow();
    const model = deriveModel(file('# packetwalk: --to nowhere\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n'));
    expect(model.diagnostics).toContainEqual(expect.objectContaining({ code: 'walk.value.to', severity: 'warning', line: 1, col: 20 }));
  });
});
