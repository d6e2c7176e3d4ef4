// The real kernel against our IPVS-mode output, inside throw-away network namespaces:
// the sets are created and filled with the very ipset commands kube-proxy runs, our
// iptables-restore text must load on top of them, and `ipset list` must then print what
// ipsetList prints. With the ip_vs module, the table is built with ipvsadm and `ipvsadm -Ln`
// is compared too. Runs only as root with ip, ipset and iptables-restore.
import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterState, node, service, slice } from '../testFixtures';
import { ipsetList, ipvsadmLn, ipvsIpSets, ipvsIptablesRestore, ipvsVirtualServers } from './index';

const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const canRun = isRoot && has('ip') && has('ipset') && has('iptables-restore') && has('ip6tables-restore');
const skipReason = canRun ? '' : ' (skipped: needs root, ip, ipset and iptables-restore)';

const ns = `pwipvs-${process.pid}`;
const inNs = (cmd: string[], input?: string) => spawnSync('ip', ['netns', 'exec', ns, ...cmd], { input, encoding: 'utf8' });

// Every set gets members, both families, no loadBalancerSourceRanges that exclude the node
// (their `-m ipvs` rule needs xt_ipvs, which comes with the ip_vs module).
const state = clusterState({
  nodes: [node('worker-1', '192.168.1.11', 'fd00:192:168:1::11'), node('worker-2', '192.168.1.12')],
  proxy: { clusterCIDR: '10.244.0.0/16,fd00:10:244::/56' },
  services: [
    service(
      'default',
      'web',
      {
        type: 'LoadBalancer',
        externalTrafficPolicy: 'Local',
        healthCheckNodePort: 32000,
        clusterIP: '10.96.0.80',
        clusterIPs: ['10.96.0.80', 'fd00:10:96::80'],
        externalIPs: ['192.168.1.50'],
        sessionAffinity: 'ClientIP',
        loadBalancerSourceRanges: ['192.168.1.0/24', 'fd00::/8'],
        ports: [{ protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30080 }],
      },
      ['192.168.1.240', 'fd00:192:168:1::240'],
    ),
    service('default', 'dns', {
      type: 'NodePort',
      clusterIP: '10.96.0.10',
      externalIPs: ['192.168.1.53'],
      ports: [
        { name: 'dns', protocol: 'UDP', port: 53, targetPort: 53, nodePort: 30053 },
        { name: 'sctp', protocol: 'SCTP', port: 99, targetPort: 99, nodePort: 30099 },
      ],
    }),
    service('default', 'local', {
      type: 'NodePort',
      externalTrafficPolicy: 'Local',
      clusterIP: '10.96.0.11',
      externalIPs: ['192.168.1.51'],
      ports: [
        { name: 'u', protocol: 'UDP', port: 53, targetPort: 53, nodePort: 30153 },
        { name: 's', protocol: 'SCTP', port: 99, targetPort: 99, nodePort: 30199 },
      ],
    }),
  ],
  endpointSlices: [
    slice(
      'default',
      'web',
      [
        { ip: '10.244.1.5', node: 'worker-1' },
        { ip: '10.244.2.5', node: 'worker-2' },
      ],
      [{ port: 8080 }],
    ),
    slice('default', 'web', [{ ip: 'fd00:10:244:1::5', node: 'worker-1' }], [{ port: 8080 }], 'IPv6', 'web-v6'),
    slice(
      'default',
      'dns',
      [{ ip: '10.244.1.9', node: 'worker-1' }],
      [
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'sctp', port: 99, protocol: 'SCTP' },
      ],
    ),
  ],
});

/** The create/add commands pkg/proxy/ipvs/ipset runs, as one `ipset restore` script. */
function ipsetScript(): string {
  const lines: string[] = [];
  for (const family of [4, 6] as const) {
    for (const set of ipvsIpSets(state, 'worker-1', family)) {
      const create =
        set.type === 'bitmap:port'
          ? `create ${set.name} bitmap:port range 0-65535`
          : `create ${set.name} ${set.type} family ${family === 6 ? 'inet6' : 'inet'} hashsize 1024 maxelem 65536`;
      lines.push(create, ...set.members.map((m) => `add ${set.name} ${m}`));
    }
  }
  return lines.join('\n') + '\n';
}

