// Requests and the backend or status each gets, from the Gateway API conformance suite
// (kubernetes-sigs/gateway-api conformance/tests/*.go), on its YAML ported into fixtures.

import { describe, expect, it } from 'vitest';
import { routeRequest } from './routeRequest';
import { gatewayRequest, INFRA, modelOf, verdict, type Sent } from './testFixtures';

const V1 = 'infra-backend-v1';
const V2 = 'infra-backend-v2';
const V3 = 'infra-backend-v3';

function table(yaml: string, gateway: string, cases: [Sent, string | number][]) {
  const model = modelOf(yaml);
  for (const [req, want] of cases)
    it(`${req.method ?? 'GET'} ${req.host ?? ''}${req.path} ${JSON.stringify(req.headers ?? {})} → ${want}`, () => {
      expect(verdict(model, gateway, req)).toBe(want);
    });
}

const route = (name: string, spec: string) => `
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ${name}, namespace: ${INFRA}}
spec:
${spec}`;

describe('conformance/tests/httproute-matching.go', () => {
  table(
    route(
      'matching',
      `  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{path: {type: PathPrefix, value: /}}, {headers: [{name: version, value: one}]}]
    backendRefs: [{name: ${V1}, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /v2}}, {headers: [{name: version, value: two}]}]
    backendRefs: [{name: ${V2}, port: 8080}]`,
    ),
    'same-namespace',
    [
      [{ path: '/' }, V1],
      [{ path: '/example' }, V1],
      [{ path: '/', headers: { Version: 'one' } }, V1],
      [{ path: '/v2' }, V2],
      [{ path: '/v2/example' }, V2],
      [{ path: '/', headers: { Version: 'two' } }, V2],
      [{ path: '/v2/' }, V2],
      [{ path: '/v2example' }, V1],
      [{ path: '/foo/v2/example' }, V1],
    ],
  );
});

describe('conformance/tests/httproute-matching-across-routes.go', () => {
  table(
    route(
      'matching-part1',
      `  parentRefs: [{name: same-namespace}]
  hostnames: [example.com, example.net]
  rules:
  - matches: [{path: {type: PathPrefix, value: /}}, {headers: [{name: version, value: one}]}]
    backendRefs: [{name: ${V1}, port: 8080}]`,
    ) +
      route(
        'matching-part2',
        `  parentRefs: [{name: same-namespace}]
  hostnames: [example.com]
  rules:
  - matches: [{path: {type: PathPrefix, value: /v2}}, {headers: [{name: version, value: two}]}]
    backendRefs: [{name: ${V2}, port: 8080}]`,
      ),
    'same-namespace',
    [
      [{ host: 'example.com', path: '/' }, V1],
      [{ host: 'example.com', path: '/example' }, V1],
      [{ host: 'example.net', path: '/example' }, V1],
      [{ host: 'example.com', path: '/example', headers: { Version: 'one' } }, V1],
      [{ host: 'example.com', path: '/v2' }, V2],
      [{ host: 'example.net', path: '/v2' }, V1],
      [{ host: 'example.com', path: '/v2/example' }, V2],
      [{ host: 'example.com', path: '/', headers: { Version: 'two' } }, V2],
    ],
  );
});

