import { describe, expect, it } from 'vitest';
import { parseManifests, type ParseResult } from './parse';
import { hostnamesYaml } from './testdata/hostnames';
import type { Deployment, EndpointSlice, KubeProxyConfiguration, Namespace, Node, Pod, Service } from './types';

const parse = (text: string, name = 'm.yaml'): ParseResult => parseManifests([{ name, text }]);
/** `line:col severity code path` for each diagnostic: what the editor shows. */
const shown = (r: ParseResult): string[] =>
  r.diagnostics.map((d) => `${d.line}:${d.col} ${d.severity} ${d.code}${d.params.path !== undefined ? ` ${d.params.path}` : ''}`);
const objects = (r: ParseResult) => r.manifests.map((m) => m.object);

describe('the seed hostnames manifests', () => {
  const r = parse(hostnamesYaml);

  it('decode without diagnostics into a Service and a Deployment', () => {
    expect(r.diagnostics).toEqual([]);
    expect(objects(r).map((o) => `${o.kind}/${o.metadata?.name}`)).toEqual(['Service/hostnames', 'Deployment/hostnames']);
  });

  it('keep what was written and get the API server defaults', () => {
    const svc = r.manifests[0].object as Service;
    expect(svc.metadata.namespace).toBe('default');
    expect(svc.spec).toEqual({
      selector: { app: 'hostnames' },
      ports: [{ name: 'default', protocol: 'TCP', port: 80, targetPort: 9376 }],
      type: 'ClusterIP',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
    });
    expect(svc.status).toEqual({ loadBalancer: {} });
    const deploy = r.manifests[1].object as Deployment;
    expect(deploy.spec.replicas).toBe(3);
    expect(deploy.spec.template.spec.containers[0]).toEqual({
      name: 'hostnames',
      image: 'k8s.gcr.io/serve_hostname',
      ports: [{ containerPort: 9376, protocol: 'TCP' }],
    });
    expect(deploy.spec.template.spec.dnsPolicy).toBe('ClusterFirst');
  });

  it('point at every field: SourceRef.at finds the key, or the nearest ancestor', () => {
    const svc = r.manifests[0].source;
    expect(svc.pos).toMatchObject({ file: 'm.yaml', line: 1, col: 1 });
    expect(svc.at('spec.ports.0.targetPort')).toMatchObject({ line: 12, col: 5 });
    expect(svc.at('spec.ports.0')).toMatchObject({ line: 9, col: 5 });
    expect(svc.at('spec.clusterIP')).toMatchObject({ line: 5, col: 1 });
    const deploy = r.manifests[1].source;
    expect(deploy.at('spec.template.spec.containers.0.ports.0.containerPort')).toMatchObject({ line: 32, col: 11 });
    expect(deploy.at('')).toMatchObject({ line: 14, col: 1 });
  });
});

describe('field names', () => {
  it('warns about a field named like an Object member (constructor, toString, __proto__) as about any unknown one', () => {
    const r = parse('apiVersion: v1\nkind: Namespace\nmetadata: {name: ns1, constructor: 1, toString: x}\n__proto__: {}\n');
    expect(shown(r)).toEqual([
      '3:23 warning field.unknown .metadata.constructor',
      '3:39 warning field.unknown .metadata.toString',
      '4:1 warning field.unknown .__proto__',
    ]);
    expect(objects(r).map((o) => o.metadata?.name)).toEqual(['ns1']);
  });
});

