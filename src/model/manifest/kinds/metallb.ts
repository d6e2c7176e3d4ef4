// MetalLB's CRDs (config/crd/bases, MetalLB v0.15.3): the schema checks and kubebuilder
// defaults the API server applies. MetalLB's own validation (CIDRs, overlaps, ASNs) happens
// when its controller loads the configuration: src/model/metallb/config.ts.
// Also core/v1 ConfigMap, read for MetalLB's pre-v0.13 `config` (metallbLegacyConfig.ts, beside this file)
// and kubeadm's kube-system/kubeadm-config (kubeadmConfigMap.ts).

import { COREFILE_KEY, isCorednsConfigMap, parseCorefile } from './corefile';
import { isKubeadmConfigMap, KUBEADM_CONFIG_KEY, kubeadmConfigOf } from './kubeadmConfigMap';
import { legacyConfigHint } from './metallbLegacyConfig';
import { arr, bool, ignored, ignoring, int, obj, oneOf, required, str, stringMap, strings, type FieldSpec } from '../fieldSpec';
import type { BGPAdvertisement, BGPPeer, Community, ConfigMap, IPAddressPool, L2Advertisement, LabelSelector } from '../types';
import type { FinishContext, KindDecoder } from './kindDecoder';
import { checkSelector, labelSelector, objectMeta } from './meta';

const UINT32_MAX = 4294967295;
const selectors: FieldSpec = arr(labelSelector());
const crdTop = { apiVersion: str(), kind: str(), metadata: objectMeta(), status: ignored };

function checkSelectors(list: LabelSelector[] | undefined, path: string, c: FinishContext): void {
  list?.forEach((s, i) => checkSelector(s, `${path}.${i}`, c));
}

export const ipAddressPoolDecoder: KindDecoder<IPAddressPool> = {
  apiVersion: 'metallb.io/v1beta1',
  kind: 'IPAddressPool',
  namespaced: true,
  fields: {
    ...crdTop,
    spec: required(
      obj({
        addresses: required(strings()),
        autoAssign: bool,
        avoidBuggyIPs: bool,
        serviceAllocation: obj({ priority: int(), namespaces: strings(), namespaceSelectors: selectors, serviceSelectors: selectors }),
      }),
    ),
  },
  finish(pool, c) {
    pool.spec.autoAssign ??= true;
    pool.spec.avoidBuggyIPs ??= false;
    checkSelectors(pool.spec.serviceAllocation?.namespaceSelectors, 'spec.serviceAllocation.namespaceSelectors', c);
    checkSelectors(pool.spec.serviceAllocation?.serviceSelectors, 'spec.serviceAllocation.serviceSelectors', c);
    return pool;
  },
};

export const l2AdvertisementDecoder: KindDecoder<L2Advertisement> = {
  apiVersion: 'metallb.io/v1beta1',
  kind: 'L2Advertisement',
  namespaced: true,
  fields: {
    ...crdTop,
    spec: obj({ ipAddressPools: strings(), ipAddressPoolSelectors: selectors, nodeSelectors: selectors, interfaces: strings() }),
  },
  finish(adv, c) {
    adv.spec ??= {};
    checkSelectors(adv.spec.ipAddressPoolSelectors, 'spec.ipAddressPoolSelectors', c);
    checkSelectors(adv.spec.nodeSelectors, 'spec.nodeSelectors', c);
    return adv;
  },
};

export const bgpAdvertisementDecoder: KindDecoder<BGPAdvertisement> = {
  apiVersion: 'metallb.io/v1beta1',
  kind: 'BGPAdvertisement',
  namespaced: true,
  fields: {
    ...crdTop,
    spec: obj({
      aggregationLength: int(1),
      aggregationLengthV6: int(),
      localPref: int(0, UINT32_MAX),
      communities: strings(),
      ipAddressPools: strings(),
      ipAddressPoolSelectors: selectors,
      nodeSelectors: selectors,
      peers: strings(),
    }),
  },
  finish(adv, c) {
    adv.spec ??= {};
    adv.spec.aggregationLength ??= 32;
    adv.spec.aggregationLengthV6 ??= 128;
    checkSelectors(adv.spec.ipAddressPoolSelectors, 'spec.ipAddressPoolSelectors', c);
    checkSelectors(adv.spec.nodeSelectors, 'spec.nodeSelectors', c);
    return adv;
  },
};

export const bgpPeerDecoder: KindDecoder<BGPPeer> = {
  apiVersion: 'metallb.io/v1beta2',
  kind: 'BGPPeer',
  namespaced: true,
  fields: {
    ...crdTop,
    spec: required(
      obj({
        myASN: required(int(0, UINT32_MAX)),
        peerASN: int(0, UINT32_MAX),
        dynamicASN: oneOf(['internal', 'external']),
        peerAddress: str(),
        interface: str(),
        sourceAddress: str(),
        peerPort: int(1, 16384),
        holdTime: str(),
        keepaliveTime: str(),
        connectTime: str(),
        routerID: str(),
        nodeSelectors: selectors,
        password: str(),
        bfdProfile: str(),
        ebgpMultiHop: bool,
        vrf: str(),
        ...ignoring('passwordSecret', 'enableGracefulRestart', 'disableMP', 'dualStackAddressFamily'),
      }),
    ),
  },
  finish(peer, c) {
    peer.spec.peerPort ??= 179;
    checkSelectors(peer.spec.nodeSelectors, 'spec.nodeSelectors', c);
    return peer;
  },
};

export const communityDecoder: KindDecoder<Community> = {
  apiVersion: 'metallb.io/v1beta1',
  kind: 'Community',
  namespaced: true,
  fields: {
    ...crdTop,
    spec: obj({ communities: arr(obj({ name: required(str()), value: required(str()) })) }),
  },
  finish(community) {
    community.spec ??= {};
    return community;
  },
};

export const configMapDecoder: KindDecoder<ConfigMap> = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  namespaced: true,
  fields: { apiVersion: str(), kind: str(), metadata: objectMeta(), data: stringMap(), ...ignoring('binaryData', 'immutable') },
  finish(cm, c) {
    const hint = legacyConfigHint(cm, c.inside('data.config'));
    if (hint) c.report(hint.severity, hint.code, hint.params, hint.path, hint.replacement);
    // kubeadm's copy of its ClusterConfiguration: its problems shown where they are written (ranges.ts reads its values).
    if (isKubeadmConfigMap(cm)) kubeadmConfigOf(cm, c.inside(`data.${KUBEADM_CONFIG_KEY}`));
    // CoreDNS's Corefile, likewise (src/model/dns answers with it).
    if (isCorednsConfigMap(cm)) parseCorefile(cm.data![COREFILE_KEY]!, c.inside(`data.${COREFILE_KEY}`));
    return cm;
  },
};

/** Every decoder above, registered together. */
export const metallbDecoders: KindDecoder[] = [
  ipAddressPoolDecoder,
  l2AdvertisementDecoder,
  bgpAdvertisementDecoder,
  bgpPeerDecoder,
  communityDecoder,
  configMapDecoder,
];