describe('conformance/tests/httproute-header-matching.go', () => {
  table(
    route(
      'header-matching',
      `  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{headers: [{name: version, value: one}]}]
    backendRefs: [{name: ${V1}, port: 8080}]
  - matches: [{headers: [{name: version, value: two}]}]
    backendRefs: [{name: ${V2}, port: 8080}]
  - matches: [{headers: [{name: version, value: two}, {name: color, value: orange}]}]
    backendRefs: [{name: ${V1}, port: 8080}]
  - matches: [{headers: [{name: color, value: blue}]}, {headers: [{name: color, value: green}]}]
    backendRefs: [{name: ${V1}, port: 8080}]
  - matches: [{headers: [{name: color, value: red}]}, {headers: [{name: color, value: yellow}]}]
    backendRefs: [{name: ${V2}, port: 8080}]`,
    ),
    'same-namespace',
    [
      [{ path: '/', headers: { Version: 'one' } }, V1],
      [{ path: '/', headers: { Version: 'two' } }, V2],
      [{ path: '/', headers: { Version: 'two', Color: 'orange' } }, V1],
      [{ path: '/', headers: { Version: 'two', Color: 'blue' } }, V2],
      [{ path: '/', headers: { Color: 'orange' } }, 404],
      [{ path: '/', headers: { 'Some-Other-Header': 'one' } }, 404],
      [{ path: '/', headers: { Color: 'blue' } }, V1],
      [{ path: '/', headers: { Color: 'green' } }, V1],
      [{ path: '/', headers: { Color: 'red' } }, V2],
      [{ path: '/', headers: { Color: 'yellow' } }, V2],
      [{ path: '/', headers: { Color: 'purple' } }, 404],
    ],
  );
});

describe('conformance/tests/httproute-query-param-matching.go', () => {
  table(
    route(
      'query-param-matching',
      `  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{queryParams: [{name: animal, value: whale}]}]
    backendRefs: [{name: ${V1}, port: 8080}]
  - matches: [{queryParams: [{name: animal, value: dolphin}]}]
    backendRefs: [{name: ${V2}, port: 8080}]
  - matches: [{queryParams: [{name: animal, value: dolphin}, {name: color, value: blue}]}, {queryParams: [{name: ANIMAL, value: Whale}]}]
    backendRefs: [{name: ${V3}, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /path1}, queryParams: [{name: animal, value: whale}]}]
    backendRefs: [{name: ${V1}, port: 8080}]
  - matches: [{headers: [{name: version, value: one}], queryParams: [{name: animal, value: whale}]}]
    backendRefs: [{name: ${V2}, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /path2}, headers: [{name: version, value: two}], queryParams: [{name: animal, value: whale}]}]
    backendRefs: [{name: ${V3}, port: 8080}]
  - matches:
    - {path: {type: PathPrefix, value: /path3}, queryParams: [{name: animal, value: shark}]}
    - {path: {type: PathPrefix, value: /path4}, headers: [{name: version, value: three}], queryParams: [{name: animal, value: kraken}]}
    backendRefs: [{name: ${V1}, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /path5}}]
    backendRefs: [{name: ${V1}, port: 8080}]
  - matches: [{queryParams: [{name: animal, value: hydra}]}]
    backendRefs: [{name: ${V2}, port: 8080}]
  - matches: [{headers: [{name: version, value: four}]}]
    backendRefs: [{name: ${V3}, port: 8080}]`,
    ),
    'same-namespace',
    [
      [{ path: '/?animal=whale' }, V1],
      [{ path: '/?animal=dolphin' }, V2],
      [{ path: '/?animal=dolphin&color=blue' }, V3],
      [{ path: '/?ANIMAL=Whale' }, V3],
      [{ path: '/?animal=whale&otherparam=irrelevant' }, V1],
      [{ path: '/?animal=dolphin&color=yellow' }, V2],
      [{ path: '/?color=blue' }, 404],
      [{ path: '/?animal=dog' }, 404],
      [{ path: '/?animal=whaledolphin' }, 404],
      [{ path: '/' }, 404],
      [{ path: '/path1?animal=whale' }, V1],
      [{ path: '/?animal=whale', headers: { version: 'one' } }, V2],
      [{ path: '/path2?animal=whale', headers: { version: 'two' } }, V3],
      [{ path: '/path3?animal=shark' }, V1],
      [{ path: '/path4?animal=kraken', headers: { version: 'three' } }, V1],
      [{ path: '/?animal=shark' }, 404],
      [{ path: '/path4?animal=kraken' }, 404],
      [{ path: '/path5?animal=hydra' }, V1],
      [{ path: '/?animal=hydra', headers: { version: 'four' } }, V3],
    ],
  );
});