/** What the kernel decides by itself: the hash seed, exact memory, and the order of hash members. */
function normalise(list: string): string {
  return list
    .split('\n\n')
    .map((block) => {
      const [head, members = ''] = block.replace(/\n$/, '').split('Members:');
      const sorted = members.split('\n').filter(Boolean).sort();
      return (
        head.replace(/initval 0x[0-9a-f]{8}/, 'initval X').replace(/Size in memory: \d+/, 'Size in memory: N') +
        'Members:\n' +
        sorted.join('\n')
      );
    })
    .sort()
    .join('\n\n');
}

describe.runIf(canRun)(`kube-proxy IPVS mode in a real kernel${skipReason}`, () => {
  beforeAll(() => {
    execFileSync('ip', ['netns', 'add', ns]);
  });
  afterAll(() => {
    inNs(['ipset', 'destroy']);
    spawnSync('ip', ['netns', 'del', ns]);
  });

  it('creates the sets with the members kube-proxy adds', () => {
    const load = inNs(['ipset', 'restore'], ipsetScript());
    expect(load.stderr).toBe('');
    expect(load.status).toBe(0);
  });

  for (const [family, restoreCmd] of [
    [4, 'iptables-restore'],
    [6, 'ip6tables-restore'],
  ] as const) {
    it(`loads the IPv${family} rules on top of them`, () => {
      const load = inNs([restoreCmd, '--noflush'], ipvsIptablesRestore(state, 'worker-1', family));
      expect(load.stderr).toBe('');
      expect(load.status).toBe(0);
    });
  }

  it('then lists the sets as ipsetList does, references included', () => {
    const real = inNs(['ipset', 'list']).stdout;
    expect(normalise(real)).toBe(normalise(ipsetList(state, 'worker-1')));
    // Sizes follow the model unless two entries share a hash bucket (then the kernel's is smaller).
    const sizes = (text: string): number[] => [...text.matchAll(/Size in memory: (\d+)/g)].map((m) => Number(m[1]));
    const ours = sizes(ipsetList(state, 'worker-1'));
    expect(sizes(real).every((n, i) => n <= ours[i])).toBe(true);
  });
});

const canIpvs = canRun && has('ipvsadm') && probeIpvs();
function probeIpvs(): boolean {
  const probe = `pwipvs-probe-${process.pid}`;
  if (spawnSync('ip', ['netns', 'add', probe]).status !== 0) return false;
  const ok = spawnSync('ip', ['netns', 'exec', probe, 'ipvsadm', '-Ln']).status === 0;
  spawnSync('ip', ['netns', 'del', probe]);
  return ok;
}
const ipvsSkip = canIpvs ? '' : ' (skipped: ipvsadm cannot reach IP_VS in this kernel, or not root)';

describe.runIf(canIpvs)(`ipvsadm -Ln from a table built with ipvsadm${ipvsSkip}`, () => {
  const ipvsNs = `pwipvsadm-${process.pid}`;
  beforeAll(() => void execFileSync('ip', ['netns', 'add', ipvsNs]));
  afterAll(() => void spawnSync('ip', ['netns', 'del', ipvsNs]));

  it('prints what ipvsadmLn prints', () => {
    const flag = { TCP: '-t', UDP: '-u', SCTP: '--sctp-service' } as const;
    const at = (ip: string, port: number): string => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);
    const script: string[] = [];
    for (const vs of ipvsVirtualServers(state, 'worker-1')) {
      const svc = `${flag[vs.protocol]} ${at(vs.address, vs.port)}`;
      script.push(`-A ${svc} -s ${vs.scheduler}${vs.persistentTimeout !== undefined ? ` -p ${vs.persistentTimeout}` : ''}`);
      for (const rs of vs.realServers) script.push(`-a ${svc} -r ${at(rs.address, rs.port)} -m -w ${rs.weight}`);
    }
    const load = spawnSync('ip', ['netns', 'exec', ipvsNs, 'ipvsadm', '-R'], { input: script.join('\n') + '\n', encoding: 'utf8' });
    expect(load.stderr).toBe('');
    const real = spawnSync('ip', ['netns', 'exec', ipvsNs, 'ipvsadm', '-Ln'], { encoding: 'utf8' }).stdout;
    expect(real).toBe(ipvsadmLn(state, 'worker-1'));
  });
});