describe('input forms', () => {
  it('unpacks a kubectl List dump, keeping what the cluster filled in; paths in items are relative to the item', () => {
    const dump = `apiVersion: v1
items:
- apiVersion: v1
  kind: Pod
  metadata:
    name: hostnames-7d8f9c-abcde
    namespace: default
    labels: {app: hostnames}
  spec:
    nodeName: node-1
    containers:
    - name: hostnames
      image: k8s.gcr.io/serve_hostname
  status:
    phase: Running
    podIP: 10.244.1.7
    podIPs:
    - ip: 10.244.1.7
    containerStatuses: []
- apiVersion: v1
  kind: Service
  metadata:
    name: hostnames
    namespace: default
    resourceVersion: "123"
    uid: 0a1b
  spec:
    clusterIP: 10.0.1.175
    clusterIPs: [10.0.1.175]
    type: NodePort
    ports:
    - port: 80
      nodePort: 31234
      targetPort: 9376
    selector: {app: hostnames}
  status:
    loadBalancer: {}
- apiVersion: v1
  kind: Node
  metadata: {name: node-1}
  spec: {podCIDR: 10.244.1.0/24, podCIDRs: [10.244.1.0/24]}
  status:
    addresses:
    - {type: InternalIP, address: 192.168.56.11}
    - {type: Hostname, address: node-1}
kind: List
metadata:
  resourceVersion: ""
`;
    const r = parse(dump);
    expect(r.diagnostics).toEqual([]);
    const [pod, svc, node] = objects(r) as [Pod, Service, Node];
    expect(pod.spec.nodeName).toBe('node-1');
    expect(pod.status.podIP).toBe('10.244.1.7');
    expect(svc.spec.clusterIP).toBe('10.0.1.175');
    expect(svc.spec.ports[0]).toEqual({ port: 80, nodePort: 31234, targetPort: 9376, protocol: 'TCP' });
    expect(svc.spec.externalTrafficPolicy).toBe('Cluster');
    expect(node.spec.podCIDR).toBe('10.244.1.0/24');
    expect(node.status.addresses).toEqual([
      { type: 'InternalIP', address: '192.168.56.11' },
      { type: 'Hostname', address: 'node-1' },
    ]);
    expect(node.metadata.namespace).toBeUndefined();
    expect(r.manifests[1].source.at('spec.clusterIP')).toMatchObject({ line: 28, col: 5 });
    expect(r.manifests[1].source.pos).toMatchObject({ line: 20, col: 3 });
  });

  it('reads JSON, including a stream of concatenated objects', () => {
    const one = JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }, null, 2);
    const two = JSON.stringify({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'shop' },
      spec: { ports: [{ port: 8080, protocol: 'UDP', targetPort: 0 }] },
    });
    const r = parse(`${one}\n${two}\n`, 'm.json');
    expect(r.diagnostics).toEqual([]);
    const [ns, svc] = objects(r) as [Namespace, Service];
    expect(ns.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'shop' });
    expect(svc.metadata.namespace).toBe('shop');
    expect(svc.spec.ports).toEqual([{ port: 8080, protocol: 'UDP', targetPort: 8080 }]);
  });

  it('reads plain scalars as YAML 1.1, like kubectl', () => {
    const r = parse(`apiVersion: v1
kind: Pod
metadata: {name: p, labels: {enabled: "yes"}}
spec:
  hostNetwork: yes
  containers:
  - name: c
    ports:
    - containerPort: 0777
`);
    expect(r.diagnostics).toEqual([]);
    const pod = r.manifests[0].object as Pod;
    expect(pod.spec.hostNetwork).toBe(true);
    expect(pod.spec.containers[0].ports).toEqual([{ containerPort: 511, protocol: 'TCP', hostPort: 511 }]);
    expect(pod.metadata.labels).toEqual({ enabled: 'yes' });
  });

  it('reports an unquoted `yes` where a string is expected, as kubectl does, quoting what was written', () => {
    const r = parse('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  labels:\n    enabled: yes\n    mask: 0x1F\n');
    expect(shown(r)).toEqual(['6:14 error field.unquoted .metadata.labels.enabled', '7:11 error field.unquoted .metadata.labels.mask']);
    expect(r.diagnostics.map((d) => d.params.value)).toEqual(['yes', '0x1F']);
  });

  it('follows anchors, aliases and merge keys as go-yaml does', () => {
    const r = parse(`apiVersion: v1
kind: Pod
metadata:
  name: p
  labels: &common {app: web, tier: front}
spec:
  nodeSelector:
    <<: *common
    tier: back
  containers: [{name: c}]
`);
    expect(r.diagnostics).toEqual([]);
    const pod = r.manifests[0].object as Pod;
    expect(pod.metadata.labels).toEqual({ app: 'web', tier: 'front' });
    expect(pod.spec.nodeSelector).toEqual({ tier: 'back', app: 'web' });
  });

  it('says so for empty text, and does not crash', () => {
    expect(shown(parse(''))).toEqual(['1:1 info input.empty']);
    expect(shown(parse('# just a comment\n---\n'))).toEqual(['1:1 info input.empty']);
  });
});