describe('conformance/tests/httproute-method-matching.go', () => {
  table(
    route(
      'method-matching',
      `  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{method: POST}]
    backendRefs: [{name: ${V1}, port: 8080}]
  - matches: [{method: GET}]
    backendRefs: [{name: ${V2}, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /path1}, method: GET}]
    backendRefs: [{name: ${V1}, port: 8080}]
  - matches: [{headers: [{name: version, value: one}], method: PUT}]
    backendRefs: [{name: ${V2}, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /path2}, headers: [{name: version, value: two}], method: POST}]
    backendRefs: [{name: ${V3}, port: 8080}]
  - matches:
    - {path: {type: PathPrefix, value: /path3}, method: PATCH}
    - {path: {type: PathPrefix, value: /path4}, headers: [{name: version, value: three}], method: DELETE}
    backendRefs: [{name: ${V1}, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /path5}}]
    backendRefs: [{name: ${V1}, port: 8080}]
  - matches: [{method: PATCH}]
    backendRefs: [{name: ${V2}, port: 8080}]
  - matches: [{headers: [{name: version, value: four}]}]
    backendRefs: [{name: ${V3}, port: 8080}]`,
    ),
    'same-namespace',
    [
      [{ method: 'POST', path: '/' }, V1],
      [{ method: 'GET', path: '/' }, V2],
      [{ method: 'HEAD', path: '/' }, 404],
      [{ method: 'GET', path: '/path1' }, V1],
      [{ method: 'PUT', path: '/', headers: { version: 'one' } }, V2],
      [{ method: 'POST', path: '/path2', headers: { version: 'two' } }, V3],
      [{ method: 'PATCH', path: '/path3' }, V1],
      [{ method: 'DELETE', path: '/path4', headers: { version: 'three' } }, V1],
      [{ method: 'PUT', path: '/' }, 404],
      [{ method: 'DELETE', path: '/path4' }, 404],
      [{ method: 'PATCH', path: '/path5' }, V1],
      [{ method: 'PATCH', path: '/', headers: { version: 'four' } }, V2],
    ],
  );
});

const listenersGateway = (name: string, listeners: string) => `
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: ${name}, namespace: ${INFRA}}
spec:
  gatewayClassName: "{GATEWAY_CLASS_NAME}"
  listeners:
${listeners}`;

