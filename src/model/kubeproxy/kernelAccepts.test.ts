// The real kernel accepts what we generate: load it with iptables-restore / ip6tables-restore
// inside a throw-away network namespace. Runs only as root with iproute2 and iptables.
import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iptablesRestore } from './iptablesRestore';
import { clusterState, node, service, slice } from './testFixtures';

const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const canRun = isRoot && has('ip') && has('iptables-restore') && has('ip6tables-restore');
const skipReason = canRun ? '' : ' (skipped: needs root, ip and iptables-restore)';
// kube-proxy creates its nfacct counters over netlink before restoring; the nfacct tool stands in for that.
const withNfacct = canRun && has('nfacct');

const ns = `pwkp-${process.pid}`;
const inNs = (cmd: string[], input?: string) => spawnSync('ip', ['netns', 'exec', ns, ...cmd], { input, encoding: 'utf8' });

const nodes = [node('worker-1', '192.168.1.11', 'fd00:192:168:1::11'), node('worker-2', '192.168.1.12')];
const state = clusterState({
  nodes,
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
        ports: [{ protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30080 }],
        loadBalancerSourceRanges: ['192.168.1.0/24', 'fd00::/8'],
        sessionAffinity: 'ClientIP',
      },
      ['192.168.1.240', 'fd00:192:168:1::240'],
    ),
    service('default', 'dns', {
      clusterIP: '10.96.0.10',
      ports: [
        { name: 'dns', protocol: 'UDP', port: 53, targetPort: 53 },
        { name: 'sctp', protocol: 'SCTP', port: 99, targetPort: 99 },
      ],
    }),
    service('default', 'none', {
      type: 'NodePort',
      clusterIP: '10.96.0.11',
      ports: [{ protocol: 'TCP', port: 80, targetPort: 80, nodePort: 30011 }],
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
      ['10.244.1.9'],
      [
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'sctp', port: 99, protocol: 'SCTP' },
      ],
    ),
  ],
});
const features = { randomFully: true, nfacct: withNfacct };

describe.runIf(canRun)(`the kernel accepts the restore text${skipReason}`, () => {
  beforeAll(() => {
    execFileSync('ip', ['netns', 'add', ns]);
    if (withNfacct) for (const name of ['ct_state_invalid_dropped_pkts', 'localhost_nps_accepted_pkts']) inNs(['nfacct', 'add', name]);
  });
  afterAll(() => {
    spawnSync('ip', ['netns', 'del', ns]);
  });

  for (const [family, nodeName, restoreCmd, saveCmd] of [
    [4, 'worker-1', 'iptables-restore', 'iptables-save'],
    [4, 'worker-2', 'iptables-restore', 'iptables-save'],
    [6, 'worker-1', 'ip6tables-restore', 'ip6tables-save'],
  ] as const) {
    it(`IPv${family} on ${nodeName}: loads, and every rule is in the kernel`, () => {
      const text = iptablesRestore(state, nodeName, family, features);
      const iptables = restoreCmd.replace('-restore', '');
      for (const table of ['filter', 'nat']) for (const op of ['-F', '-X']) inNs([iptables, '-t', table, op]);
      const load = inNs([restoreCmd, '--noflush'], text);
      expect(load.stderr).toBe('');
      expect(load.status).toBe(0);
      // Starting from empty tables, the kernel now holds exactly our rules.
      const saved = inNs([saveCmd]).stdout;
      const count = (t: string): number => t.split('\n').filter((l) => l.startsWith('-A KUBE-')).length;
      expect(count(saved)).toBe(count(text));
    });
  }
});
