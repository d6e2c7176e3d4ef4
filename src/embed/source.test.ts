import { describe, expect, it } from 'vitest';
import { loadScenario, loadSrc } from './source';

const base = 'https://blog.example/posts/kube.html';
const yaml = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';

/** A fetch that answers from a table of URL -> Response (or an error to throw), and records what it was asked. */
function fakeFetch(answers: Record<string, () => Response | Promise<Response>>) {
  const asked: { url: string; init?: RequestInit }[] = [];
  const fn = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    asked.push({ url, init });
    const answer = answers[url];
    if (!answer) throw new TypeError('Failed to fetch');
    return answer();
  };
  return Object.assign(fn as typeof fetch, { asked });
}

const text = (body: string, type = 'text/plain; charset=utf-8', status = 200) =>
  new Response(body, { status, headers: { 'content-type': type } });

describe('loadSrc', () => {
  it('reads a raw manifest, sending no credentials', async () => {
    const fetchFn = fakeFetch({ 'https://raw.example/k8s/app.yaml': () => text(yaml) });
    expect(await loadSrc('https://raw.example/k8s/app.yaml', { fetch: fetchFn, base })).toEqual({ ok: true, text: yaml, scenario: null });
    expect(fetchFn.asked[0].init).toMatchObject({ credentials: 'omit' });
  });

  it('reads a relative address against the page that embeds it', async () => {
    const fetchFn = fakeFetch({ 'https://blog.example/posts/app.yaml': () => text(yaml) });
    expect(await loadSrc('app.yaml', { fetch: fetchFn, base })).toMatchObject({ ok: true, text: yaml });
  });

  it('refuses anything but http(s), without fetching it', async () => {
    const fetchFn = fakeFetch({});
    for (const src of ['javascript:alert(1)', 'data:text/plain,kind: Pod', 'file:///etc/passwd']) {
      expect(await loadSrc(src, { fetch: fetchFn, base })).toEqual({
        ok: false,
        problem: { key: 'embed.problem.srcAddress', params: { url: src } },
      });
    }
    expect(fetchFn.asked).toEqual([]);
  });

  it('says when the server answers with an error status', async () => {
    const fetchFn = fakeFetch({ 'https://raw.example/gone.yaml': () => text('not found', 'text/plain', 404) });
    expect(await loadSrc('https://raw.example/gone.yaml', { fetch: fetchFn, base })).toEqual({
      ok: false,
      problem: { key: 'embed.problem.srcStatus', params: { url: 'https://raw.example/gone.yaml', status: '404' } },
    });
  });

  it('says a web page is not a manifest, by its type or by its first character', async () => {
    const fetchFn = fakeFetch({
      'https://github.example/blob/app.yaml': () => text('<p>hi</p>', 'text/html; charset=utf-8'),
      'https://pages.example/app.yaml': () => text('\n  <!doctype html><html>', 'text/plain'),
    });
    for (const url of ['https://github.example/blob/app.yaml', 'https://pages.example/app.yaml'])
      expect(await loadSrc(url, { fetch: fetchFn, base })).toMatchObject({ ok: false, problem: { key: 'embed.problem.srcHtml' } });
  });

  it('says when the network fails or the site does not allow reading (CORS)', async () => {
    expect(await loadSrc('https://private.example/app.yaml', { fetch: fakeFetch({}), base })).toMatchObject({
      ok: false,
      problem: { key: 'embed.problem.srcNetwork', params: { url: 'https://private.example/app.yaml' } },
    });
  });

  it('gives up after the time limit', async () => {
    const never: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const limits = { timeoutMs: 30, bytes: 1024 };
    expect(await loadSrc('https://slow.example/app.yaml', { fetch: never, base, limits })).toEqual({
      ok: false,
      problem: { key: 'embed.problem.srcTimeout', params: { url: 'https://slow.example/app.yaml', seconds: 0.03 } },
    });
  });

  it('stops reading past the size limit', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode('# padding\n'.repeat(100)));
      },
    });
    const fetchFn = fakeFetch({
      'https://big.example/app.yaml': () => new Response(endless, { headers: { 'content-type': 'text/plain' } }),
    });
    const limits = { timeoutMs: 5000, bytes: 1024 * 1024 };
    expect(await loadSrc('https://big.example/app.yaml', { fetch: fetchFn, base, limits })).toEqual({
      ok: false,
      problem: { key: 'embed.problem.srcTooLarge', params: { url: 'https://big.example/app.yaml', size: '1 MB' } },
    });
    // A thousand bytes a pull: it stopped just past the megabyte.
    expect(pulled).toBeLessThan(1100);
  });
});

describe('loadScenario', () => {
  const index = JSON.stringify([
    { id: 'hostnames', file: 'hostnames.yaml', title: { en: 'Hostnames' } },
    { id: 'nodeport', file: 'nodeport.yaml', title: { en: 'NodePort' } },
  ]);

  it('reads a gallery scenario by its id', async () => {
    const fetchFn = fakeFetch({ './scenarios/nodeport.yaml': () => text(yaml) });
    expect(await loadScenario('nodeport', fetchFn)).toEqual({ ok: true, text: yaml, scenario: 'nodeport' });
  });

  it('names a misspelt id back with the ids there are', async () => {
    const fetchFn = fakeFetch({ './scenarios/index.json': () => text(index, 'application/json') });
    expect(await loadScenario('hostname', fetchFn)).toEqual({
      ok: false,
      problem: { key: 'embed.problem.scenario', params: { id: 'hostname', ids: 'hostnames, nodeport' } },
    });
  });

  it('never turns an id into a path: an id with other characters is only named back', async () => {
    const fetchFn = fakeFetch({ './scenarios/index.json': () => text(index, 'application/json') });
    expect(await loadScenario('../index', fetchFn)).toMatchObject({ ok: false, problem: { params: { id: '../index' } } });
    expect(fetchFn.asked.map((a) => a.url)).toEqual(['./scenarios/index.json']);
  });

  it('names the id alone when the list of scenarios cannot be read', async () => {
    expect(await loadScenario('hostname', fakeFetch({}))).toEqual({
      ok: false,
      problem: { key: 'embed.problem.scenarioAlone', params: { id: 'hostname' } },
    });
  });
});
