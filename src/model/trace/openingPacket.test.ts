import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveModel } from '../model';
import { declaredWalk } from './declaredWalk';
import { openingPacket } from './openingPacket';

const opening = (text: string) => {
  const model = deriveModel([{ name: 'mine.yaml', text }]);
  return { model, packet: openingPacket(model.files, model.state) };
};
const clusterIP = (model: ReturnType<typeof deriveModel>, name: string) =>
  model.state.services.find((s) => s.metadata.name === name)!.spec.clusterIP!;

const deployment = (name: string, replicas = 2) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: ${name}
        image: nginx
        ports:
        - containerPort: 80
`;
const service = (name: string, extra = '') => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
${extra}  selector:
    app: ${name}
  ports:
  - port: 80
    targetPort: 80
`;
const pod = (name: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: c
    image: curlimages/curl
`;
const docs = (...d: string[]) => d.join('---\n');

describe('openingPacket without a declared walk', () => {
  it("walks a pasted Deployment and Service from the learner's own pod to the learner's Service, never from CoreDNS", () => {
    const { model, packet } = opening(docs(deployment('web'), service('web')));
    expect(packet?.spec.from).toMatchObject({ kind: 'pod', namespace: 'default', name: expect.stringMatching(/^web-/) });
    expect(packet?.spec.to).toEqual({ kind: 'ip', ip: clusterIP(model, 'web'), port: 80, proto: 'tcp' });
    // Every pod of theirs is behind the Service: the packet starts on one of its own pods, and says so.
    expect(packet).toMatchObject({ basis: 'ownBackend', builtinService: false, service: 'default/web' });
  });

  it("starts from the learner's pod outside the Service, preferring a Pod they wrote themselves, to their first Service", () => {
    const { model, packet } = opening(docs(deployment('api'), service('web'), deployment('web'), service('api'), pod('client')));
    expect(packet).toMatchObject({ basis: 'clientPod', service: 'default/web' });
    expect(packet?.spec).toEqual({
      from: { kind: 'pod', namespace: 'default', name: 'client' },
      to: { kind: 'ip', ip: clusterIP(model, 'web'), port: 80, proto: 'tcp' },
    });
  });

  it('comes from a laptop on the LAN to a NodePort when no pod of the learner is outside the Service', () => {
    const { model, packet } = opening(docs(deployment('web'), service('web', '  type: NodePort\n')));
    const nodePort = model.state.services.find((s) => s.metadata.name === 'web')!.spec.ports[0]!.nodePort;
    expect(packet).toMatchObject({
      basis: 'lan',
      spec: { from: { kind: 'client' }, to: { kind: 'ip', ip: '192.168.1.11', port: nodePort } },
    });
  });

  it("goes to the API server's Service only when the learner wrote none, and says so", () => {
    const { packet } = opening(deployment('web'));
    expect(packet).toMatchObject({ builtinService: true, service: 'default/kubernetes', basis: 'clientPod' });
    expect(packet?.spec.from).toMatchObject({ kind: 'pod', name: expect.stringMatching(/^web-/) });
  });

  it('starts on a worker node when the learner has no pod at all', () => {
    const { packet } = opening(service('web'));
    expect(packet).toMatchObject({ basis: 'node', spec: { from: { kind: 'node', name: 'worker-1' }, to: { kind: 'ip', port: 80 } } });
  });

  it('asks a headless Service by its name, which DNS answers', () => {
    const { packet } = opening(docs(deployment('web'), service('web', '  clusterIP: None\n'), pod('client')));
    expect(packet?.spec.to).toEqual({ kind: 'name', name: 'web', port: 80, proto: 'tcp' });
  });
});

describe('openingPacket with a declared walk', () => {
  it('fills the end the line leaves out as the default would, and a pod that does not exist too', () => {
    const text = docs(deployment('web'), service('web'), pod('client'));
    expect(opening(`# packetwalk: --to web:80\n${text}`).packet).toMatchObject({
      basis: 'declared',
      spec: { from: { kind: 'pod', name: 'client' }, to: { kind: 'name', name: 'web' } },
    });
    expect(opening(`# packetwalk: --from pod/default/gone --to web:80\n${text}`).packet?.spec.from).toEqual({
      kind: 'pod',
      namespace: 'default',
      name: 'client',
    });
    expect(opening(`# packetwalk: --to http://x.test/ --seed 3\n${text}`).packet?.spec).toEqual({
      from: { kind: 'client' },
      to: { kind: 'url', url: 'http://x.test/' },
      seed: 3,
    });
  });

  const gallery: { id: string; file: string }[] = JSON.parse(
    readFileSync(new URL('../../../public/scenarios/index.json', import.meta.url), 'utf8'),
  );
  it.each(gallery.map((e) => e.file))('%s declares its whole walk, and opens on exactly it', (name) => {
    const text = readFileSync(new URL(`../../../public/scenarios/${name}`, import.meta.url), 'utf8');
    const declared = declaredWalk([{ name, text }]);
    expect(declared.diagnostics).toEqual([]);
    const { from, to } = declared.walk!.flags;
    expect(from && to).toBeTruthy();
    const model = deriveModel([{ name, text }]);
    expect(openingPacket(model.files, model.state)).toEqual({ basis: 'declared', builtinService: false, spec: { from, to } });
  });
});
