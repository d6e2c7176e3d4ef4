// One small dual-stack cluster with every Service shape nftables mode treats differently, for the
// feature tests and the kernel check (test support, like ../testFixtures.ts).
import { clusterState, node, service, slice } from '../testFixtures';

const terminating = { ready: false, serving: true, terminating: true };

export const featureCluster = (proxy: Parameters<typeof clusterState>[0]['proxy'] = {}) => {
  const state = clusterState({
    nodes: [node('worker-1', '192.168.1.11', 'fd00:192:168:1::11'), node('worker-2', '192.168.1.12')],
    proxy: { clusterCIDR: '10.244.0.0/16,fd00:10:244::/56', ...proxy },
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
      service('default', 'local', {
        internalTrafficPolicy: 'Local',
        clusterIP: '10.96.0.12',
        ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }],
      }),
      service('default', 'draining', {
        clusterIP: '10.96.0.13',
        ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }],
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
      slice('default', 'local', [{ ip: '10.244.2.7', node: 'worker-2' }], [{ port: 80 }]),
      slice('default', 'draining', [{ ip: '10.244.1.8', node: 'worker-1', conditions: terminating }], [{ port: 80 }]),
    ],
  });
  state.config.dualStack = {
    clusterCIDR: 'fd00:10:244::/56',
    serviceCIDR: 'fd00:10:96::/112',
    nodeCIDRMaskSize: 64,
    nodeSubnet: 'fd00:192:168:1::/64',
  };
  return state;
};