describe('conformance/tests/httproute-hostname-intersection.go', () => {
  const gw = 'httproute-hostname-intersection';
  const yaml =
    listenersGateway(
      gw,
      `  - {name: listener-1, port: 80, protocol: HTTP, hostname: very.specific.com}
  - {name: listener-2, port: 80, protocol: HTTP, hostname: "*.wildcard.io"}
  - {name: listener-3, port: 80, protocol: HTTP, hostname: "*.anotherwildcard.io"}`,
    ) +
    listenersGateway(`${gw}-all`, '  - {name: listener-1, port: 80, protocol: HTTP}') +
    [
      ['specific-host-matches-listener-specific-host', '[non.matching.com, "*.nonmatchingwildcard.io", very.specific.com]', '/s1', V1],
      [
        'specific-host-matches-listener-wildcard-host',
        '[non.matching.com, wildcard.io, foo.wildcard.io, bar.wildcard.io, foo.bar.wildcard.io]',
        '/s2',
        V2,
      ],
      ['wildcard-host-matches-listener-specific-host', '[non.matching.com, "*.specific.com"]', '/s3', V3],
      ['wildcard-host-matches-listener-wildcard-host', '["*.anotherwildcard.io"]', '/s4', V1],
      ['no-intersecting-hosts', '[specific.but.wrong.com, wildcard.io]', '/s5', V2],
    ]
      .map(([name, hosts, path, to]) =>
        route(
          name!,
          `  parentRefs: [{name: ${gw}, namespace: ${INFRA}}]\n  hostnames: ${hosts}\n  rules: [{matches: [{path: {type: PathPrefix, value: ${path}}}], backendRefs: [{name: ${to}, port: 8080}]}]`,
        ),
      )
      .join('') +
    route(
      `${gw}-all`,
      `  parentRefs: [{name: ${gw}-all, namespace: ${INFRA}}]\n  hostnames: [first.com, sub.first.com, second.com, sub.second.com]\n  rules: [{backendRefs: [{name: ${V2}, port: 8080}]}]`,
    );
  table(yaml, gw, [
    [{ host: 'very.specific.com', path: '/s1' }, V1],
    [{ host: 'very.specific.com:1234', path: '/s1' }, V1],
    [{ host: 'non.matching.com', path: '/s1' }, 404],
    [{ host: 'foo.nonmatchingwildcard.io', path: '/s1' }, 404],
    [{ host: 'foo.wildcard.io', path: '/s1' }, 404],
    [{ host: 'very.specific.com', path: '/non-matching-prefix' }, 404],
    [{ host: 'foo.wildcard.io', path: '/s2' }, V2],
    [{ host: 'bar.wildcard.io', path: '/s2' }, V2],
    [{ host: 'foo.bar.wildcard.io', path: '/s2' }, V2],
    [{ host: 'non.matching.com', path: '/s2' }, 404],
    [{ host: 'wildcard.io', path: '/s2' }, 404],
    [{ host: 'very.specific.com', path: '/s2' }, 404],
    [{ host: 'very.specific.com', path: '/s3' }, V3],
    [{ host: 'non.matching.com', path: '/s3' }, 404],
    [{ host: 'foo.specific.com', path: '/s3' }, 404],
    [{ host: 'foo.wildcard.io', path: '/s3' }, 404],
    [{ host: 'foo.anotherwildcard.io', path: '/s4' }, V1],
    [{ host: 'bar.anotherwildcard.io', path: '/s4' }, V1],
    [{ host: 'foo.bar.anotherwildcard.io', path: '/s4' }, V1],
    [{ host: 'anotherwildcard.io', path: '/s4' }, 404],
    [{ host: 'foo.wildcard.io', path: '/s4' }, 404],
    [{ host: 'very.specific.com', path: '/s4' }, 404],
    [{ host: 'specific.but.wrong.com', path: '/s5' }, 404],
    [{ host: 'wildcard.io', path: '/s5' }, 404],
  ]);
  table(yaml, `${gw}-all`, [
    [{ host: 'first.com', path: '/' }, V2],
    [{ host: 'sub.first.com', path: '/' }, V2],
    [{ host: 'second.com', path: '/' }, V2],
    [{ host: 'sub.second.com', path: '/' }, V2],
    [{ host: 'third.com', path: '/' }, 404],
    [{ host: 'sub.third.com', path: '/' }, 404],
  ]);
});

describe('conformance/tests/httproute-listener-hostname-matching.go', () => {
  const gw = 'httproute-listener-hostname-matching';
  const ref = (section: string) => `{name: ${gw}, namespace: ${INFRA}, sectionName: ${section}}`;
  table(
    listenersGateway(
      gw,
      `  - {name: listener-1, port: 80, protocol: HTTP, hostname: bar.com}
  - {name: listener-2, port: 80, protocol: HTTP, hostname: foo.bar.com}
  - {name: listener-3, port: 80, protocol: HTTP, hostname: "*.bar.com"}
  - {name: listener-4, port: 80, protocol: HTTP, hostname: "*.foo.com"}`,
    ) +
      route('backend-v1', `  parentRefs: [${ref('listener-1')}]\n  rules: [{backendRefs: [{name: ${V1}, port: 8080}]}]`) +
      route('backend-v2', `  parentRefs: [${ref('listener-2')}]\n  rules: [{backendRefs: [{name: ${V2}, port: 8080}]}]`) +
      route(
        'backend-v3',
        `  parentRefs: [${ref('listener-3')}, ${ref('listener-4')}]\n  rules: [{backendRefs: [{name: ${V3}, port: 8080}]}]`,
      ),
    gw,
    [
      [{ host: 'bar.com', path: '/' }, V1],
      [{ host: 'foo.bar.com', path: '/' }, V2],
      [{ host: 'baz.bar.com', path: '/' }, V3],
      [{ host: 'boo.bar.com', path: '/' }, V3],
      [{ host: 'multiple.prefixes.bar.com', path: '/' }, V3],
      [{ host: 'multiple.prefixes.foo.com', path: '/' }, V3],
      [{ host: 'foo.com', path: '/' }, 404],
      [{ host: 'no.matching.host', path: '/' }, 404],
    ],
  );
});

