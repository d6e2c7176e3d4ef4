import { describe, expect, it } from 'vitest';
import { parseManifests } from '../parse';

const parse = (text: string) => parseManifests([{ name: 'in.yaml', text }]);
const codes = (text: string) => parse(text).diagnostics.map((d) => `${d.line}:${d.col} ${d.code}`);

const route = (spec: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web
spec:
  parentRefs: [{name: eg}]
${spec}`;

describe('gateway.networking.k8s.io/v1 HTTPRoute', () => {
  it('applies the CRD defaults: every path when no rule or match says one, Exact matches, Service backends of weight 1', () => {
    const bare = parse(route(''));
    expect(bare.diagnostics).toEqual([]);
    expect(bare.manifests[0].object).toMatchObject({
      spec: {
        parentRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'eg' }],
        rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }] }],
      },
    });
    const { manifests, diagnostics } = parse(
      route(`  rules:
  - matches:
    - headers: [{name: env, value: canary}]
      queryParams: [{name: v, value: "2"}]
      method: GET
    - path: {type: Exact}
    backendRefs: [{name: web, port: 80}]
`),
    );
    expect(diagnostics).toEqual([]);
    expect(manifests[0].object).toMatchObject({
      spec: {
        rules: [
          {
            matches: [
              {
                path: { type: 'PathPrefix', value: '/' },
                headers: [{ type: 'Exact', name: 'env', value: 'canary' }],
                queryParams: [{ type: 'Exact', name: 'v', value: '2' }],
                method: 'GET',
              },
              { path: { type: 'Exact', value: '/' } },
            ],
            backendRefs: [{ group: '', kind: 'Service', name: 'web', port: 80, weight: 1 }],
          },
        ],
      },
    });
  });

  it("refuses a path the CRD's CEL rules refuse, and leaves a regular expression to the controller", () => {
    const text = route(`  rules:
  - matches:
    - path: {value: api}
    - path: {type: Exact, value: /a//b/.}
    - path: {value: "/a b"}
    - path: {type: RegularExpression, value: "/(unclosed"}
    backendRefs: [{name: web, port: 80}]
`);
    expect(codes(text)).toEqual([
      '9:7 gatewayApi.pathAbsolute',
      '10:7 gatewayApi.pathContains',
      '10:7 gatewayApi.pathEndsWith',
      '11:7 gatewayApi.pathChars',
    ]);
    expect(parse(text).diagnostics[1].params).toMatchObject({ path: '.spec.rules[0].matches[1].path', sequence: '//' });
  });

  it('checks filters: one field per type, no redirect with backends or with a rewrite, replacePrefixMatch on one PathPrefix', () => {
    const text = route(`  rules:
  - filters:
    - {type: RequestRedirect, requestRedirect: {scheme: https}}
    backendRefs: [{name: web, port: 80}]
  - matches: [{path: {type: Exact, value: /old}}]
    filters:
    - {type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /new}}}
    backendRefs: [{name: web}]
  - filters:
    - {type: RequestHeaderModifier, responseHeaderModifier: {add: [{name: x, value: "1"}]}}
    - {type: RequestRedirect, requestRedirect: {statusCode: 308}}
    - {type: URLRewrite, urlRewrite: {hostname: example.com}}
`);
    expect(codes(text)).toEqual([
      '8:5 gatewayApi.redirectWithBackends',
      '11:5 gatewayApi.replacePrefixMatch', // an Exact match has no prefix to replace
      '14:19 gatewayApi.servicePort',
      '15:5 gatewayApi.redirectAndRewrite',
      '16:7 gatewayApi.filterFieldRequired',
      '16:7 gatewayApi.filterFieldForbidden',
      '17:49 field.enum', // 308 is in the experimental channel only
    ]);
  });

  it('decodes a redirect with its default status code 302', () => {
    const { manifests, diagnostics } = parse(
      route(`  rules:
  - filters: [{type: RequestRedirect, requestRedirect: {scheme: https}}]
`),
    );
    expect(diagnostics).toEqual([]);
    expect(manifests[0].object).toMatchObject({
      spec: { rules: [{ filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 302 } }] }] },
    });
  });

  it('refuses a weight over 1000000, a header name that is not a token, and two references to one parent without sections', () => {
    const text = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web}
spec:
  parentRefs: [{name: eg}, {name: eg, sectionName: https}]
  hostnames: ["*.example.com", "a.*.example.com"]
  rules:
  - matches: [{headers: [{name: "x y", value: "1"}, {name: x-a, value: "1"}, {name: x-a, value: "2"}]}]
    backendRefs: [{name: web, port: 80, weight: 1000001}]
`;
    expect(codes(text)).toEqual([
      '5:3 gatewayApi.sectionNameRequired',
      '6:32 gatewayApi.pattern',
      '8:27 gatewayApi.pattern',
      '8:79 field.duplicate',
      '9:49 field.range',
    ]);
  });

  it('keeps a group or path written as "" instead of defaulting it, as the API server does', () => {
    const text = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: mesh}
spec:
  parentRefs: [{group: "", kind: Service, name: web}]
  rules:
  - matches: [{path: {type: Exact, value: ""}}]
`;
    expect(codes(text)).toEqual(['7:16 gatewayApi.pathAbsolute', '7:16 gatewayApi.pathChars']);
    const ok = parse(text.replace('value: ""', 'value: /'));
    expect(ok.manifests[0].object).toMatchObject({ spec: { parentRefs: [{ group: '', kind: 'Service', name: 'web' }] } });
    expect(codes(text.replace('kind: Service', 'kind: ""').replace('value: ""', 'value: /'))).toEqual(['5:28 gatewayApi.tooShort']);
  });

  it('accepts the v1beta1 version still served', () => {
    const { manifests, diagnostics } = parse(route('').replace('networking.k8s.io/v1', 'networking.k8s.io/v1beta1'));
    expect(diagnostics).toEqual([]);
    expect(manifests[0].object.apiVersion).toBe('gateway.networking.k8s.io/v1');
  });
});

describe('hostile HTTPRoutes', () => {
  it('refuses more than 16 rules and 128 matches in all, without throwing', () => {
    const rules = Array.from(
      { length: 17 },
      () => `  - matches: [${Array.from({ length: 8 }, (_, j) => `{path: {value: /p${j}}}`).join(', ')}]\n`,
    );
    expect(codes(route(`  rules:\n${rules.join('')}`))).toEqual(['7:3 gatewayApi.tooMany', '7:3 gatewayApi.totalMatches']);
  });

  it('reports wrong types at their fields and keeps going', () => {
    const text = route(`  hostnames: example.com
  rules:
  - matches: {path: /}
    backendRefs: [{name: [web], port: "80", weight: -1}]
`);
    expect(codes(text)).toEqual(['7:14 field.type', '9:14 field.type', '10:26 field.type', '10:39 field.type', '10:53 field.range']);
  });
});
