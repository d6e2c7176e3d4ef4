// `packetwalk envoy-config`, and Envoy Gateway's proxy Service as kube-proxy sees it.
import { describe, expect, it } from 'vitest';
import { runMain as run } from './runCli';

const basics = 'src/model/envoygateway/testdata/gateway-basics.yaml';
const proxy = 'envoy-default-eg-e41e7b31';

describe('packetwalk envoy-config', () => {
  it("prints the Gateway's Envoy listener, its routes most specific first, and clusters of the pods' IPs", async () => {
    const { code, out, err } = await run(['envoy-config', '-f', basics, '--gateway', 'default/eg']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const config = JSON.parse(out);
    expect(config.proxy).toBe(`envoy-gateway-system/${proxy}`);
    expect(config.listeners).toEqual([{ name: 'default/eg/http', address: '0.0.0.0:10080', routeConfigs: ['default/eg/http'] }]);
    const routes = config.routeConfigs[0].virtualHosts[0].routes;
    expect(routes.map((r: { name: string }) => r.name)).toEqual([
      'httproute/default/api/rule/0/match/0/www_example_com',
      'httproute/default/web/rule/0/match/0/www_example_com',
    ]);
    const pods = JSON.parse((await run(['get', '-f', basics, '-o', 'json'])).out).pods;
    const ips = (app: string) =>
      pods
        .filter((p: { metadata: { labels?: Record<string, string> } }) => p.metadata.labels?.app === app)
        .map((p: { status: { podIP: string } }) => p.status.podIP);
    const api = config.clusters.find((c: { name: string }) => c.name === 'httproute/default/api/rule/0');
    expect(api.localities[0].endpoints.sort()).toEqual(
      ips('api')
        .map((ip: string) => `${ip}:3000`)
        .sort(),
    );
  });

  it('without --gateway lists every Gateway of Envoy Gateway; an unknown one or a file with none is exit 1 saying what exists', async () => {
    const all = await run(['envoy-config', '-f', basics]);
    expect(JSON.parse(all.out).map((c: { gateway: string }) => c.gateway)).toEqual(['default/eg']);
    const unknown = await run(['envoy-config', '-f', basics, '--gateway', 'prod/edge']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toBe('packetwalk: no Gateway prod/edge is served by Envoy Gateway; it serves default/eg\n');
    const none = await run(['envoy-config', '-f', 'public/scenarios/hostnames.yaml']);
    expect(none.code).toBe(1);
    expect(none.err).toContain('no Gateway here is served by Envoy Gateway');
    const bad = await run(['envoy-config', '-f', basics, '--gateway', 'eg']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--gateway: "eg" is not NAMESPACE/NAME');
  });

  it("kube-proxy writes rules for the Envoy Service: its LoadBalancer IP from MetalLB to the Envoy pod's port 10080", async () => {
    const { out } = await run(['iptables', '-f', basics, '--node', 'worker-1']);
    const comment = `envoy-gateway-system/${proxy}:http-80`;
    expect(out).toContain(
      `-A KUBE-SERVICES -m comment --comment "${comment} loadbalancer IP" -m tcp -p tcp -d 192.168.1.240 --dport 80 -j KUBE-EXT-`,
    );
    expect(out).toMatch(new RegExp(`--comment "${comment} -> 10\\.244\\.\\d+\\.\\d+:10080" -j KUBE-SEP-`));
  });
});
