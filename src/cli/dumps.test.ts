// A real cluster's dump through the command: k3s, kind and kubeadm dumps print back with the
// addresses, placements and statuses they had, and walk by name from a dumped pod to a dumped
// one. And input with a refused object, as a process for every command: what the other objects
// produce on stdout, each message once on stderr, exit 1 (as `kubectl apply` does).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { root, runMain, runProcess } from './runCli';

interface Pod {
  metadata: { namespace: string; name: string };
  spec: { nodeName?: string };
  status: { podIP?: string; hostIP?: string; phase?: string };
}
interface Service {
  metadata: { namespace: string; name: string };
  spec: { clusterIP?: string; ports?: { nodePort?: number }[] };
}

const podFacts = (pods: Pod[]) =>
  pods
    .map((p) => `${p.metadata.namespace}/${p.metadata.name} ${p.spec.nodeName} ${p.status.podIP} ${p.status.hostIP} ${p.status.phase}`)
    .sort();
const serviceFacts = (services: Service[]) =>
  services
    .map(
      (s) =>
        `${s.metadata.namespace}/${s.metadata.name} ${s.spec.clusterIP} ${(s.spec.ports ?? []).map((p) => p.nodePort ?? '-').join(',')}`,
    )
    .sort();

/** The pods and Services of a dump as kubectl printed them, read with js-yaml, not with the command's own reader. */
function dumped(file: string): { pods: Pod[]; services: Service[] } {
  const docs = loadAll(readFileSync(join(root, file), 'utf8')) as { kind: string; items?: { kind: string }[] }[];
  const objects = docs.flatMap((doc) => doc.items ?? [doc]);
  return {
    pods: objects.filter((o) => o.kind === 'Pod') as unknown as Pod[],
    services: objects.filter((o) => o.kind === 'Service') as unknown as Service[],
  };
}

const dumps = [
  {
    file: 'src/model/cluster/testdata/k3s-dump.yaml',
    node: 'k3s-agent-2',
    rule: '--comment "shop/web:http -> 10.42.2.7:8080" -j KUBE-SEP-',
    from: 'pod/kube-system/metrics-server-5985cbc9d7-x2k4q',
    to: 'web.shop:80',
    backends: ['shop/web-7d9f8b6c5-4hq2m', 'shop/web-7d9f8b6c5-n8z7c'],
  },
  {
    file: 'src/model/cluster/testdata/kind-dump.yaml',
    node: 'kind-control-plane',
    rule: '-A KUBE-SERVICES -m comment --comment "default/web:http cluster IP" -m tcp -p tcp -d 10.96.183.47 --dport 80 -j KUBE-SVC-',
    from: 'pod/default/web-6d4cf56db6-wm8rl',
    to: 'api.default:8080',
    backends: ['default/api-5c8d9b7f4b-b7x9k'],
  },
  {
    file: 'src/model/cluster/testdata/kubeadm-dump.yaml',
    node: 'node-2',
    rule: '--comment "shop/cart:grpc -> 10.32.1.15:9090" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-',
    from: 'pod/shop/cart-84c7d6f5d9-j4lmt',
    to: 'storefront.shop:80',
    backends: ['shop/storefront-59b8c6d7f8-c2d9p', 'shop/storefront-59b8c6d7f8-r7hfw'],
  },
];

describe.each(dumps)('packetwalk on $file', (d) => {
  it('get -o json holds exactly the dumped pods where they ran, and the dumped ClusterIPs and node ports; exit 0, nothing to warn', async () => {
    const { code, out, err } = await runMain(['get', '-f', d.file, '-o', 'json']);
    expect(err).not.toMatch(/error|warning/);
    expect(code).toBe(0);
    const doc = JSON.parse(out) as { pods: Pod[]; services: Service[] };
    const given = dumped(d.file);
    expect(podFacts(doc.pods)).toEqual(podFacts(given.pods));
    expect(serviceFacts(doc.services)).toEqual(serviceFacts(given.services));
  });

  it('iptables --node writes kube-proxy’s rules from the dumped addresses', async () => {
    const { code, out } = await runMain(['iptables', '-f', d.file, '--node', d.node]);
    expect(code).toBe(0);
    expect(out).toContain(d.rule);
  });

  it('trace from a dumped pod to a dumped Service by name reaches a dumped pod', async () => {
    const { code, out } = await runMain(['trace', '-f', d.file, '--from', d.from, '--to', d.to, '-o', 'json']);
    expect(code).toBe(0);
    const { outcome } = JSON.parse(out) as { outcome: { result: string; pod: string } };
    expect(outcome.result).toBe('delivered');
    expect(d.backends).toContain(outcome.pod);
  });
});