/** The Location a redirect gives, or the status when there is none. */
function location(model: ReturnType<typeof modelOf>, gateway: string, req: Sent): string | number {
  const d = routeRequest(model, `${INFRA}/${gateway}`, gatewayRequest(req), 0);
  return d.location ? `${d.status} ${d.location}` : d.status;
}

describe('conformance/tests/httproute-redirect-host-and-status.go, httproute-redirect-path.go', () => {
  const model = modelOf(
    route(
      'redirect-host-and-status',
      `  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{path: {type: PathPrefix, value: /hostname-redirect}}]
    filters: [{type: RequestRedirect, requestRedirect: {hostname: example.org}}]
  - matches: [{path: {type: PathPrefix, value: /host-and-status}}]
    filters: [{type: RequestRedirect, requestRedirect: {statusCode: 301, hostname: example.org}}]`,
    ) +
      route(
        'redirect-path',
        `  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{path: {type: PathPrefix, value: /original-prefix}}]
    filters: [{type: RequestRedirect, requestRedirect: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /replacement-prefix}}}]
  - matches: [{path: {type: PathPrefix, value: /full}}]
    filters: [{type: RequestRedirect, requestRedirect: {path: {type: ReplaceFullPath, replaceFullPath: /full-path-replacement}}}]
  - matches: [{path: {type: PathPrefix, value: /path-and-host}}]
    filters: [{type: RequestRedirect, requestRedirect: {hostname: example.org, path: {type: ReplacePrefixMatch, replacePrefixMatch: /replacement-prefix}}}]
  - matches: [{path: {type: PathPrefix, value: /path-and-status}}]
    filters: [{type: RequestRedirect, requestRedirect: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /replacement-prefix}, statusCode: 301}}]
  - matches: [{path: {type: PathPrefix, value: /full-path-and-host}}]
    filters: [{type: RequestRedirect, requestRedirect: {hostname: example.org, path: {type: ReplaceFullPath, replaceFullPath: /replacement-full}}}]
  - matches: [{path: {type: PathPrefix, value: /full-path-and-status}}]
    filters: [{type: RequestRedirect, requestRedirect: {path: {type: ReplaceFullPath, replaceFullPath: /replacement-full}, statusCode: 301}}]`,
      ),
  );
  it.each([
    ['/hostname-redirect', '302 http://example.org/hostname-redirect'],
    ['/host-and-status', '301 http://example.org/host-and-status'],
    ['/original-prefix/lemon', '302 http://gw.test/replacement-prefix/lemon'],
    ['/full/path/original', '302 http://gw.test/full-path-replacement'],
    ['/path-and-host', '302 http://example.org/replacement-prefix'],
    ['/path-and-status', '301 http://gw.test/replacement-prefix'],
    ['/full-path-and-host', '302 http://example.org/replacement-full'],
    ['/full-path-and-status', '301 http://gw.test/replacement-full'],
    // The query string goes with the redirect.
    ['/original-prefix/lemon?x=1', '302 http://gw.test/replacement-prefix/lemon?x=1'],
  ])('%s → %s', (path, want) => {
    expect(location(model, 'same-namespace', { host: 'gw.test', path })).toBe(want);
  });
});

