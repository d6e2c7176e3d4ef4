// The gallery's Ingress scenarios answer the requests their headers suggest.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchRequest } from './matchRequest';
import { modelFrom } from './testFixtures';
import type { HttpRequest } from './types';

const load = (name: string) => modelFrom(readFileSync(new URL(`../../../public/scenarios/${name}.yaml`, import.meta.url), 'utf8'));

function answers(name: string, urls: string[]): Record<string, string> {
  const model = load(name);
  expect(model.diagnostics).toEqual([]);
  return Object.fromEntries(
    urls.map((u) => {
      const url = new URL(u);
      const r = matchRequest(model, {
        host: url.host,
        path: url.pathname + url.search,
        scheme: url.protocol.slice(0, -1) as HttpRequest['scheme'],
      });
      return [u, r.location ? `${r.httpStatus} ${r.location}` : `${r.httpStatus} ${r.backend?.service ?? ''}`.trim()];
    }),
  );
}

describe('Ingress scenarios', () => {
  it("ingress-basic: localhost / reaches the seed's nginx pod", () => {
    expect(answers('ingress-basic', ['http://localhost/', 'http://localhost/index.html', 'http://127.0.0.1/'])).toEqual({
      'http://localhost/': '200 default/nginx-service-demo-for-test-ingress',
      'http://localhost/index.html': '200 default/nginx-service-demo-for-test-ingress',
      'http://127.0.0.1/': '404',
    });
  });

  it('ingress-fanout: by path elements, and Exact /health', () => {
    expect(
      answers('ingress-fanout', [
        'http://example.test/shop/cart',
        'http://example.test/shop',
        'http://example.test/shopping',
        'http://example.test/api/v1',
        'http://example.test/health',
        'http://example.test/health/x',
      ]),
    ).toEqual({
      'http://example.test/shop/cart': '200 default/shop',
      'http://example.test/shop': '200 default/shop',
      'http://example.test/shopping': '404',
      'http://example.test/api/v1': '200 default/api',
      'http://example.test/health': '200 default/api',
      'http://example.test/health/x': '404',
    });
  });

  it('ingress-vhosts: the Host header picks the server', () => {
    expect(
      answers('ingress-vhosts', ['http://blog.test/', 'http://team.apps.test/', 'http://a.b.apps.test/', 'http://other.test/']),
    ).toEqual({
      'http://blog.test/': '200 default/blog',
      'http://team.apps.test/': '200 default/apps',
      'http://a.b.apps.test/': '404',
      'http://other.test/': '404',
    });
  });

  it('ingress-tls: http gets 308 to https, https is proxied', () => {
    expect(answers('ingress-tls', ['http://secure.test/login', 'https://secure.test/login'])).toEqual({
      'http://secure.test/login': '308 https://secure.test/login',
      'https://secure.test/login': '200 default/web',
    });
  });
});
