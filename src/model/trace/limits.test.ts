// A walk ends however the cluster sends the packet round: a loop a manifest can express stops
// after MODEL_LIMITS.walkSteps steps with a message saying so, a long but finite DNS search does
// not, and iptables chains that loop stop at the hook.
import { describe, expect, it } from 'vitest';
import { scenarioModel, scenarioText } from '../../../e2e/fixtures/scenario';
import { translateExplanation } from '../../i18n/i18n';
import { deriveModel, walkPacket } from '../index';
import { parseRuleset } from '../netfilter/parse';

/** Two NodePort Services whose only endpoint is each other's NodePort on the other worker. */
const PING_PONG = `apiVersion: v1
kind: Service
metadata: {name: ping}
spec:
  type: NodePort
  ports: [{port: 80, nodePort: 30001}]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: ping-1, labels: {kubernetes.io/service-name: ping}}
addressType: IPv4
ports: [{port: 30002}]
endpoints: [{addresses: [192.168.1.12]}]
---
apiVersion: v1
kind: Service
metadata: {name: pong}
spec:
  type: NodePort
  ports: [{port: 80, nodePort: 30002}]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: pong-1, labels: {kubernetes.io/service-name: pong}}
addressType: IPv4
ports: [{port: 30001}]
endpoints: [{addresses: [192.168.1.11]}]
`;

describe('walk length', () => {
  it('stops a packet that two NodePorts send back and forth, and says it went round in circles', () => {
    const model = deriveModel([{ name: 'loop.yaml', text: PING_PONG }]);
    const trace = walkPacket(model, { from: { kind: 'client' }, to: { kind: 'ip', ip: '192.168.1.11', port: 30001, proto: 'tcp' } });
    expect(trace.outcome).toMatchObject({ result: 'dropped', service: 'default/ping' });
    expect(trace.outcome.reason).toMatchObject({ key: 'explain.outcome.loop', params: { steps: 200 } });
    // Both workers took part, over and over, until the step budget ran out.
    const wires = trace.steps.filter((s) => s.at.element === 'wire').map((s) => s.at.node);
    expect(wires.filter((n) => n === 'worker-1').length).toBeGreaterThan(5);
    expect(wires.filter((n) => n === 'worker-2').length).toBeGreaterThan(5);
    expect(trace.steps.length).toBeLessThanOrEqual(205);
    const node = trace.outcome.reason!.params.node;
    expect(translateExplanation('en', trace.outcome.reason!)).toBe(
      `The packet went round in circles: after 200 steps it was still on its way, last at ${node}. PacketWalk follows a packet for at most 200 steps, so the walk stops here. Look for endpoints that send it back where it came from, such as a Service whose endpoint is another Service's NodePort.`,
    );
    expect(translateExplanation('zh-CN', trace.outcome.reason!)).toContain('数据包在兜圈子：走了 200 步仍在途中');
  });

  it('counts the steps per packet: a search through 33 names, each query a walk of its own, is no loop', () => {
    const searches = Array.from({ length: 32 }, (_, i) => `x${i}.svc.cluster.local`).join(', ');
    const text = scenarioText('dns-ndots').replace(
      '    command: ["sleep", "infinity"]\n',
      `    command: ["sleep", "infinity"]\n  dnsConfig:\n    searches: [${searches}]\n    options: [{name: ndots, value: "15"}]\n`,
    );
    const model = deriveModel([{ name: 'dns.yaml', text }]);
    const trace = walkPacket(model, {
      from: { kind: 'pod', namespace: 'default', name: 'client' },
      to: { kind: 'name', name: 'nothing.here', port: 80, proto: 'tcp' },
    });
    expect(trace.outcome.dns?.queries).toBe(33);
    expect(trace.outcome.reason?.key).toBe('explain.dns.final.unknown');
    // Every query to the cluster DNS went there and back: its answer reached the client pod.
    const answered = new Set(trace.steps.filter((s) => s.dnsAnswer).map((s) => (s.stage?.kind === 'dns' ? s.stage.query : -1)));
    expect(answered.size).toBeGreaterThanOrEqual(32);
    expect(trace.steps.length).toBeGreaterThan(MIN_STEPS_OF_32_QUERIES);
  });

  it('stops at the hook when a node’s iptables chains jump into each other, naming the node', () => {
    const model = scenarioModel('hostnames');
    const spec = {
      from: { kind: 'pod' as const, namespace: 'default', name: 'client' },
      to: { kind: 'ip' as const, ip: '10.96.0.1', port: 443, proto: 'tcp' as const },
    };
    const node = model.state.podNets['default/client']!.node;
    const loop =
      '*raw\n:PREROUTING ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:A - [0:0]\n:B - [0:0]\n-A PREROUTING -j A\n-A A -j B\n-A B -j A\nCOMMIT\n';
    model.dataplane.node(node)!.ruleset.tables.raw = parseRuleset(loop).ruleset.tables.raw!;
    const trace = walkPacket(model, spec);
    expect(trace.outcome).toMatchObject({
      result: 'dropped',
      node,
      reason: { key: 'explain.outcome.chainLoop', params: { node, depth: 64 } },
    });
    expect(translateExplanation('en', trace.outcome.reason!)).toBe(
      `The iptables rules on ${node} jump from chain to chain without end (deeper than 64 chains, or more than 200,000 rules read at one hook); the kernel would refuse to load such rules. The walk stops here.`,
    );
  });
});

/** 32 queries reach CoreDNS and come back, 8 steps at the very least each (pod, veth, hooks, bridge, there and back). */
const MIN_STEPS_OF_32_QUERIES = 32 * 8;
