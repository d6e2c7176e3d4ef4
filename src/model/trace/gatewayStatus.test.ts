// A request a Gateway cannot serve as its routes are written: the walk's Envoy step names the
// status reason the learner should read (404 and 500 never come without a why).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveModel } from '../model';
import type { DeriveOptions } from '../modelTypes';
import { walkPacket } from './walkPacket';

const scenario = (name: string, proxyMode?: DeriveOptions['proxyMode']) =>
  deriveModel([{ name: `${name}.yaml`, text: readFileSync(`public/scenarios/${name}.yaml`, 'utf8') }], proxyMode ? { proxyMode } : {});
const hostnames = scenario('gateway-hostnames');
const envoyStep = (url: string) =>
  walkPacket(hostnames, { from: { kind: 'client' }, to: { kind: 'url', url } }).steps.find((s) => s.stage?.kind === 'http')!;

describe("the Envoy step names the route's status when a request gets 404 or 500", () => {
  it('404 for a host only a refused route names: the route and its Accepted reason', () => {
    expect(envoyStep('http://blog.other.test/').explain).toEqual({
      key: 'explain.gateway.noHostRefused',
      params: { host: 'blog.other.test', port: 80, route: 'web/blog', reason: 'NoMatchingListenerHostname' },
    });
  });

  it("404 for a name of an accepted route that the listener's hostname does not take", () => {
    expect(envoyStep('http://shop.other.test/').explain).toEqual({
      key: 'explain.gateway.noHostOutside',
      params: { host: 'shop.other.test', port: 80, route: 'web/shop' },
    });
  });

  it('404 for a host no route names says only that', () => {
    expect(envoyStep('http://nobody.example.test/').explain.key).toBe('explain.gateway.noHost');
  });

  it('500 for a backend in another namespace without a ReferenceGrant: RefNotPermitted', () => {
    expect(envoyStep('http://shop.example.test/billing').explain).toMatchObject({
      key: 'explain.gateway.backendInvalid',
      params: { route: 'web/shop', service: 'backend/billing', problem: 'RefNotPermitted' },
    });
  });
});

describe('the walk through a Gateway in each kube-proxy mode', () => {
  it('ends the same in iptables, IPVS and nftables modes: the same Envoy answer from the same pod', () => {
    const ends = (['iptables', 'ipvs', 'nftables'] as const).map((mode) => {
      const model = scenario('gateway-basics', mode);
      const trace = walkPacket(model, { from: { kind: 'client' }, to: { kind: 'url', url: 'http://192.168.1.240/shop/cart' }, seed: 3 });
      return { result: trace.outcome.result, http: trace.outcome.http, pod: trace.outcome.pod, endpoint: trace.outcome.endpoint };
    });
    expect(ends[0]).toMatchObject({ result: 'delivered', http: { status: 200, route: 'default/shop', backend: 'default/shop:80' } });
    expect(ends[1]).toEqual(ends[0]);
    expect(ends[2]).toEqual(ends[0]);
  });
});

describe('ingress-nginx and a Gateway that could both take the same host', () => {
  // gateway-basics' routes take any host; ingress-nginx (its own LoadBalancer, 192.168.1.241) names shop.example.test.
  const both = deriveModel([
    { name: 'gateway-basics.yaml', text: readFileSync('public/scenarios/gateway-basics.yaml', 'utf8') },
    {
      name: 'ingress.yaml',
      text: `apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: nginx}
spec: {controller: k8s.io/ingress-nginx}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop-nginx}
spec:
  ingressClassName: nginx
  rules:
  - host: shop.example.test
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}
`,
    },
  ]);
  const http = (url: string, host?: string) =>
    walkPacket(both, { from: { kind: 'client' }, to: { kind: 'url', url, ...(host ? { headers: [{ name: 'Host', value: host }] } : {}) } })
      .outcome.http;

  it("the address the URL names decides: the Gateway's goes to Envoy, ingress-nginx's to nginx, whatever the Host", () => {
    expect(both.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(http('http://192.168.1.240/shop', 'shop.example.test')).toMatchObject({ gateway: 'default/eg', route: 'default/shop' });
    const nginx = http('http://192.168.1.241/shop', 'shop.example.test');
    expect(nginx).toMatchObject({ status: 200, ingress: 'default/shop-nginx' });
    expect(nginx?.gateway).toBeUndefined();
  });

  it('by name, the Ingress that names the host takes it from a Gateway that takes any host', () => {
    expect(http('http://shop.example.test/shop')).toMatchObject({ ingress: 'default/shop-nginx' });
  });
});