describe('conformance/tests/httproute-redirect-port-and-scheme.go', () => {
  const redirects = (paths: [string, string][]) =>
    `  rules:\n` +
    paths
      .map(
        ([p, f]) =>
          `  - matches: [{path: {type: PathPrefix, value: ${p}}}]\n    filters: [{type: RequestRedirect, requestRedirect: {hostname: example.org${f}}}]`,
      )
      .join('\n');
  const model = modelOf(
    listenersGateway('same-namespace-with-http-listener-on-8080', '  - {name: http, port: 8080, protocol: HTTP}') +
      listenersGateway(
        'same-namespace-with-https-listener',
        '  - {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{group: "", kind: Secret, name: tls-validity-checks-certificate}]}}',
      ) +
      `
---
apiVersion: v1
kind: Secret
metadata: {name: tls-validity-checks-certificate, namespace: ${INFRA}}
type: kubernetes.io/tls
dataKeys: [tls.crt, tls.key]` +
      route(
        'http-route-for-listener-on-port-80',
        '  parentRefs: [{name: same-namespace}]\n' +
          redirects([
            ['/scheme-nil-and-port-nil', ''],
            ['/scheme-nil-and-port-80', ', port: 80'],
            ['/scheme-nil-and-port-8080', ', port: 8080'],
            ['/scheme-https-and-port-nil', ', scheme: https'],
            ['/scheme-https-and-port-443', ', scheme: https, port: 443'],
            ['/scheme-https-and-port-8443', ', scheme: https, port: 8443'],
          ]),
      ) +
      route(
        'http-route-for-listener-on-port-8080',
        '  parentRefs: [{name: same-namespace-with-http-listener-on-8080}]\n' +
          redirects([
            ['/scheme-nil-and-port-nil', ''],
            ['/scheme-nil-and-port-80', ', port: 80'],
            ['/scheme-https-and-port-nil', ', scheme: https'],
          ]),
      ) +
      route(
        'http-route-for-listener-on-port-443',
        '  parentRefs: [{name: same-namespace-with-https-listener}]\n' +
          redirects([
            ['/scheme-nil-and-port-nil', ''],
            ['/scheme-nil-and-port-443', ', port: 443'],
            ['/scheme-nil-and-port-8443', ', port: 8443'],
            ['/scheme-http-and-port-nil', ', scheme: http'],
            ['/scheme-http-and-port-80', ', scheme: http, port: 80'],
            ['/scheme-http-and-port-8080', ', scheme: http, port: 8080'],
          ]),
      ),
  );
  it.each([
    ['same-namespace', 80, 'http', '/scheme-nil-and-port-nil', 'http://example.org'],
    ['same-namespace', 80, 'http', '/scheme-nil-and-port-80', 'http://example.org'],
    ['same-namespace', 80, 'http', '/scheme-nil-and-port-8080', 'http://example.org:8080'],
    ['same-namespace', 80, 'http', '/scheme-https-and-port-nil', 'https://example.org'],
    ['same-namespace', 80, 'http', '/scheme-https-and-port-443', 'https://example.org'],
    ['same-namespace', 80, 'http', '/scheme-https-and-port-8443', 'https://example.org:8443'],
    ['same-namespace-with-http-listener-on-8080', 8080, 'http', '/scheme-nil-and-port-nil', 'http://example.org:8080'],
    ['same-namespace-with-http-listener-on-8080', 8080, 'http', '/scheme-nil-and-port-80', 'http://example.org'],
    ['same-namespace-with-http-listener-on-8080', 8080, 'http', '/scheme-https-and-port-nil', 'https://example.org'],
    ['same-namespace-with-https-listener', 443, 'https', '/scheme-nil-and-port-nil', 'https://example.org'],
    ['same-namespace-with-https-listener', 443, 'https', '/scheme-nil-and-port-443', 'https://example.org'],
    ['same-namespace-with-https-listener', 443, 'https', '/scheme-nil-and-port-8443', 'https://example.org:8443'],
    ['same-namespace-with-https-listener', 443, 'https', '/scheme-http-and-port-nil', 'http://example.org'],
    ['same-namespace-with-https-listener', 443, 'https', '/scheme-http-and-port-80', 'http://example.org'],
    ['same-namespace-with-https-listener', 443, 'https', '/scheme-http-and-port-8080', 'http://example.org:8080'],
  ] as const)('%s:%i %s %s → %s', (gw, port, scheme, path, origin) => {
    expect(location(model, gw, { host: 'example.org', path, port, scheme })).toBe(`302 ${origin}${path}`);
  });
});

