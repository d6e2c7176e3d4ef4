import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveModel } from '../model';
import { traceSeries, walkPacket } from './walkPacket';

const scenario = (name: string) => deriveModel([{ name: `${name}.yaml`, text: readFileSync(`public/scenarios/${name}.yaml`, 'utf8') }]);
const basics = scenario('gateway-basics');
const pods = (app: string) => basics.state.pods.filter((p) => p.metadata.labels?.app === app).map((p) => p.status.podIP);

describe('a request through a Gateway of Envoy Gateway', () => {
  it("goes to the Gateway's address, through kube-proxy to the Envoy pod, which routes it and connects to a backend pod itself", () => {
    const trace = walkPacket(basics, { from: { kind: 'client' }, to: { kind: 'url', url: 'http://192.168.1.240/api/users' } });
    const o = trace.outcome;
    expect(o.result).toBe('delivered');
    expect(o.http).toMatchObject({ status: 200, gateway: 'default/eg', route: 'default/api', backend: 'default/api:80' });
    expect(o.http?.controller).toMatch(/^envoy-gateway-system\/envoy-default-eg-e41e7b31-/);
    expect(pods('api')).toContain(o.endpoint!.split(':')[0]);
    const decision = trace.steps.find((s) => s.stage?.kind === 'http')!;
    expect(decision.explain.key).toBe('explain.gateway.proxied');
    // Envoy's own connection goes to the pod IP: no Service address on that leg.
    const upstream = trace.steps.filter((s) => s.stage?.kind === 'upstream');
    expect(upstream[0]!.before.dst).toBe(o.endpoint!.split(':')[0]);
    const clusterIPs = basics.state.services.map((s) => s.spec.clusterIP);
    expect(upstream.some((s) => clusterIPs.includes(s.before.dst))).toBe(false);
  });

  it('answers 404 itself when no route matches', () => {
    const miss = walkPacket(basics, { from: { kind: 'client' }, to: { kind: 'url', url: 'http://192.168.1.240/nothing' } }).outcome;
    expect(miss.http).toMatchObject({ status: 404, gateway: 'default/eg' });
    expect(miss.http?.route).toBeUndefined();
    expect(miss.pod).toMatch(/^envoy-gateway-system\//);
  });

  it("by the Gateway's address, a Host header picks the route as a hostname in the URL would", () => {
    const model = scenario('gateway-hostnames');
    const byName = walkPacket(model, { from: { kind: 'client' }, to: { kind: 'url', url: 'http://shop.example.test/' } }).outcome;
    const headers = [{ name: 'Host', value: 'shop.example.test' }];
    const byIP = walkPacket(model, { from: { kind: 'client' }, to: { kind: 'url', url: 'http://192.168.1.240/', headers } }).outcome;
    expect(byName.http).toMatchObject({ status: 200, gateway: 'infra/shared', route: 'web/shop', backend: 'backend/store:80' });
    expect(byIP.http).toEqual(byName.http);
    const bare = walkPacket(model, { from: { kind: 'client' }, to: { kind: 'url', url: 'http://192.168.1.240/' } }).outcome;
    expect(bare.http?.status).toBe(404);
  });

  it('splits a weighted rule by weight over a series, and a header match sends the tester to v2 every time', () => {
    const canary = scenario('gateway-canary');
    const to = { kind: 'url' as const, url: 'http://192.168.1.240/' };
    const backends = traceSeries(canary, { from: { kind: 'client' }, to }, 20).map((t) => t.outcome.http?.backend);
    expect(backends.filter((b) => b === 'default/app-v2:80').length).toBeGreaterThan(0);
    expect(backends.filter((b) => b === 'default/app-v1:80').length).toBeGreaterThan(backends.length / 2);
    const tester = traceSeries(canary, { from: { kind: 'client' }, to: { ...to, headers: [{ name: 'x-canary', value: 'true' }] } }, 5);
    expect(tester.map((t) => t.outcome.http?.backend)).toEqual(Array(5).fill('default/app-v2:80'));
  });
});
