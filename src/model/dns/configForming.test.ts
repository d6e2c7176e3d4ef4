import { describe, expect, it } from 'vitest';
import { deriveModel } from '../model';
import { resolvConf } from './resolvConf';
import { clientPod, podOf } from './testClusters';

const derive = (text: string) => deriveModel([{ name: 'pods.yaml', text }]);
const searches = (n: number) => Array.from({ length: n }, (_, i) => `      - d${i}.example`).join('\n');

describe("kubelet's DNSConfigForming warnings", () => {
  it('cut a ClusterFirst pod with three more nameservers to three, with the event kubelet records and a problem at its dnsConfig', () => {
    const text = clientPod('client', 'default', '  dnsConfig:\n    nameservers: [1.1.1.1, 8.8.8.8, 9.9.9.9]\n');
    const model = derive(text);
    expect(resolvConf(model.state, podOf(model.state, 'client')).nameservers).toEqual(['10.96.0.10', '1.1.1.1', '8.8.8.8']);
    expect(model.state.events.filter((e) => e.reason === 'DNSConfigForming')).toEqual([
      {
        object: 'Pod/default/client',
        type: 'Warning',
        reason: 'DNSConfigForming',
        message: { key: 'event.DNSConfigForming.nameservers', params: { kept: '10.96.0.10 1.1.1.1 8.8.8.8' } },
      },
    ]);
    expect(model.diagnostics.find((d) => d.code === 'dns.configForming.nameservers')).toMatchObject({
      severity: 'warning',
      line: 8,
      col: 5,
      params: { pod: 'default/client', count: 4, kept: '10.96.0.10 1.1.1.1 8.8.8.8' },
    });
  });

  it('cut the search line past 32 domains, once per workload in the problems but once per pod in the events', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: many
spec:
  replicas: 2
  selector:
    matchLabels:
      app: many
  template:
    metadata:
      labels:
        app: many
    spec:
      dnsConfig:
        searches:
${searches(31).replace(/^ {6}/gm, '        ')}
      containers:
      - name: main
        image: busybox`;
    const model = derive(text);
    const events = model.state.events.filter((e) => e.reason === 'DNSConfigForming');
    expect(events).toHaveLength(2);
    const kept = String(events[0]!.message.params.kept).split(' ');
    // The three cluster domains first, then the pod's until 32.
    expect(kept).toHaveLength(32);
    expect(kept.slice(0, 3)).toEqual(['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local']);
    expect(kept[31]).toBe('d28.example');
    const problems = model.diagnostics.filter((d) => d.code === 'dns.configForming.searches');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 16, col: 9 });
  });

  it('are not recorded for a pod within the limits, nor for a host-network pod on the node resolver', () => {
    const model = derive(
      [
        clientPod('ok', 'default', '  dnsConfig:\n    nameservers: [1.1.1.1, 8.8.8.8]\n'),
        clientPod('host', 'default', '  hostNetwork: true\n  dnsConfig:\n    nameservers: [1.1.1.1, 8.8.8.8]\n'),
      ].join('\n---\n'),
    );
    expect(model.state.events.filter((e) => e.reason === 'DNSConfigForming')).toEqual([]);
  });
});
