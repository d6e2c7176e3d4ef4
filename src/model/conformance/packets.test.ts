// Real TCP SYNs through a namespace carrying one node's full ruleset and routes (see
// testbed.ts), compared with walkPacket for the same packet: the kernel picks the endpoint
// at random, the model is then forced to that endpoint, and the kernel's conntrack entry
// (DNAT destination, masquerade source) and its per-rule packet counters must be what the
// trace reports: the same rules matched, as often, on that node.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatConntrack } from '../netfilter/conntrack';
import { readConntrack, kernelSkipReason } from '../netfilter/kernel/harness';
import type { ConntrackEntry, L4Proto } from '../netfilter/types';
import { deriveModel, walkPacket, type Model } from '../index';
import type { PacketSpec, Trace, TraceSource } from '../trace/types';
import {
  parseConntrackLine,
  ruleCounters,
  sendDatagrams,
  sendSyns,
  withNodeTestbed,
  type KernelConnection,
  type NodeTestbed,
} from './testbed';

const skip = kernelSkipReason(['nfacct']);
const LAN_CLIENT = '192.168.1.100';

const scenario = (file: string) =>
  deriveModel([{ name: file, text: readFileSync(new URL(`../../../public/scenarios/${file}`, import.meta.url), 'utf8') }]);

// ETP=Local NodePort whose pods all run on worker-1.
const ETP_LOCAL = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      nodeSelector: {kubernetes.io/hostname: worker-1}
      containers:
      - {name: web, image: nginx, ports: [{containerPort: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: NodePort
  externalTrafficPolicy: Local
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: 80, nodePort: 30090}]
`;

/**
 * The model's entry as `conntrack -L` prints it, with the ports that are the kernel's to
 * choose taken from the kernel's line (the client's ephemeral port, and the one
 * MASQUERADE --random-fully picks); the timeout, which ticks, is blanked on both sides.
 */
function comparable(model: ConntrackEntry, kernel: KernelConnection): { model: string; kernel: string } {
  const orig = { ...model.orig, sport: kernel.orig.sport };
  const reply = { ...model.reply, dport: model.snat ? kernel.reply.dport : kernel.orig.sport };
  const blank = (line: string) => line.replace(/^(\S+\s+\d+) \d+ /, '$1 _ ');
  return { model: blank(formatConntrack({ ...model, orig, reply })), kernel: blank(kernel.line) };
}

const requestOn = (trace: Trace, node: string) => trace.steps.filter((s) => s.phase === 'request' && s.at.node === node);

/** Packets per rule the model says one packet matched on `node`, keyed as ruleCounters keys them. */
function addMatchedRules(counts: Map<string, number>, trace: Trace, node: string): void {
  for (const step of requestOn(trace, node))
    for (const { rule, matched } of step.rulesVisited ?? [])
      if (matched) counts.set(`${rule.table} ${rule.text}`, (counts.get(`${rule.table} ${rule.text}`) ?? 0) + 1);
}

const sorted = (m: Map<string, number>) => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)));

interface Probe {
  model: Model;
  node: string;
  from: TraceSource;
  to: { ip: string; port: number; proto: L4Proto };
}

/**
 * Checks every connection the kernel made to `to` against the trace forced to the kernel's
 * endpoint, then the kernel's rule counters against the rules those traces matched.
 * Returns the kernel's connections and the traces, for case-specific checks.
 */
function compareWithTraces(bed: NodeTestbed, probe: Probe, expectedCount: number): { kernel: KernelConnection[]; traces: Trace[] } {
  const kernel = readConntrack(bed.node)
    .map(parseConntrackLine)
    .filter((c) => c.orig.dst === probe.to.ip && c.orig.dport === probe.to.port);
  expect(kernel, 'conntrack entries on the node').toHaveLength(expectedCount);
  const expectedCounters = new Map<string, number>();
  const traces = kernel.map((conn) => {
    const endpoint = `${conn.reply.src}:${conn.reply.sport}`;
    const spec: PacketSpec = { from: probe.from, to: { kind: 'ip', ...probe.to }, endpoint };
    const trace = walkPacket(probe.model, spec);
    expect(trace.outcome.endpoint, `the kernel DNATed to ${endpoint}; can the model's rules?`).toBe(endpoint);
    const steps = requestOn(trace, probe.node);
    const post = steps.find((s) => s.at.hook === 'POSTROUTING' && s.conntrack);
    expect(post, `the trace leaves ${probe.node} through POSTROUTING`).toBeDefined();
    expect(post!.after.src, "the source after POSTROUTING (masquerade or the client's own)").toBe(conn.reply.dst);
    const line = comparable(post!.conntrack!, conn);
    expect(line.kernel, 'kernel conntrack entry vs the trace').toBe(line.model);
    addMatchedRules(expectedCounters, trace, probe.node);
    return trace;
  });
  expect(sorted(ruleCounters(bed.node)), 'packets per rule: kernel (received) vs trace (expected)').toEqual(sorted(expectedCounters));
  return { kernel, traces };
}

