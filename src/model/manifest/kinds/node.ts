// core/v1 Node and Namespace (cluster-scoped).

import { arr, bool, ignored, ignoring, obj, oneOf, required, str, strings, type FieldSpec } from '../fieldSpec';
import { isIP } from '../formats';
import type { Namespace, Node } from '../types';
import type { KindDecoder } from './kindDecoder';
import { objectMeta } from './meta';

const taint: FieldSpec = obj({
  key: required(str({ format: 'labelKey' })),
  value: str({ format: 'labelValue' }),
  effect: required(oneOf(['NoSchedule', 'PreferNoSchedule', 'NoExecute'])),
  ...ignoring('timeAdded'),
});

export const nodeDecoder: KindDecoder<Node> = {
  apiVersion: 'v1',
  kind: 'Node',
  namespaced: false,
  fields: {
    apiVersion: str(),
    kind: str(),
    metadata: objectMeta(),
    spec: obj({
      podCIDR: str({ format: 'cidr' }),
      podCIDRs: strings('cidr'),
      taints: arr(taint),
      unschedulable: bool,
      ...ignoring('providerID', 'externalID', 'configSource'),
    }),
    status: obj({
      addresses: arr(
        obj({
          type: required(oneOf(['InternalIP', 'ExternalIP', 'Hostname', 'InternalDNS', 'ExternalDNS'])),
          address: required(str()),
        }),
      ),
      conditions: arr(
        obj({
          type: required(str()),
          status: required(oneOf(['True', 'False', 'Unknown'])),
          reason: str(),
          ...ignoring('message', 'lastHeartbeatTime', 'lastTransitionTime'),
        }),
      ),
      // The kernel decides whether kube-proxy can run in nftables mode; the rest of nodeInfo changes nothing modelled.
      nodeInfo: obj({
        kernelVersion: str(),
        ...ignoring(
          'machineID',
          'systemUUID',
          'bootID',
          'osImage',
          'containerRuntimeVersion',
          'kubeletVersion',
          'kubeProxyVersion',
          'operatingSystem',
          'architecture',
          'swap',
        ),
      }),
      ...ignoring('capacity', 'allocatable', 'phase', 'daemonEndpoints', 'images', 'volumesInUse', 'volumesAttached'),
      ...ignoring('config', 'runtimeHandlers', 'features', 'declaredFeatures'),
    }),
  },
  finish(node, c) {
    node.spec ??= {};
    node.status ??= {};
    node.status.addresses = node.status.addresses?.filter((a, i) => {
      const needsIP = a.type === 'InternalIP' || a.type === 'ExternalIP';
      if (needsIP && !isIP(a.address)) c.report('error', 'field.ip', { value: a.address }, `status.addresses.${i}.address`);
      return !needsIP || isIP(a.address);
    });
    if (node.status.addresses === undefined) delete node.status.addresses;
    return node;
  },
};

export const namespaceDecoder: KindDecoder<Namespace> = {
  apiVersion: 'v1',
  kind: 'Namespace',
  namespaced: false,
  fields: {
    apiVersion: str(),
    kind: str(),
    metadata: objectMeta('dns1123Label'),
    spec: ignored,
    status: ignored,
  },
  finish(ns) {
    // SetDefaults_Namespace: every namespace carries its own name as a label.
    ns.metadata.labels = { ...ns.metadata.labels, 'kubernetes.io/metadata.name': ns.metadata.name };
    return ns;
  },
};
