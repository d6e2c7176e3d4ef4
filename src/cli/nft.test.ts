// `packetwalk nft`: kube-proxy's nftables table for a node, as loaded and as listed, `trace`
// through it, and the one-line refusals of the commands nftables mode does not reach yet.
import { describe, expect, it } from 'vitest';
import { runMain as run } from './runCli';

const etpLocal = 'public/scenarios/etp-local.yaml';
const dualStack = 'public/scenarios/dual-stack.yaml';

describe('packetwalk nft', () => {
  it('prints the kube-proxy table in the form nft -f loads, the Service dispatch in its verdict map', async () => {
    const { code, out, err } = await run(['nft', '-f', etpLocal, '--node', 'worker-2']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('add table ip kube-proxy { comment "rules for kube-proxy" ; }');
    expect(out).toContain('add chain ip kube-proxy nat-prerouting { type nat hook prerouting priority -100 ; }');
    expect(out).toMatch(
      /^add element ip kube-proxy service-ips \{ 10\.96\.0\.10 \. udp \. 53 : goto service-\w{8}-kube-system\/kube-dns\/udp\/dns \}$/m,
    );
    // worker-2 runs no echo pod: with externalTrafficPolicy Local its NodePort drops outside traffic.
    expect(out).toMatch(/^add element ip kube-proxy no-endpoint-nodeports \{ tcp \. 30800 comment "default\/echo:http" : drop \}$/m);
  });

  it('--family 6 prints the ip6 table of a dual-stack cluster, and explains why an IPv4-only one has none', async () => {
    const v6 = await run(['nft', '-f', dualStack, '--node', 'worker-1', '--family', '6']);
    expect(v6.code).toBe(0);
    expect(v6.out.split('\n')[0]).toBe('add table ip6 kube-proxy { comment "rules for kube-proxy" ; }');
    expect(v6.out).toContain('add rule ip6 kube-proxy services ip6 daddr . meta l4proto . th dport vmap @service-ips');
    const v4only = await run(['nft', '-f', etpLocal, '--node', 'worker-1', '--family', '6']);
    expect(v4only.code).toBe(1);
    expect(v4only.out).toBe('');
    expect(v4only.err).toContain('this cluster is IPv4 only, so kube-proxy writes no ip6 kube-proxy table');
  });

  it("iptables in nftables mode: no restore batch from kube-proxy (one line, exit 1), and the save listing holds flannel's rules", async () => {
    const { code, out, err } = await run(['iptables', '-f', etpLocal, '--node', 'worker-1', '--proxy-mode', 'nftables']);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err.split('\n')).toHaveLength(2);
    expect(err).toContain('kube-proxy runs in nftables mode here, so it gives iptables-restore no rules');
    const save = await run(['iptables', '-f', etpLocal, '--node', 'worker-1', '--proxy-mode', 'nftables', '--format', 'save']);
    expect(save.code).toBe(0);
    expect(save.out).toContain('-A FLANNEL-POSTRTG');
    expect(save.out).not.toContain('KUBE-SERVICES');
  });

  it.each([
    [
      'dig',
      '-f',
      'public/scenarios/hostnames.yaml',
      '--from',
      'pod/default/client',
      'kubernetes.default.svc.cluster.local',
      '--proxy-mode',
      'nftables',
    ],
    ['ip', '-f', etpLocal, '--node', 'worker-1', 'route', '--proxy-mode', 'nftables'],
  ])('%j takes --proxy-mode nftables like every command', async (...args) => {
    const { code, err } = await run(args);
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  it('trace --proxy-mode nftables walks through the kube-proxy table: the verdict-map lookup and the drop it leads to', async () => {
    const { code, out, err } = await run(['trace', '-f', etpLocal, '--proxy-mode', 'nftables']);
    expect(code).toBe(0);
    expect(err).toContain('walking --from client --to 192.168.1.12:30800');
    expect(out).toMatch(
      /kube-proxy looks up tcp \. 30800 in its verdict map @service-nodeports: goto external-\w{8}-default\/echo\/tcp\/http/,
    );
    expect(out).toMatch(/INPUT on worker-2: filter-input → nodeport-endpoints-check drops the packet\./);
    expect(out).toMatch(
      /rule \(filter, line \d+\): add rule ip kube-proxy nodeport-endpoints-check ip daddr != 127\.0\.0\.0\/8 meta l4proto/,
    );
    expect(out).toMatch(/^result: dropped {2}service: default\/echo/m);
    const zh = await run(['trace', '-f', etpLocal, '--proxy-mode', 'nftables'], '', undefined, 'zh-CN');
    expect(zh.out).toMatch(/kube-proxy 在判决映射 @service-nodeports 中查找 tcp \. 30800：goto external-/);
  });

  it('takes --proxy-mode nftables, and refuses another mode', async () => {
    const ok = await run(['nft', '-f', etpLocal, '--node', 'worker-1', '--proxy-mode', 'nftables']);
    expect(ok.code).toBe(0);
    const other = await run(['nft', '-f', etpLocal, '--node', 'worker-1', '--proxy-mode', 'ipvs']);
    expect(other.code).toBe(2);
    expect(other.err).toContain('nft prints the rules of kube-proxy in nftables mode, so it takes --proxy-mode nftables only, not "ipvs"');
  });

  it('--format list prints the table as nft list table shows it: named priorities, the mark in hex, the Service dispatch', async () => {
    const { code, out, err } = await run(['nft', '-f', etpLocal, '--node', 'worker-2', '--format', 'list']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.split('\n').slice(0, 2)).toEqual(['table ip kube-proxy {', '\tcomment "rules for kube-proxy"']);
    expect(out).toContain('\tchain nat-prerouting {\n\t\ttype nat hook prerouting priority dstnat; policy accept;\n\t\tjump services\n\t}');
    expect(out).toContain('\t\tmeta mark set meta mark | 0x00004000\n');
    expect(out).toMatch(
      /^\t\t(elements = \{ |\t {5})10\.96\.0\.10 \. udp \. 53 : goto service-\w{8}-kube-system\/kube-dns\/udp\/dns(,| \})$/m,
    );
  });

  it('speaks the shell language', async () => {
    const { err } = await run(['nft', '-f', etpLocal, '--node', 'worker-1', '--format', 'list', '--family', '6'], '', undefined, 'zh-CN');
    expect(err).toContain('这个集群只有 IPv4，kube-proxy 不会写 ip6 kube-proxy 表');
  });
});
