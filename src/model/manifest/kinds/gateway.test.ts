import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../trace/rng';
import { parseManifests } from '../parse';

const parse = (text: string) => parseManifests([{ name: 'in.yaml', text }]);
const codes = (text: string) => parse(text).diagnostics.map((d) => `${d.line}:${d.col} ${d.code}`);

const gateway = (listeners: string, extra = '') => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: web
spec:
  gatewayClassName: eg
${extra}  listeners:
${listeners}`;

describe('gateway.networking.k8s.io/v1 Gateway', () => {
  it('applies the CRD defaults: routes from the same namespace, TLS terminated with a core Secret', () => {
    const { manifests, diagnostics } = parse(
      gateway(`  - {name: http, port: 80, protocol: HTTP}
  - name: https
    port: 443
    protocol: HTTPS
    hostname: "*.example.com"
    tls: {certificateRefs: [{name: example-com}]}
    allowedRoutes: {kinds: [{kind: HTTPRoute}]}
`),
    );
    expect(diagnostics).toEqual([]);
    expect(manifests[0].object).toMatchObject({
      metadata: { namespace: 'default' },
      spec: {
        listeners: [
          { name: 'http', allowedRoutes: { namespaces: { from: 'Same' } } },
          {
            name: 'https',
            tls: { mode: 'Terminate', certificateRefs: [{ group: '', kind: 'Secret', name: 'example-com' }] },
            allowedRoutes: { namespaces: { from: 'Same' }, kinds: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute' }] },
          },
        ],
      },
    });
  });

  it('refuses what the CRD refuses, at the offending listener field', () => {
    const text = gateway(`  - {name: http, port: 80, protocol: HTTP, hostname: "foo.*.example.com"}
  - {name: http, port: 8080, protocol: HTTP}
  - {name: plain, port: 80, protocol: HTTP, hostname: "foo.*.example.com", tls: {certificateRefs: [{name: c}]}}
  - {name: secure, port: 443, protocol: HTTPS, tls: {}}
  - {name: pass, port: 8443, protocol: HTTPS, tls: {mode: Passthrough}}
  - {name: Upper, port: 81, protocol: HTTP}
  - {name: big, port: 70000, protocol: HTTP}
`);
    expect(codes(text)).toEqual([
      '8:44 gatewayApi.pattern', // `*` only as the first label
      '9:6 gatewayApi.listenerName',
      '10:5 gatewayApi.listenerCombination', // same port, protocol and hostname as listener 0
      '10:45 gatewayApi.pattern',
      '10:76 gatewayApi.tlsForbidden',
      '11:48 gatewayApi.certificateRefsRequired',
      '12:53 gatewayApi.tlsModeHttps',
      '13:6 gatewayApi.pattern', // names are lower case
      '14:23 field.range', // a listener refused for its type is not checked further
    ]);
    expect(parse(text).manifests).toEqual([]); // refused, as kubectl apply would be
    expect(parse(text).diagnostics[1].params).toMatchObject({ path: '.spec.listeners[1].name', value: 'http' });
  });

  it('needs at least one listener and at most 64', () => {
    expect(codes(gateway('    []\n'))).toEqual(['7:3 field.required']);
    const many = Array.from({ length: 65 }, (_, i) => `  - {name: l${i}, port: ${i + 1}, protocol: HTTP}\n`).join('');
    expect(codes(gateway(many))).toEqual(['7:3 gatewayApi.tooMany']);
  });

  it('keeps addresses, defaulting their type to IPAddress, and refuses a repeated one', () => {
    const listeners = '  - {name: http, port: 80, protocol: HTTP}\n';
    const ok = parse(gateway(listeners, '  addresses: [{value: 192.168.1.240}]\n'));
    expect(ok.diagnostics).toEqual([]);
    expect(ok.manifests[0].object).toMatchObject({ spec: { addresses: [{ type: 'IPAddress', value: '192.168.1.240' }] } });
    expect(codes(gateway(listeners, '  addresses: [{value: 10.0.0.1}, {type: IPAddress, value: 10.0.0.1}]\n'))).toEqual([
      '7:3 gatewayApi.addressUnique',
    ]);
  });

  it("keeps a dump's status as the cluster wrote it", () => {
    const { manifests, diagnostics } = parse(
      gateway('  - {name: http, port: 80, protocol: HTTP}\n') +
        `status:
  addresses: [{type: IPAddress, value: 192.168.1.240}]
  conditions:
  - {type: Programmed, status: "True", reason: Programmed, message: "", lastTransitionTime: "2026-01-01T00:00:00Z"}
  listeners:
  - name: http
    attachedRoutes: 2
    supportedKinds: [{group: gateway.networking.k8s.io, kind: HTTPRoute}]
    conditions: [{type: Accepted, status: "True", reason: Accepted, message: Listener is accepted}]