describe('conformance/tests/httproute-rewrite-path.go', () => {
  const modify = `{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: X-Header-Set, value: set-overwrites-values}], add: [{name: X-Header-Add, value: header-val-1}], remove: [X-Header-Remove]}}`;
  const model = modelOf(
    route(
      'rewrite-path',
      `  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{path: {type: PathPrefix, value: /prefix/one}}]
    filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /one}}}]
    backendRefs: [{name: ${V1}, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /strip-prefix}}]
    filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /}}}]
    backendRefs: [{name: ${V1}, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /full/one}}]
    filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplaceFullPath, replaceFullPath: /one}}}]
    backendRefs: [{name: ${V1}, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /full/rewrite-path-and-modify-headers}}]
    filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplaceFullPath, replaceFullPath: /test}}}, ${modify}]
    backendRefs: [{name: ${V1}, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /prefix/rewrite-path-and-modify-headers}}]
    filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /prefix}}}, ${modify}]
    backendRefs: [{name: ${V1}, port: 8080}]`,
    ),
  );
  it.each([
    ['/prefix/one/two', '/one/two'],
    ['/strip-prefix/three', '/three'],
    ['/strip-prefix', '/'],
    ['/full/one/two', '/one'],
    ['/full/rewrite-path-and-modify-headers/test', '/test'],
    ['/prefix/rewrite-path-and-modify-headers/one', '/prefix/one'],
  ])('%s reaches the backend as %s', (path, rewritten) => {
    const d = routeRequest(model, `${INFRA}/same-namespace`, gatewayRequest({ path }), 0);
    expect(d.backend?.service).toBe(`${INFRA}/${V1}`);
    expect(d.rewritten?.path).toBe(rewritten);
  });
  it('rewrites the path and modifies the headers together', () => {
    const d = routeRequest(
      model,
      `${INFRA}/same-namespace`,
      gatewayRequest({
        path: '/full/rewrite-path-and-modify-headers/test',
        headers: { 'X-Header-Set': 'v', 'X-Header-Add': 'a', 'X-Header-Remove': 'r' },
      }),
      0,
    );
    expect(d.requestHeaders).toEqual([
      { name: 'X-Header-Set', value: 'set-overwrites-values' },
      { name: 'X-Header-Add', value: 'a,header-val-1' },
    ]);
  });
});