describe.skipIf(skip)(`real packets through a node's full ruleset vs walkPacket${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('hostnames: a pod -> ClusterIP:80 is DNATed to the endpoint the trace reaches, the pod source kept', () => {
    const model = scenario('hostnames.yaml');
    const clientPod = 'default/client';
    const node = model.state.podNets[clientPod].node;
    const vip = model.state.services.find((s) => s.metadata.name === 'hostnames')!.spec.clusterIP!;
    const probe: Probe = {
      model,
      node,
      from: { kind: 'pod', namespace: 'default', name: 'client' },
      to: { ip: vip, port: 80, proto: 'tcp' },
    };
    withNodeTestbed(model, node, { clientPod, lanClient: LAN_CLIENT }, (bed) => {
      sendSyns(bed.client!, vip, 80, 12);
      const { kernel } = compareWithTraces(bed, probe, 12);
      for (const c of kernel) expect(c.reply.dst).toBe(model.state.podNets[clientPod].ip);
    });
  });

  it('hostnames: UDP from a pod to kube-dns:53 is DNATed to the CoreDNS pod the trace reaches', () => {
    const model = scenario('hostnames.yaml');
    const clientPod = 'default/client';
    const node = model.state.podNets[clientPod].node;
    const dns = model.state.config.dnsServiceIP;
    const probe: Probe = {
      model,
      node,
      from: { kind: 'pod', namespace: 'default', name: 'client' },
      to: { ip: dns, port: 53, proto: 'udp' },
    };
    withNodeTestbed(model, node, { clientPod, lanClient: LAN_CLIENT }, (bed) => {
      sendDatagrams(bed.client!, dns, 53, 6);
      compareWithTraces(bed, probe, 6);
    });
  });

  it('nodeport: a LAN client -> nodeIP:30080 is DNATed and masqueraded (ETP=Cluster) as the trace says', () => {
    const model = scenario('nodeport.yaml');
    const node = 'worker-1';
    const nodeIp = model.state.hosts[node].nic.ip;
    const probe: Probe = { model, node, from: { kind: 'client', ip: LAN_CLIENT }, to: { ip: nodeIp, port: 30080, proto: 'tcp' } };
    withNodeTestbed(model, node, { lanClient: LAN_CLIENT }, (bed) => {
      sendSyns(bed.lan, nodeIp, 30080, 12);
      const { kernel } = compareWithTraces(bed, probe, 12);
      for (const c of kernel) expect(c.reply.dst, 'the pod sees the node, not the client').not.toBe(LAN_CLIENT);
    });
  });

  it('ETP=Local NodePort: the node with the pods DNATs to a local pod keeping the client IP', () => {
    const model = deriveModel([{ name: 'etp-local.yaml', text: ETP_LOCAL }]);
    const node = 'worker-1';
    const nodeIp = model.state.hosts[node].nic.ip;
    const probe: Probe = { model, node, from: { kind: 'client', ip: LAN_CLIENT }, to: { ip: nodeIp, port: 30090, proto: 'tcp' } };
    withNodeTestbed(model, node, { lanClient: LAN_CLIENT }, (bed) => {
      sendSyns(bed.lan, nodeIp, 30090, 4);
      const { kernel, traces } = compareWithTraces(bed, probe, 4);
      const local = Object.values(model.state.podNets).filter((p) => p.node === node && p.key.startsWith('default/web-'));
      for (const c of kernel) {
        expect(c.reply.dst, 'the client IP is kept').toBe(LAN_CLIENT);
        expect(local.map((p) => p.ip)).toContain(c.reply.src);
      }
      for (const t of traces) expect(t.outcome).toMatchObject({ result: 'delivered', node });
    });
  });

  it('ETP=Local NodePort: the node without a local pod drops the SYN, with the rule the trace names', () => {
    const model = deriveModel([{ name: 'etp-local.yaml', text: ETP_LOCAL }]);
    const node = 'worker-2';
    const nodeIp = model.state.hosts[node].nic.ip;
    const trace = walkPacket(model, {
      from: { kind: 'client', ip: LAN_CLIENT },
      to: { kind: 'ip', ip: nodeIp, port: 30090, proto: 'tcp' },
    });
    expect(trace.outcome.result).toBe('dropped');
    withNodeTestbed(model, node, { lanClient: LAN_CLIENT }, (bed) => {
      sendSyns(bed.lan, nodeIp, 30090, 1);
      // Dropped before conntrack confirms it: the kernel keeps no entry.
      expect(
        readConntrack(bed.node)
          .map(parseConntrackLine)
          .filter((c) => c.orig.dport === 30090),
      ).toEqual([]);
      const expected = new Map<string, number>();
      addMatchedRules(expected, trace, node);
      expect(sorted(ruleCounters(bed.node)), 'packets per rule: kernel vs trace').toEqual(sorted(expected));
      const dropRule = trace.steps.at(-1)!.rule!;
      expect(ruleCounters(bed.node).get(`${dropRule.table} ${dropRule.text}`), dropRule.text).toBe(1);
    });
  });
});