`,
    );
    expect(diagnostics).toEqual([]);
    expect(manifests[0].object).toMatchObject({
      status: {
        addresses: [{ type: 'IPAddress', value: '192.168.1.240' }],
        conditions: [{ type: 'Programmed', status: 'True', reason: 'Programmed', message: '' }],
        listeners: [{ name: 'http', attachedRoutes: 2, conditions: [{ type: 'Accepted', message: 'Listener is accepted' }] }],
      },
    });
  });

  it('accepts the v1beta1 version still served, and carries v1 afterwards', () => {
    const { manifests, diagnostics } = parse(
      gateway('  - {name: http, port: 80, protocol: HTTP}\n').replace('networking.k8s.io/v1', 'networking.k8s.io/v1beta1'),
    );
    expect(diagnostics).toEqual([]);
    expect(manifests[0].object).toMatchObject({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway' });
  });

  it('names v1 for a version no longer served', () => {
    const text = gateway('  - {name: http, port: 80, protocol: HTTP}\n').replace('networking.k8s.io/v1', 'networking.k8s.io/v1alpha2');
    const { diagnostics } = parse(text);
    expect(diagnostics.map((d) => `${d.line}:${d.col} ${d.code}`)).toEqual(['1:1 kind.version']);
    expect(diagnostics[0].params).toMatchObject({ expected: 'gateway.networking.k8s.io/v1' });
  });
});

describe('GatewayClass and ReferenceGrant', () => {
  it('checks the controller name is a domain-prefixed path', () => {
    const gc = (name: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: eg}
spec:
  controllerName: ${name}
`;
    expect(parse(gc('gateway.envoyproxy.io/gatewayclass-controller')).manifests[0].object).toMatchObject({
      spec: { controllerName: 'gateway.envoyproxy.io/gatewayclass-controller' },
    });
    expect(codes(gc('envoy'))).toEqual(['5:3 gatewayApi.pattern']);
  });

  it('keeps an empty group (the core group) and requires it to be written', () => {
    const grant = (group: string) => `apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: allow, namespace: backends}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: web}]
  to: [{${group}kind: Service}]
`;
    const { manifests, diagnostics } = parse(grant('group: "", '));
    expect(diagnostics).toEqual([]);
    expect(manifests[0].object).toMatchObject({ spec: { to: [{ group: '', kind: 'Service' }] } });
    expect(codes(grant(''))).toEqual(['6:8 field.required']);
  });
});

const examples = readFileSync(new URL('../testdata/gateway-api-examples.yaml', import.meta.url), 'utf8');

describe("the Gateway API's own examples", () => {
  it('decode without a message, as a learner pastes them', () => {
    const text = examples;
    const { manifests, diagnostics } = parseManifests([{ name: 'examples.yaml', text }]);
    expect(diagnostics).toEqual([]);
    const kinds = manifests.map((m) => m.object.kind);
    expect(kinds.filter((k) => k === 'HTTPRoute')).toHaveLength(11);
    expect(kinds.filter((k) => k === 'Gateway')).toHaveLength(4);
    expect(kinds).toContain('ReferenceGrant');
  });
});

describe('hostile Gateway API pastes', () => {
  it('never throw, and every message points inside the text, with bytes of the examples deleted or repeated', () => {
    const rnd = seededRandom(13);
    for (let n = 0; n < 300; n++) {
      let text = examples;
      for (let e = 1 + Math.floor(rnd() * 6); e > 0; e--) {
        const at = Math.floor(rnd() * text.length);
        const len = 1 + Math.floor(rnd() * 4);
        text = rnd() < 0.7 ? text.slice(0, at) + text.slice(at + len) : text.slice(0, at) + text.slice(at, at + len) + text.slice(at);
      }
      const { diagnostics } = parse(text);
      const lines = text.split('\n');
      for (const d of diagnostics) {
        expect(d.code, text).not.toMatch(/^internal/);
        expect(d.line).toBeLessThanOrEqual(lines.length);
      }
    }
  });

  it('answer 20,000 listeners of one name with one message each and refuse the Gateway', () => {
    const many = '  - {name: same, port: 80, protocol: HTTP}\n'.repeat(20_000);
    const { manifests, diagnostics } = parse(gateway(many));
    expect(manifests).toEqual([]);
    const count = (code: string) => diagnostics.filter((d) => d.code === code).length;
    expect([count('gatewayApi.tooMany'), count('gatewayApi.listenerName'), count('gatewayApi.listenerCombination')]).toEqual([
      1, 19_999, 19_999,
    ]);
  });
});