describe('conformance/tests/httproute-request-header-modifier.go', () => {
  const model = modelOf(
    route(
      'request-header-modifier',
      `  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{path: {type: PathPrefix, value: /set}}]
    filters: [{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: X-Header-Set, value: set-overwrites-values}]}}]
    backendRefs: [{name: ${V1}, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /add}}]
    filters: [{type: RequestHeaderModifier, requestHeaderModifier: {add: [{name: X-Header-Add, value: add-appends-values}]}}]
    backendRefs: [{name: ${V1}, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /remove}}]
    filters: [{type: RequestHeaderModifier, requestHeaderModifier: {remove: [X-Header-Remove]}}]
    backendRefs: [{name: ${V1}, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /multiple}}]
    filters:
    - type: RequestHeaderModifier
      requestHeaderModifier:
        set: [{name: X-Header-Set-1, value: header-set-1}, {name: X-Header-Set-2, value: header-set-2}]
        add: [{name: X-Header-Add-1, value: header-add-1}, {name: X-Header-Add-2, value: header-add-2}, {name: X-Header-Add-3, value: header-add-3}]
        remove: [X-Header-Remove-1, X-Header-Remove-2]
    backendRefs: [{name: ${V1}, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /case-insensitivity}}]
    filters: [{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: X-Header-Set, value: header-set}], add: [{name: X-Header-Add, value: header-add}], remove: [X-Header-Remove]}}]
    backendRefs: [{name: ${V1}, port: 8080}]`,
    ),
  );
  const sent = (path: string, headers: Record<string, string>) =>
    Object.fromEntries(
      (routeRequest(model, `${INFRA}/same-namespace`, gatewayRequest({ path, headers }), 0).requestHeaders ?? []).map((h) => [
        h.name.toLowerCase(),
        h.value,
      ]),
    );
  it.each([
    ['/set', { 'Some-Other-Header': 'val' }, { 'some-other-header': 'val', 'x-header-set': 'set-overwrites-values' }],
    [
      '/set',
      { 'Some-Other-Header': 'val', 'X-Header-Set': 'some-other-value' },
      { 'some-other-header': 'val', 'x-header-set': 'set-overwrites-values' },
    ],
    ['/add', { 'Some-Other-Header': 'val' }, { 'some-other-header': 'val', 'x-header-add': 'add-appends-values' }],
    [
      '/add',
      { 'Some-Other-Header': 'val', 'X-Header-Add': 'some-other-value' },
      { 'some-other-header': 'val', 'x-header-add': 'some-other-value,add-appends-values' },
    ],
    ['/remove', { 'X-Header-Remove': 'val' }, {}],
    [
      '/multiple',
      {
        'X-Header-Set-2': 'set-val-2',
        'X-Header-Add-2': 'add-val-2',
        'X-Header-Remove-2': 'remove-val-2',
        'Another-Header': 'another-header-val',
      },
      {
        'x-header-set-1': 'header-set-1',
        'x-header-set-2': 'header-set-2',
        'x-header-add-1': 'header-add-1',
        'x-header-add-2': 'add-val-2,header-add-2',
        'x-header-add-3': 'header-add-3',
        'another-header': 'another-header-val',
      },
    ],
    [
      '/case-insensitivity',
      {
        'x-header-set': 'original-val-set',
        'x-header-add': 'original-val-add',
        'x-header-remove': 'original-val-remove',
        'Another-Header': 'another-header-val',
      },
      { 'x-header-set': 'header-set', 'x-header-add': 'original-val-add,header-add', 'another-header': 'another-header-val' },
    ],
  ])('%s with %j reaches the backend with %j', (path, headers, want) => {
    expect(sent(path, headers)).toEqual(want);
  });
});

describe('conformance/tests/httproute-weight.go', () => {
  const model = modelOf(
    route(
      'weighted-backends',
      `  parentRefs: [{name: same-namespace}]
  rules:
  - backendRefs: [{name: ${V1}, port: 8080, weight: 70}, {name: ${V2}, port: 8080, weight: 30}, {name: ${V3}, port: 8080, weight: 0}]`,
    ),
  );
  it('splits 500 requests (as many as the suite sends) about 70/30 and never sends one to the weight-0 backend', () => {
    const counts: Record<string, number> = {};
    for (let seed = 0; seed < 500; seed++) {
      const v = verdict(model, 'same-namespace', { path: '/' }, seed);
      counts[v] = (counts[v] ?? 0) + 1;
    }
    expect(counts[V3]).toBeUndefined();
    // The suite's own tolerance: each backend within 5 points of its weight.
    expect(Math.abs(counts[V1]! / 500 - 0.7)).toBeLessThan(0.05);
    expect(Math.abs(counts[V2]! / 500 - 0.3)).toBeLessThan(0.05);
  });
  it('draws the same backend for the same seed', () => {
    expect(verdict(model, 'same-namespace', { path: '/' }, 42)).toBe(verdict(model, 'same-namespace', { path: '/' }, 42));
  });
});