// A Deployment and its Service, an Ingress to it, a client; a Service the API server refuses
// (its clusterIP is not an address), and a field it does not know (a warning, the object kept).
const refused = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
  colour: blue
---
apiVersion: v1
kind: Service
metadata: {name: broken}
spec:
  clusterIP: 10.96.0.300
  selector: {app: web}
  ports: [{port: 81, targetPort: 8080}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: site}
spec:
  ingressClassName: nginx
  rules:
  - host: shop.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
---
apiVersion: v1
kind: Pod
metadata: {name: client, labels: {app: client}}
spec: {containers: [{name: c, image: busybox}]}
`;

const pictures = mkdtempSync(join(tmpdir(), 'packetwalk-refused-'));
const commands: { args: string[]; printed: (out: string) => void }[] = [
  {
    args: ['get', '-o', 'json'],
    printed: (out) => {
      const names = (JSON.parse(out) as { services: Service[] }).services.map((s) => s.metadata.name);
      expect(names).toContain('web');
      expect(names).not.toContain('broken');
    },
  },
  {
    args: ['iptables', '--node', 'worker-1'],
    printed: (out) => {
      expect(out).toContain('--comment "default/web cluster IP"');
      expect(out).not.toContain('default/broken');
    },
  },
  {
    args: ['ipvsadm', '--node', 'worker-1', '--proxy-mode', 'ipvs'],
    printed: (out) => expect(out).toMatch(/^TCP {2}10\.\d+\.\d+\.\d+:80 rr$/m),
  },
  { args: ['ipset', '--node', 'worker-1', '--proxy-mode', 'ipvs'], printed: (out) => expect(out).toMatch(/^\d+\.\d+\.\d+\.\d+,tcp:80$/m) },
  { args: ['nginx-conf'], printed: (out) => expect(out).toContain('server_name "shop.example.com" ;') },
  {
    args: ['dig', '--from', 'pod/default/client', 'web.default.svc.cluster.local'],
    printed: (out) => expect(out).toMatch(/^web\.default\.svc\.cluster\.local\.\s+\d+\s+IN\s+A\s+10\.\d+\.\d+\.\d+$/m),
  },
  {
    args: ['ip', '--node', 'worker-1', 'route'],
    printed: (out) => expect(out).toContain('10.244.1.0/24 dev cni0 proto kernel scope link'),
  },
  {
    args: ['bridge', '--node', 'worker-1', 'fdb'],
    printed: (out) => expect(out).toMatch(/ dev flannel\.1 dst 192\.168\.1\.10 self permanent$/m),
  },
  { args: ['trace', '--from', 'pod/default/client', '--to', 'web:80'], printed: (out) => expect(out).toMatch(/^result: delivered/m) },
  {
    args: ['render', '--from', 'pod/default/client', '--to', 'web:80', '-o', join(pictures, 'refused.svg')],
    printed: () => expect(readFileSync(join(pictures, 'refused.svg'), 'utf8')).toMatch(/^<svg /),
  },
];

describe('input with an object the API server refuses, for every command, as a process', () => {
  // The first run builds the bundle if the sources are newer than it.
  beforeAll(() => void runProcess(['--help']), 120_000);

  it.each(commands)(
    'packetwalk $args.0: prints what the other objects produce, says each problem once, exits 1',
    ({ args, printed }) => {
      const [command, ...rest] = args;
      const { code, out, err } = runProcess([command!, '-f', '-', ...rest], refused);
      expect(code).toBe(1);
      printed(out);
      const lines = err.split('\n').filter((l) => l && !l.startsWith('packetwalk: walking') && !l.startsWith('packetwalk: wrote'));
      expect(lines).toEqual([
        '<stdin>:17:3: warning: unknown field ".spec.colour"',
        '<stdin>:23:3: error: .spec.clusterIP: Invalid value: "10.96.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
        'packetwalk: the objects with an error are left out, as the API server would refuse them; the output is what the others produce, as kubectl apply would have applied them (exit code 1)',
      ]);
    },
    60_000,
  );
});
