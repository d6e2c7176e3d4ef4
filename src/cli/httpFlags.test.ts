// `trace --to URL --method M --header 'Name: value'`: the request ingress-nginx (and Envoy) sees,
// a Host header sending it by address as curl does, and --repeat's outcomes as one JSON list.
import { describe, expect, it } from 'vitest';
import { runMain as run } from './runCli';

const vhosts = 'public/scenarios/ingress-vhosts.yaml';
const trace = (...args: string[]) => run(['trace', '-f', vhosts, '--from', 'client', ...args]);

describe('trace with HTTP flags', () => {
  it("a Host header replaces the URL's host: by the controller's address, blog.test's Ingress answers", async () => {
    const bare = JSON.parse((await trace('--to', 'http://192.168.1.240/', '-o', 'json')).out);
    expect(bare.outcome.http).toMatchObject({ status: 404, host: '192.168.1.240' });
    const { code, out } = await trace('--to', 'http://192.168.1.240/', '--header', 'Host: blog.test:80', '--method', 'POST', '-o', 'json');
    expect(code).toBe(0);
    const t = JSON.parse(out);
    expect(t.outcome.http).toMatchObject({ status: 200, host: 'blog.test', ingress: 'default/vhosts' });
    expect(t.outcome.service).toBe('default/blog');
    expect(t.spec.to).toEqual({
      kind: 'url',
      url: 'http://192.168.1.240/',
      method: 'POST',
      headers: [{ name: 'Host', value: 'blog.test:80' }],
    });
  });

  it('the last Host header counts, and other headers ride along untouched', async () => {
    const { out } = await trace(
      '--to',
      'http://x.apps.test/',
      '--header',
      'Host: nowhere.test',
      '--header',
      'X-Canary:  always ',
      '--header',
      'host: blog.test',
      '-o',
      'json',
    );
    const t = JSON.parse(out);
    expect(t.outcome.http.host).toBe('blog.test');
    expect(t.spec.to.headers[1]).toEqual({ name: 'X-Canary', value: 'always' });
  });

  it('--repeat N -o json prints the N outcomes as one list', async () => {
    const { code, out } = await trace('--to', 'http://blog.test/', '--repeat', '3', '-o', 'json');
    expect(code).toBe(0);
    const outcomes = JSON.parse(out);
    expect(outcomes).toHaveLength(3);
    for (const o of outcomes) expect(o).toMatchObject({ result: 'delivered', service: 'default/blog', http: { status: 200 } });
    expect(outcomes[0].steps).toBeUndefined();
  });

  it.each([
    [['--to', 'http://blog.test/', '--method', 'GET POST'], '--method: "GET POST" is not an HTTP method'],
    [['--to', 'http://blog.test/', '--header', 'Host blog.test'], `--header: "Host blog.test" is not a header; write it as 'Name: value'`],
    [['--to', 'http://blog.test/', '--header', ': x'], '--header: ": x" is not a header'],
    [['--to', '10.96.0.10:53', '--method', 'GET'], '--method belongs to an HTTP request: give --to http://HOST/PATH'],
    [['--header', 'Host: a'], '--header belongs to an HTTP request'],
  ])('refuses %j before reading the file', async (args, said) => {
    const { code, err, out } = await trace(...args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(said);
  });

  it('says it in Chinese when the shell does', async () => {
    const { err } = await run(['trace', '-f', vhosts, '--to', 'http://blog.test/', '--method', 'G:T'], '', undefined, 'zh-CN');
    expect(err).toContain('--method：“G:T”不是 HTTP 方法');
  });
});
