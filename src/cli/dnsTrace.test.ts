// `trace` to a name: what the pod's resolver, kubelet's resolv.conf and the pasted Corefile make of it,
// as the command prints it.
import { describe, expect, it } from 'vitest';
import { deriveModel } from '../model';
import { runMain as run } from './runCli';

const corefile = `apiVersion: v1
kind: ConfigMap
metadata:
  name: coredns
  namespace: kube-system
data:
  Corefile: |
    .:53 {
        errors
        rewrite name db.example.com orders.default.svc.cluster.local
        hosts {
            192.168.1.50 nas.home.arpa
            fallthrough
        }
        kubernetes cluster.local in-addr.arpa ip6.arpa {
           pods insecure
           fallthrough in-addr.arpa ip6.arpa
           ttl 30
        }
        forward . /etc/resolv.conf
    }`;

const orders = `apiVersion: v1
kind: Service
metadata:
  name: orders
spec:
  selector:
    app: orders
  ports:
  - port: 80
    targetPort: 8080
---
apiVersion: v1
kind: Pod
metadata:
  name: orders
  labels:
    app: orders
spec:
  containers:
  - name: web
    image: nginx
    ports:
    - containerPort: 8080`;

const pod = (name: string, spec = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${spec}  containers:
  - name: main
    image: busybox`;

const trace = async (input: string, from: string, to: string) => {
  const { code, out } = await run(['trace', '-f', '-', '--from', from, '--to', to, '-o', 'json'], input);
  return { code, trace: JSON.parse(out) };
};

describe('trace to a name', () => {
  it('reports a name the upstream resolver answers as not modelled, never as a drop', async () => {
    const { code, trace: t } = await trace([orders, pod('client')].join('\n---\n'), 'pod/default/client', 'example.com:443');
    expect(code).toBe(0);
    expect(t.outcome.result).toBe('unmodelled');
    expect(t.outcome.dns).toMatchObject({ name: 'example.com', status: 'unknown', queries: 4 });
    expect(t.outcome.reason.key).toBe('explain.dns.final.unknown');
    const text = await run(
      ['trace', '-f', '-', '--from', 'pod/default/client', '--to', 'example.com:443'],
      [orders, pod('client')].join('\n---\n'),
    );
    expect(text.out).toContain('answered by the upstream resolver; not modelled');
    expect(text.out).toContain('result: unmodelled');
    expect(text.out).not.toContain('result: dropped');
  });

  it("reaches the Service an outside name is rewritten to by the pasted Corefile, naming the rule's line", async () => {
    const { trace: t } = await trace([corefile, orders, pod('client')].join('\n---\n'), 'pod/default/client', 'db.example.com.:80');
    expect(t.outcome).toMatchObject({ result: 'delivered', service: 'default/orders', pod: 'default/orders' });
    const rewrite = t.steps.find((s: { explain: { key: string } }) => s.explain.key === 'explain.dns.rewrite.name');
    expect(rewrite.explain.params).toMatchObject({ block: '.:53', line: 3, rewritten: 'orders.default.svc.cluster.local.' });
    expect(rewrite.at).toMatchObject({ element: 'pod', pod: expect.stringMatching(/^kube-system\/coredns-/) });
  });

  it('resolves a name from the Corefile hosts block, and says which block answered', async () => {
    const { trace: t } = await trace([corefile, orders, pod('client')].join('\n---\n'), 'pod/default/client', 'nas.home.arpa.:445');
    expect(t.outcome.dns).toMatchObject({ status: 'answered', addresses: ['192.168.1.50'] });
    const answered = t.steps.find((s: { explain: { key: string } }) => s.explain.key === 'explain.dns.hosts.answer');
    expect(answered.explain.params).toMatchObject({ block: '.:53', line: 4, ips: '192.168.1.50' });
  });

  it('gives a host-network pod the cluster DNS only with ClusterFirstWithHostNet', async () => {
    const input = [
      orders,
      pod('agent', '  hostNetwork: true\n  dnsPolicy: ClusterFirstWithHostNet\n'),
      pod('plain', '  hostNetwork: true\n'),
    ].join('\n---\n');
    const withHostNet = await trace(input, 'pod/default/agent', 'orders.default.svc.cluster.local:80');
    expect(withHostNet.trace.outcome).toMatchObject({ result: 'delivered', service: 'default/orders' });
    expect(withHostNet.trace.outcome.dns.resolvConf).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
    const plain = await trace(input, 'pod/default/plain', 'orders.default.svc.cluster.local:80');
    expect(plain.trace.outcome).toMatchObject({ result: 'dropped', dns: { status: 'nxdomain', resolvConf: 'nameserver 192.168.1.1\n' } });
  });
});

describe("kubelet's DNSConfigForming events", () => {
  it("are listed by get -o json with kubelet's own text", async () => {
    const input = pod('client', '  dnsConfig:\n    nameservers: [1.1.1.1, 8.8.8.8, 9.9.9.9]\n');
    const { code, out } = await run(['get', '-f', '-', '-o', 'json'], input);
    expect(code).toBe(0);
    expect(JSON.parse(out).events.filter((e: { reason: string }) => e.reason === 'DNSConfigForming')).toEqual([
      {
        object: 'Pod/default/client',
        type: 'Warning',
        reason: 'DNSConfigForming',
        message:
          'Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: 10.96.0.10 1.1.1.1 8.8.8.8',
      },
    ]);
  });
});

describe('dig from a pod, with the pasted Corefile', () => {
  const input = [corefile, orders, pod('client'), pod('host', '  hostNetwork: true\n')].join('\n---\n');
  const dig = async (...args: string[]) => JSON.parse((await run(['dig', '-f', '-', ...args, '-o', 'json'], input)).out);

  it('asks the cluster DNS with no search list, and CoreDNS answers through the Corefile', async () => {
    const vip = deriveModel([{ name: 'c.yaml', text: input }]).state.services.find((s) => s.metadata.name === 'orders')!.spec.clusterIP!;
    expect(await dig('--from', 'pod/default/client', 'db.example.com')).toMatchObject({
      status: 'NOERROR',
      answer: [{ name: 'db.example.com.', ttl: 30, type: 'A', data: vip }],
    });
    expect(await dig('--from', 'pod/default/client', 'nas.home.arpa')).toMatchObject({
      answer: [{ name: 'nas.home.arpa.', ttl: 3600, type: 'A', data: '192.168.1.50' }],
    });
    expect((await dig('--from', 'pod/default/client', 'orders')).status).toBe('NXDOMAIN');
  });

  it("asks the node's resolver from a host-network pod with dnsPolicy ClusterFirst, which knows no cluster name", async () => {
    expect(await dig('--from', 'pod/default/host', 'orders.default.svc.cluster.local')).toMatchObject({
      status: 'NXDOMAIN',
      server: '192.168.1.1',
    });
  });
});
