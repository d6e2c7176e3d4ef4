// `packetwalk convert`: ingress2gateway's YAML on stdout, its notes on stderr at the Ingress they
// are about, exit 1 only when there is no Ingress to convert.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runMain, runProcess } from './runCli';

const input = 'src/model/convert/testdata/multiple-rules-tls.yaml';
const expected = readFileSync(join(root, 'src/model/convert/testdata/multiple-rules-tls.out.yaml'), 'utf8');

describe('packetwalk convert', () => {
  it('as a process: the Gateway and HTTPRoutes on stdout as ingress2gateway prints them, notes on stderr with file:line:col, exit 0', () => {
    const { code, out, err } = runProcess(
      ['convert', '-f', '-', '--to', 'gateway-api', '-o', 'yaml'],
      readFileSync(join(root, input), 'utf8'),
    );
    expect(code).toBe(0);
    expect(out).toBe(expected);
    const lines = err.trimEnd().split('\n');
    expect(lines).toContain(
      '<stdin>:21:7: info: HTTPRoute default/example-ingress-bar-example-com made from the rules for host bar.example.com (1 rule(s), first in Ingress default/example-ingress)',
    );
    expect(lines.at(-1)).toBe('packetwalk: converted 1 Ingress(es) into 3 Gateway API object(s) as ingress2gateway v1.1.0 would');
  }, 120_000);

  it('-o json prints the same objects as a JSON list', async () => {
    const { code, out } = await runMain(['convert', '-f', input, '--to', 'gateway-api', '-o', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(out).map((o: { kind: string; metadata: { name: string } }) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Gateway/nginx',
      'HTTPRoute/example-ingress-bar-example-com',
      'HTTPRoute/example-ingress-foo-example-com',
    ]);
  });

  it('speaks Chinese when asked: the notes come from the catalogue', async () => {
    const { err } = await runMain(['convert', '-f', input, '--to', 'gateway-api'], '', undefined, 'zh-CN');
    expect(err).toContain('HTTPRoute default/example-ingress-foo-example-com 由主机 foo.example.com 的规则生成');
  });

  it('no Ingress at all: exit 1 saying so, nothing on stdout', async () => {
    const { code, out, err } = await runMain(
      ['convert', '-f', '-', '--to', 'gateway-api'],
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n',
    );
    expect([code, out]).toEqual([1, '']);
    expect(err).toBe('packetwalk: no Ingress in the manifests, so there is nothing to convert\n');
  });

  it('--to is required and must be gateway-api (exit 2, before any file is read)', async () => {
    const missing = await runMain(['convert', '-f', 'no-such-file.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^packetwalk: convert needs --to gateway-api/);
    expect((await runMain(['convert', '-f', input, '--to', 'istio'])).code).toBe(2);
  });
});
