import { describe, expect, it } from 'vitest';
import { deriveModel } from '../model';
import { pastedCorefile } from './corefile';
import { lookup } from './lookup';
import { resolve } from './resolve';
import { clientPod, podOf } from './testClusters';

/** The coredns ConfigMap as `kubectl -n kube-system get cm coredns -o yaml` shows it, with `body` as its Corefile. */
const configMap = (body: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: coredns
  namespace: kube-system
data:
  Corefile: |
${body
  .split('\n')
  .map((l) => (l ? `    ${l}` : l))
  .join('\n')}`;

const orders = `apiVersion: v1
kind: Service
metadata:
  name: orders
spec:
  selector:
    app: orders
  ports:
  - port: 80`;

const CUSTOM = `.:53 {
    errors
    rewrite name db.example.com orders.default.svc.cluster.local
    rewrite name suffix .corp.internal .default.svc.cluster.local answer auto
    rewrite name regex (.*)\\.legacy\\.lan {1}.default.svc.cluster.local
    hosts {
        10.0.0.9 nas.home.arpa
        fallthrough
    }
    kubernetes cluster.local in-addr.arpa ip6.arpa {
        pods insecure
        fallthrough in-addr.arpa ip6.arpa
        ttl 30
    }
    forward . /etc/resolv.conf
    cache 30
}
example.local:53 {
    forward . 10.0.0.53
}
strict.lan:53 {
    hosts {
        10.0.0.10 known.strict.lan
    }
}
`;

function modelWith(corefile: string, ...more: string[]) {
  const text = [configMap(corefile), orders, clientPod(), ...more].join('\n---\n');
  const model = deriveModel([{ name: 'cluster.yaml', text }]);
  const options = { corefile: pastedCorefile(model.manifests.map((m) => m.object))! };
  return { model, state: model.state, options, text };
}

describe('a pasted Corefile', () => {
  const { state, options } = modelWith(CUSTOM);
  const vip = state.services.find((s) => s.metadata.name === 'orders')!.spec.clusterIP!;

  it('rewrites an exact name to a Service, and answers with the name that was asked', () => {
    const a = lookup(state, 'db.example.com', 'A', options);
    expect(a.answers).toEqual([{ name: 'db.example.com.', type: 'A', ttl: 30, address: vip }]);
    expect(a.rewrites).toEqual([
      {
        key: 'explain.dns.rewrite.name',
        params: expect.objectContaining({
          block: '.:53',
          line: 3,
          qname: 'db.example.com.',
          rewritten: 'orders.default.svc.cluster.local.',
        }),
      },
    ]);
  });

  it('rewrites a suffix (answer auto: the answer keeps the asked name) and a regex (the answer carries the rewritten name)', () => {
    expect(lookup(state, 'orders.corp.internal', 'A', options).answers).toEqual([
      { name: 'orders.corp.internal.', type: 'A', ttl: 30, address: vip },
    ]);
    expect(lookup(state, 'Orders.Legacy.Lan', 'A', options).answers).toEqual([
      { name: 'orders.default.svc.cluster.local.', type: 'A', ttl: 30, address: vip },
    ]);
  });

  it('answers from the hosts block, and lets a name it lacks fall through to forward', () => {
    expect(lookup(state, 'nas.home.arpa', 'A', options)).toMatchObject({
      rcode: 'NOERROR',
      answers: [{ name: 'nas.home.arpa.', type: 'A', ttl: 3600, address: '10.0.0.9' }],
      explanation: { key: 'explain.dns.hosts.answer', params: { block: '.:53', line: 6 } },
    });
    expect(lookup(state, 'tv.home.arpa', 'A', options)).toMatchObject({
      rcode: 'UNKNOWN',
      explanation: { key: 'explain.dns.forward.unknown', params: { block: '.:53', line: 15, upstream: '192.168.1.1' } },
    });
  });

  it('gives a hosts block without fallthrough SERVFAIL for a name it lacks, as CoreDNS does', () => {
    expect(lookup(state, 'known.strict.lan', 'A', options).answers).toMatchObject([{ address: '10.0.0.10' }]);
    expect(lookup(state, 'other.strict.lan', 'A', options)).toMatchObject({
      rcode: 'SERVFAIL',
      explanation: { key: 'explain.dns.hosts.servfail', params: { block: 'strict.lan:53' } },
    });
  });

  it('sends a stub domain to its own upstream, and everything else to the node resolver', () => {
    expect(lookup(state, 'printer.example.local', 'A', options)).toMatchObject({
      forwarded: { to: ['10.0.0.53'], known: false },
      explanation: { key: 'explain.dns.forward.unknown', params: { block: 'example.local:53', upstream: '10.0.0.53' } },
    });
    expect(
      lookup(state, 'printer.example.local', 'A', { ...options, upstream: { 'printer.example.local': ['10.0.0.77'] } }).answers,
    ).toEqual([{ name: 'printer.example.local.', type: 'A', ttl: 30, address: '10.0.0.77' }]);
    expect(lookup(state, 'example.com', 'A', options).forwarded?.to).toEqual(['192.168.1.1']);
  });

  it("lets a pod's resolver reach a rewritten outside name after its search domains, and connect to the Service", () => {
    const r = resolve(state, podOf(state, 'client'), 'db.example.com', 'A', options);
    expect(r.status).toBe('answered');
    expect(r.addresses).toEqual([vip]);
    expect(r.queries.map((q) => q.answer.rcode)).toEqual(['NXDOMAIN', 'NXDOMAIN', 'NXDOMAIN', 'NOERROR']);
    // The note about kubeadm's cache and loadbalance is not said of a pasted Corefile.
    expect(r.notes.map((n) => n.key)).toContain('explain.dns.note.corednsPasted');
    expect(r.notes.map((n) => n.key)).not.toContain('explain.dns.note.coredns');
  });

  it('leaves glibc without an address when a rewrite without answer auto answers for another name; musl takes it', () => {
    const pod = podOf(state, 'client');
    expect(resolve(state, pod, 'orders.legacy.lan.', 'A', options)).toMatchObject({
      status: 'nodata',
      addresses: [],
      explanation: { key: 'explain.dns.final.otherOwner', params: { owner: 'orders.default.svc.cluster.local.' } },
    });
    expect(resolve(state, pod, 'orders.legacy.lan.', 'A', { ...options, libc: 'musl' }).addresses).toEqual([vip]);
    expect(resolve(state, pod, 'orders.corp.internal.', 'A', options).addresses).toEqual([vip]);
  });

  it('refuses a name no server block serves', () => {
    const { state: s, options: o } = modelWith('cluster.local:53 {\n    kubernetes\n}\n');
    expect(lookup(s, 'example.com', 'A', o).rcode).toBe('REFUSED');
    expect(lookup(s, 'kubernetes.default.svc.cluster.local', 'A', o).answers).toHaveLength(1);
    // The kubernetes plugin's default: no pod names.
    expect(lookup(s, '10-244-1-5.default.pod.cluster.local', 'A', o)).toMatchObject({
      rcode: 'NXDOMAIN',
      explanation: { key: 'explain.dns.nxdomain.podsDisabled' },
    });
    expect(resolve(s, podOf(s, 'client'), 'example.com.', 'A', o).status).toBe('refused');
  });

  it('answers a pod name under "pods verified" only when a pod in that namespace has the address', () => {
    const { state: s, options: o } = modelWith('.:53 {\n    kubernetes cluster.local {\n        pods verified\n    }\n}\n');
    const ip = podOf(s, 'client').status.podIP!;
    const name = (address: string) => `${address.replace(/\./g, '-')}.default.pod.cluster.local`;
    expect(lookup(s, name(ip), 'A', o).answers).toMatchObject([{ address: ip }]);
    expect(lookup(s, name('10.244.99.99'), 'A', o)).toMatchObject({
      rcode: 'NXDOMAIN',
      explanation: { key: 'explain.dns.nxdomain.podVerified' },
    });
  });

  it('serves the zone the kubernetes plugin names, which may differ from the one kubelet searches', () => {
    const {
      model,
      state: s,
      options: o,
    } = modelWith('.:53 {\n    kubernetes k8s.example {\n        pods insecure\n    }\n    forward . 1.1.1.1\n}\n');
    expect(lookup(s, 'orders.default.svc.k8s.example', 'A', o).rcode).toBe('NOERROR');
    expect(lookup(s, 'orders.default.svc.cluster.local', 'A', o)).toMatchObject({ rcode: 'UNKNOWN', forwarded: { to: ['1.1.1.1'] } });
    // kubelet still searches cluster.local: the Problems panel says so, at the ConfigMap's Corefile.
    expect(model.diagnostics.filter((d) => d.code.startsWith('corefile.'))).toMatchObject([
      { code: 'corefile.clusterDomain', severity: 'warning', line: 7, params: { domain: 'cluster.local.', zones: 'k8s.example.' } },
    ]);
    expect(modelWith('.:53 {\n    forward . 1.1.1.1\n}\n').model.diagnostics.filter((d) => d.code.startsWith('corefile.'))).toMatchObject([
      { code: 'corefile.noKubernetes', params: { domain: 'cluster.local.' } },
    ]);
  });
});

describe('Corefile problems', () => {
  const where = (text: string, code: string) => {
    const model = deriveModel([{ name: 'cluster.yaml', text }]);
    const d = model.diagnostics.find((x) => x.code === code);
    return d && { line: d.line, col: d.col, severity: d.severity, params: d.params };
  };

  it('point at the line and column inside the ConfigMap where they are written', () => {
    const text = configMap(
      '.:53 {\n    errors\n    forwrd . 8.8.8.8\n    forward . dns.google\n    hosts {\n        nas.home.arpa 10.0.0.9\n    }\n}\n',
    );
    // The Corefile starts on line 8 of the file, indented by 4.
    expect(where(text, 'corefile.unknownDirective')).toEqual({ line: 10, col: 9, severity: 'error', params: { name: 'forwrd' } });
    expect(where(text, 'corefile.badArgument')).toMatchObject({ line: 11, col: 19, params: { plugin: 'forward', value: 'dns.google' } });
    expect(where(text, 'corefile.hostsLineIgnored')).toMatchObject({ line: 13, col: 13, severity: 'warning' });
  });

  it('say where a brace is missing, and the rest of the model still works', () => {
    const text = [configMap('.:53 {\n    errors\n    forward . 8.8.8.8\n'), orders].join('\n---\n');
    expect(where(text, 'corefile.syntax.unclosed')).toMatchObject({ line: 8, col: 10 });
    const model = deriveModel([{ name: 'cluster.yaml', text }]);
    expect(model.state.services.some((s) => s.metadata.name === 'orders')).toBe(true);
    expect(where(configMap('.:53 {\n}\n}\n'), 'corefile.syntax.strayBrace')).toMatchObject({ line: 10, col: 5 });
    expect(where(configMap('.:53 {\n    rewrite name regex ([a-z+ x.\n}\n'), 'corefile.badArgument')).toMatchObject({
      params: { plugin: 'rewrite name regex' },
    });
  });

  it('are none for the Corefile kubeadm writes', () => {
    const model = deriveModel([{ name: 'cluster.yaml', text: configMap(KUBEADM) }]);
    expect(model.diagnostics.filter((d) => d.code.startsWith('corefile.'))).toEqual([]);
  });
});

const KUBEADM = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success cluster.local
       disable denial cluster.local
    }
    loop
    reload
    loadbalance
}
`;
