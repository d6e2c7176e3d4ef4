// The facts a step shows as typed fields agree with the packet the learner watches: the
// headers before and after the step, the node's routes, the walk's outcome.
import { describe, expect, it } from 'vitest';
import { scenarioModel, scenarioTrace } from '../../../e2e/fixtures/scenario';

const fromClient = (id: string, ip: string, port: number) => {
  const model = scenarioModel(id);
  return { model, trace: scenarioTrace(model, { from: { kind: 'client' }, to: { kind: 'ip', ip, port, proto: 'tcp' } }) };
};

describe('typed step evidence', () => {
  it("MetalLB's ARP reply: who asked, the elected node and the MAC the frame is then sent to", () => {
    const { model, trace } = fromClient('metallb-l2', '192.168.1.240', 80);
    const step = trace.steps.find((s) => s.arp)!;
    expect(step.arp).toMatchObject({ kind: 'metallb', ip: '192.168.1.240', askedBy: trace.steps[0]!.before.src });
    expect(step.arp!.answeredBy!.node).toBe(trace.outcome.announcer);
    expect(step.arp!.candidates![0]).toBe(trace.outcome.announcer);
    expect(step.after.dstMac).toBe(step.arp!.answeredBy!.mac);
    expect(step.arp!.answeredBy!.mac).toBe(model.state.hosts[trace.outcome.announcer!]!.nic.mac);
  });

  it("the router's ECMP choice: the next hop is among the prefix's hops and the packet enters that node", () => {
    const { trace } = fromClient('metallb-bgp', '10.10.10.1', 80);
    const i = trace.steps.findIndex((s) => s.nextHop);
    const hop = trace.steps[i]!.nextHop!;
    expect(hop.hops).toContain(hop.via);
    expect(hop.node).toBe(trace.outcome.announcer);
    expect(trace.steps[i + 1]!.at).toMatchObject({ element: 'nic', node: hop.node });
  });

  it("kube-proxy's DNAT: the endpoint is where the packet is sent next, the Service the one the walk names", () => {
    const { trace } = fromClient('nodeport', '192.168.1.11', 30080);
    const dnat = trace.steps.find((s) => s.nat?.kind === 'dnat')!;
    expect(dnat.nat!.to).toBe(`${dnat.after.dst}:${dnat.after.dport}`);
    expect(dnat.nat!.to).toBe(trace.outcome.endpoint);
    expect(dnat.nat!.service).toBe(trace.outcome.service);
  });

  it("routing steps name a route of that node's table, on the device the packet leaves by", () => {
    const { model, trace } = fromClient('nodeport', '192.168.1.11', 30080);
    const routing = trace.steps.filter((s) => s.route);
    expect(routing.length).toBeGreaterThan(0);
    for (const s of routing) expect(model.dataplane.node(s.at.node!)!.routes).toContainEqual(expect.objectContaining(s.route));
  });

  it('a hop over VXLAN names the node it leaves and the one its outer header is addressed to', () => {
    const model = scenarioModel('hostnames');
    const trace = scenarioTrace(model);
    const step = trace.steps.find((s) => s.tunnel);
    expect(step).toBeDefined();
    expect(step!.tunnel!.from).toBe(step!.at.node);
    expect(model.state.hosts[step!.tunnel!.to]!.nic.ip).toBe(step!.after.outer!.dst);
  });

  it("CoreDNS's answer to each query of a search walk: NXDOMAIN until the name that resolves, with the address the pod then dials", () => {
    const model = scenarioModel('dns-ndots');
    const trace = scenarioTrace(model, {
      from: { kind: 'pod', namespace: 'default', name: 'client' },
      to: { kind: 'name', name: 'hostnames.default', port: 80, proto: 'tcp' },
    });
    const answers = trace.steps.filter((s) => s.dnsAnswer).map((s) => s.dnsAnswer!);
    expect(answers).toHaveLength(trace.outcome.dns!.queries);
    expect(answers.slice(0, -1).every((a) => a.rcode === 'NXDOMAIN')).toBe(true);
    expect(answers.at(-1)).toEqual({ rcode: 'NOERROR', addresses: trace.outcome.dns!.addresses });
    expect(trace.steps.find((s) => s.stage?.kind === 'connect')!.before.dst).toBe(answers.at(-1)!.addresses[0]);
  });
});
