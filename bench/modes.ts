// The three kube-proxy modes side by side at 1,000 and 10,000 Services × 5 endpoints (the clusters
// of scale.ts): the size of the rule text kube-proxy writes on one node, and how many rules a new
// connection to one Service is checked against: the walk's own counters (rules it visited in the
// nat table at PREROUTING), with kube-proxy in iptables and in nftables mode. Sizes and counts, not
// timings.
import { deriveModel, requestChecks, walkPacket, type Model } from '../src/model';
import { ipsetList, ipvsadmLn, ipvsIptablesRestore, iptablesRestore, nftablesTable } from '../src/model/kubeproxy';
import { scaleManifest } from './scale';

interface Size {
  bytes: number;
  lines: number;
  rules: number;
}

const sizeOf = (text: string, isRule: (line: string) => boolean): Size => {
  const lines = text.split('\n').filter((l) => l !== '');
  return { bytes: Buffer.byteLength(text), lines: lines.length, rules: lines.filter(isRule).length };
};

/** Rules the walk visited in the nat table at PREROUTING (kube-proxy's iptables rules, or its nftables table in nftables mode): on the node doing the DNAT, then on the endpoint's node when that is another. */
function rulesChecked(model: Model, from: string, vip: string): number[] {
  const walk = walkPacket(model, {
    from: { kind: 'pod', namespace: 'default', name: from },
    to: { kind: 'ip', ip: vip, port: 80, proto: 'tcp' },
  });
  const perNode = new Map<string, number>();
  for (const c of requestChecks(walk)) if (c.hook === 'PREROUTING' && c.rules) perNode.set(c.node, (perNode.get(c.node) ?? 0) + c.rules);
  return [...perNode.values()];
}

const cell = (n: number) => n.toLocaleString('en-US').padStart(11);

export function benchModes(): void {
  console.log('\n# kube-proxy modes side by side: rule text on one node, rules a new connection is checked against');
  for (const services of [1000, 10000]) {
    const model = deriveModel([{ name: 'modes.yaml', text: scaleManifest(services) }]);
    const nftModel = deriveModel([{ name: 'modes.yaml', text: scaleManifest(services) }], { proxyMode: 'nftables' });
    const pod = model.state.pods.find((p) => p.metadata.name.startsWith('app-0-'))!;
    const node = pod.spec.nodeName!;
    const vipOf = (i: number) => model.state.services.find((s) => s.metadata.name === `app-${i}`)!.spec.clusterIP!;
    const table = nftablesTable(model.state, node);
    const iptables = sizeOf(iptablesRestore(model.state, node), (l) => l.startsWith('-A '));
    const ipvsParts = [
      sizeOf(ipvsadmLn(model.state, node), (l) => /^(TCP|UDP|SCTP) |^ {2}-> \d/.test(l)),
      sizeOf(ipsetList(model.state, node), (l) => /^\d/.test(l)),
      sizeOf(ipvsIptablesRestore(model.state, node), (l) => l.startsWith('-A ')),
    ];
    const ipvs = ipvsParts.reduce((a, b) => ({ bytes: a.bytes + b.bytes, lines: a.lines + b.lines, rules: a.rules + b.rules }));
    const nft = sizeOf(table.dump(), (l) => l.startsWith('add rule ') || l.startsWith('add element '));
    console.log(`\n${services.toLocaleString('en-US')} Services × 5 endpoints, node ${node}`);
    console.log(`${''.padEnd(56)}   iptables        IPVS    nftables`);
    for (const [what, key] of [
      ['rule text, bytes', 'bytes'],
      ['rule text, lines', 'lines'],
      ['rules (see the note below)', 'rules'],
    ] as const)
      console.log(`${what.padEnd(56)}${cell(iptables[key])} ${cell(ipvs[key])} ${cell(nft[key])}`);
    for (const i of [0, services - 1]) {
      const vip = vipOf(i);
      const [ipt = 0, iptOther] = rulesChecked(model, pod.metadata.name, vip);
      const [nf = 0, nfOther = 0] = rulesChecked(nftModel, pod.metadata.name, vip);
      console.log(`${`to app-${i} (${vip}): rules checked, DNAT node`.padEnd(56)}${cell(ipt)} ${'—'.padStart(11)} ${cell(nf)}`);
      if (iptOther === undefined) console.log(`  (the walk's endpoint is on the same node)`);
      else console.log(`${`  and on the endpoint's node`.padEnd(56)}${cell(iptOther)} ${'—'.padStart(11)} ${cell(nfOther)}`);
    }
  }
  console.log(`
rules: iptables = -A lines; IPVS = ipvsadm virtual and real servers + ipset members + its -A lines;
nftables = add rule + add element lines (each map element stands for one Service's dispatch rule).
rules checked: iptables = the walk's counters, rules visited in the nat table at PREROUTING on that
node, for nftables the same counters with kube-proxy in nftables mode (nat-prerouting, services up to
its verdict-map lookup, the Service's chain, one endpoint chain): a map lookup costs the same
whichever Service it finds. IPVS: one hash lookup in the kernel's IPVS
table, after the iptables rules that match the ipsets (not counted here).`);
}