describe('bad input', () => {
  it('a syntax error costs only its own document, and is placed exactly', () => {
    const text = `apiVersion: v1
kind: Namespace
metadata: {name: first}
---
apiVersion: v1
kind: Namespace
metadata:
  name: second
 labels: {}
---
apiVersion: v1
kind: Namespace
metadata: {name: third}
`;
    const r = parse(text);
    expect(r.diagnostics.map((d) => `${d.line}:${d.col} ${d.code}`)).toEqual(['9:2 yaml.syntax']);
    expect(r.diagnostics[0].params.reason).toMatch(/indentation/);
    expect(objects(r).map((o) => o.metadata?.name)).toEqual(['first', 'third']);
  });

  it('an unknown field is a warning at its key; the object still decodes', () => {
    const r = parse(hostnamesYaml.replace('replicas: 3', 'replica: 3'));
    expect(shown(r)).toEqual(['22:3 warning field.unknown .spec.replica']);
    expect((r.manifests[1].object as Deployment).spec.replicas).toBe(1);
  });

  it('a wrong type is an error at the value, with the expected type', () => {
    const r = parse(hostnamesYaml.replace('replicas: 3', 'replicas: three'));
    expect(shown(r)).toEqual(['22:13 error field.type .spec.replicas']);
    expect(r.diagnostics[0].params).toMatchObject({ expected: 'integer', actual: 'string' });
  });

  it('a bad enum or an out-of-range port is reported and that field or port is dropped; the Service stays', () => {
    const r = parse(
      hostnamesYaml
        .replace('protocol: TCP\n    port: 80', 'protocol: TPC\n    port: 80')
        .replace('spec:\n  selector:\n    app', 'spec:\n  type: Nodeport\n  selector:\n    app'),
    );
    expect(shown(r)).toEqual(['6:9 error field.enum .spec.type', '11:15 error field.enum .spec.ports[0].protocol']);
    expect(r.diagnostics[0].params.allowed).toBe('"ClusterIP", "NodePort", "LoadBalancer", "ExternalName"');
    const svc = r.manifests[0].object as Service;
    expect(svc.spec.type).toBe('ClusterIP');
    expect(svc.spec.ports[0].protocol).toBe('TCP');

    const r2 = parse(hostnamesYaml.replace('port: 80', 'port: 80000'));
    expect(shown(r2)).toEqual(['11:11 error field.range .spec.ports[0].port']);
    expect(r2.manifests.map((m) => m.object.kind)).toEqual(['Service', 'Deployment']);
    expect((r2.manifests[0].object as Service).spec.ports).toEqual([]);
  });

  it('an object without a name is dropped with an error at its metadata', () => {
    const r = parse(
      hostnamesYaml.replace(
        'metadata:\n  name: hostnames\nspec:\n  selector:\n    app',
        'metadata:\n  labels: {}\nspec:\n  selector:\n    app',
      ),
    );
    expect(shown(r)).toEqual(['3:1 error field.required .metadata.name']);
    expect(objects(r).map((o) => o.kind)).toEqual(['Deployment']);
  });

  it('missing required fields deep inside drop the object: containers, container name, port', () => {
    const r = parse(`apiVersion: v1
kind: Pod
metadata: {name: a}
spec:
  containers: []
---
apiVersion: v1
kind: Pod
metadata: {name: b}
spec:
  containers:
  - image: nginx
---
apiVersion: v1
kind: Service
metadata: {name: c}
spec:
  ports:
  - targetPort: 80
`);
    expect(shown(r)).toEqual([
      '5:3 error field.required .spec.containers',
      '12:5 error field.required .spec.containers[0].name',
      '19:5 error field.required .spec.ports[0].port',
    ]);
    expect(objects(r).map((o) => o.metadata?.name)).toEqual(['c']);
  });

  it('a duplicate object is a warning at its name that points at the first; the later one replaces it, as kubectl apply does', () => {
    const r = parse(`${hostnamesYaml}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: hostnames\nspec: {ports: [{port: 81}]}\n`);
    expect(shown(r)).toEqual(['38:3 warning object.duplicate']);
    expect(r.diagnostics[0].params).toEqual({ kind: 'Service', name: 'hostnames', file: 'm.yaml', line: 1 });
    expect(objects(r).map((o) => `${o.kind}/${o.metadata?.name}`)).toEqual(['Service/hostnames', 'Deployment/hostnames']);
    expect((r.manifests[0].object as Service).spec.ports[0].port).toBe(81);
    expect(r.manifests[0].source.pos.line).toBe(35);
  });

  it('the same name in another namespace or kind is not a duplicate', () => {
    const r = parse(
      `${hostnamesYaml}---\napiVersion: v1\nkind: Service\nmetadata: {name: hostnames, namespace: other}\nspec: {ports: [{port: 81}]}\n`,
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.manifests).toHaveLength(3);
  });

  it('an unknown kind is an info and skipped; a wrong apiVersion says which one to use', () => {
    const r = parse(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: x}
---
apiVersion: extensions/v1beta1
kind: Deployment
metadata: {name: old}
---
metadata: {name: nothing}
`);
    expect(shown(r)).toEqual([
      '2:1 info kind.unknown',
      '5:1 error kind.version',
      '9:1 error object.noKind',
      '9:1 error object.noApiVersion',
    ]);
    expect(r.diagnostics[1].params).toEqual({ kind: 'Deployment', apiVersion: 'extensions/v1beta1', expected: 'apps/v1' });
    expect(r.manifests).toEqual([]);
  });

  it('names, IPs and CIDRs are validated where the API server validates them', () => {
    const r = parse(`apiVersion: v1
kind: Service
metadata: {name: 1web}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Node
metadata: {name: n1}
spec: {podCIDR: 10.244.1.0/33}
status:
  addresses: [{type: InternalIP, address: 10.0.0.300}]
---
apiVersion: v1
kind: Pod
metadata: {name: Web_1}
spec: {containers: [{name: c}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {clusterIP: 10.96.0.x, ports: [{port: 80, targetPort: "8080"}]}
`);
    expect(shown(r)).toEqual([
      '3:18 error field.dns1035Label .metadata.name',
      '9:17 error field.cidr .spec.podCIDR',
      '11:34 error field.ip .status.addresses[0].address',
      '15:18 error field.dns1123Subdomain .metadata.name',
      '21:8 error field.ip .spec.clusterIP',
      '21:61 error field.portName .spec.ports[0].targetPort',
    ]);
    const [node, svc] = objects(r) as [Node, Service];
    expect(node.spec.podCIDR).toBeUndefined();
    expect(node.status.addresses).toEqual([]);
    expect(svc.spec.clusterIP).toBeUndefined();
    expect(svc.spec.ports[0].targetPort).toBe(80);
  });

  it('a Deployment selector must match its template labels', () => {
    const r = parse(hostnamesYaml.replace('      labels:\n        app: hostnames', '      labels:\n        app: hostname'));
    expect(shown(r)).toEqual(['25:7 error selector.mismatch .spec.template.metadata.labels']);
  });

  it('Service port rules: names required when several, unique, nodePort only for NodePort/LoadBalancer', () => {
    const r = parse(`apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  ports:
  - {port: 80, nodePort: 30080}
  - {name: b, port: 81}
  - {name: b, port: 82}
`);
    expect(shown(r)).toEqual([
      '6:5 error field.required .spec.ports[0].name',
      '6:16 error service.nodePortForbidden .spec.ports[0].nodePort',
      '8:6 error field.duplicate .spec.ports[2].name',
    ]);
  });

  it('duplicate YAML keys are reported and the later value wins', () => {
    const r = parse(hostnamesYaml.replace('  replicas: 3', '  replicas: 3\n  replicas: 4'));
    expect(shown(r)).toEqual(['23:3 error yaml.duplicateKey']);
    expect((r.manifests[1].object as Deployment).spec.replicas).toBe(4);
  });
});

describe('other kinds', () => {
  it('EndpointSlices and Endpoints written by hand are kept, with protocol defaults', () => {
    const r = parse(`apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: ext-1
  labels: {kubernetes.io/service-name: ext}
addressType: IPv4
endpoints:
- addresses: [10.0.0.5]
  conditions: {ready: true}
- addresses: [fd00::1]
ports:
- {name: http, port: 80}
---
apiVersion: v1
kind: Endpoints
metadata: {name: ext}
subsets:
- addresses: [{ip: 10.0.0.5}]
  ports: [{port: 80}]
`);
    expect(shown(r)).toEqual(['10:15 error field.addressFamily .endpoints[1].addresses[0]']);
    const slice = r.manifests[0].object as EndpointSlice;
    expect(slice.endpoints).toEqual([{ addresses: ['10.0.0.5'], conditions: { ready: true } }]);
    expect(slice.ports).toEqual([{ name: 'http', port: 80, protocol: 'TCP' }]);
    expect(objects(r)[1]).toMatchObject({ subsets: [{ addresses: [{ ip: '10.0.0.5' }], ports: [{ port: 80, protocol: 'TCP' }] }] });
  });

  it('KubeProxyConfiguration gets kube-proxy defaults and has no metadata', () => {
    const r = parse('apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ipvs\nipvs: {strictARP: true}\n');
    expect(r.diagnostics).toEqual([]);
    const cfg = r.manifests[0].object as KubeProxyConfiguration;
    expect(cfg.mode).toBe('ipvs');
    expect(cfg.ipvs).toEqual({ strictARP: true });
    expect(cfg.iptables).toEqual({
      masqueradeAll: false,
      masqueradeBit: 14,
      localhostNodePorts: true,
      syncPeriod: '30s',
      minSyncPeriod: '1s',
    });
  });

  it('StatefulSet, DaemonSet and ReplicaSet decode with their defaults', () => {
    const template = 'template: {metadata: {labels: {app: a}}, spec: {containers: [{name: c}]}}';
    const r = parse(
      ['StatefulSet', 'DaemonSet', 'ReplicaSet']
        .map((k) => `apiVersion: apps/v1\nkind: ${k}\nmetadata: {name: a}\nspec: {selector: {matchLabels: {app: a}}, ${template}}\n`)
        .join('---\n'),
    );
    expect(r.diagnostics).toEqual([]);
    expect(objects(r).map((o) => (o as Deployment).spec.replicas)).toEqual([1, undefined, 1]);
  });
});
