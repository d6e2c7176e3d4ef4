// MetalLB before v0.13 read its configuration from the ConfigMap metallb-system/config; since
// v0.13 it reads only CRs and ignores that ConfigMap. We say so and offer, in its place, the CRs MetalLB's own
// converter (configmaptocrs, v0.13.12) would generate: same names (peerN, bgpadvertisementN,
// l2advertisementN, Community "communities"), same rules (a bgp pool without advertisements
// gets an empty one; only `protocol: layer2` pools get an L2Advertisement).

import { dump } from 'js-yaml';
import type { DiagnosticCode, DiagnosticParams, Severity } from '../../diagnostics';
import { decode, type Reports } from '../decode';
import { arr, bool, ignored, int, obj, oneOf, str, stringMap, strings, type Fields } from '../fieldSpec';
import type { ConfigMap, LabelSelector } from '../types';
import { parseYamlDocuments } from '../yamlTree';

export const METALLB_NAMESPACE = 'metallb-system';

const UINT32_MAX = 4294967295;

/**
 * CRs written out: a message shows 200 lines, and a configuration of thousands of pools (aliases
 * make one from a few lines) must not cost seconds to write out in full.
 */
export const SHOWN_CRS = 20;

// MetalLB v0.12 internal/config/config.go (configFile and what it holds), read with
// yaml.UnmarshalStrict: unknown keys are errors there, wrong types too.
const nodeSelector = obj({
  'match-labels': stringMap(),
  'match-expressions': arr(obj({ key: str(), operator: str(), values: strings() })),
});

const legacyFields: Fields = {
  peers: arr(
    obj({
      'my-asn': int(0, UINT32_MAX),
      'peer-asn': int(0, UINT32_MAX),
      'peer-address': str(),
      'source-address': str(),
      'peer-port': int(0, 65535),
      'hold-time': str(),
      'keepalive-time': str(),
      'router-id': str(),
      'node-selectors': arr(nodeSelector),
      password: str(),
      'bfd-profile': str(),
      'ebgp-multihop': bool,
      vrf: str(),
    }),
  ),
  'bgp-communities': stringMap(),
  'address-pools': arr(
    obj({
      name: str(),
      protocol: oneOf(['layer2', 'bgp']),
      addresses: strings(),
      'auto-assign': bool,
      'avoid-buggy-ips': bool,
      'bgp-advertisements': arr(
        obj({ 'aggregation-length': int(), 'aggregation-length-v6': int(), localpref: int(0, UINT32_MAX), communities: strings() }),
      ),
    }),
  ),
  'bfd-profiles': ignored,
};

/** What `legacyFields` decodes to. */
interface LegacyNodeSelector {
  'match-labels'?: Record<string, string>;
  'match-expressions'?: { key?: string; operator?: string; values?: string[] }[];
}

interface LegacyPeer {
  'peer-address'?: string;
  'peer-asn'?: number;
  'my-asn'?: number;
  'peer-port'?: number;
  'source-address'?: string;
  'hold-time'?: string;
  'keepalive-time'?: string;
  'router-id'?: string;
  password?: string;
  'bfd-profile'?: string;
  'ebgp-multihop'?: boolean;
  'node-selectors'?: LegacyNodeSelector[];
}

interface LegacyPool {
  name?: string;
  protocol?: string;
  addresses?: string[];
  'auto-assign'?: boolean;
  'avoid-buggy-ips'?: boolean;
  'bgp-advertisements'?: { 'aggregation-length'?: number; 'aggregation-length-v6'?: number; localpref?: number; communities?: string[] }[];
}

interface LegacyConfig {
  peers?: LegacyPeer[];
  'address-pools'?: LegacyPool[];
  'bgp-communities'?: Record<string, string>;
}

export interface LegacyHint {
  severity: Severity;
  code: DiagnosticCode;
  params: DiagnosticParams;
  /** The field to point at, relative to the ConfigMap. */
  path: string;
  /** The CRs to write in place of the ConfigMap, when all of them are shown. */
  replacement?: object[];
}

const meta = (name: string) => ({ name, namespace: METALLB_NAMESPACE });

function selector(s: LegacyNodeSelector): LabelSelector {
  const out: LabelSelector = {};
  if (s['match-labels']) out.matchLabels = s['match-labels'];
  if (s['match-expressions'])
    out.matchExpressions = s['match-expressions'].map((e) => ({ ...e, key: e.key ?? '', operator: (e.operator ?? '') as 'In' }));
  return out;
}

/** The CRs equivalent to an old `config`, in the converter's order. */
function legacyToCRs(config: LegacyConfig): object[] {
  const out: object[] = [];
  (config.peers ?? []).forEach((p, i) => {
    const spec: Record<string, unknown> = { myASN: p['my-asn'], peerASN: p['peer-asn'], peerAddress: p['peer-address'] };
    if (p['peer-port'] !== undefined) spec.peerPort = p['peer-port'];
    if (p['source-address']) spec.sourceAddress = p['source-address'];
    spec.holdTime = p['hold-time'] || '90s'; // the converter's default
    if (p['keepalive-time']) spec.keepaliveTime = p['keepalive-time'];
    if (p['router-id']) spec.routerID = p['router-id'];
    if (p.password) spec.password = p.password;
    if (p['bfd-profile']) spec.bfdProfile = p['bfd-profile'];
    if (p['ebgp-multihop']) spec.ebgpMultiHop = true;
    if (p['node-selectors']?.length) spec.nodeSelectors = p['node-selectors'].map(selector);
    out.push({ apiVersion: 'metallb.io/v1beta2', kind: 'BGPPeer', metadata: meta(`peer${i + 1}`), spec });
  });
  const pools = config['address-pools'] ?? [];
  for (const pool of pools) {
    const spec: Record<string, unknown> = { addresses: pool.addresses ?? [] };
    if (pool['auto-assign'] !== undefined) spec.autoAssign = pool['auto-assign'];
    if (pool['avoid-buggy-ips']) spec.avoidBuggyIPs = true;
    out.push({ apiVersion: 'metallb.io/v1beta1', kind: 'IPAddressPool', metadata: meta(pool.name ?? ''), spec });
  }
  let bgpIndex = 1;
  for (const pool of pools) {
    const ads = pool['bgp-advertisements'] ?? [];
    if (ads.length === 0 && pool.protocol === 'bgp') ads.push({});
    for (const ad of ads) {
      const spec: Record<string, unknown> = {};
      if (ad['aggregation-length'] !== undefined) spec.aggregationLength = ad['aggregation-length'];
      if (ad['aggregation-length-v6'] !== undefined) spec.aggregationLengthV6 = ad['aggregation-length-v6'];
      if (ad.communities?.length) spec.communities = ad.communities;
      spec.ipAddressPools = [pool.name];
      if (ad.localpref !== undefined) spec.localPref = ad.localpref;
      out.push({ apiVersion: 'metallb.io/v1beta1', kind: 'BGPAdvertisement', metadata: meta(`bgpadvertisement${bgpIndex++}`), spec });
    }
  }
  pools
    .filter((p) => p.protocol === 'layer2')
    .forEach((pool, i) =>
      out.push({
        apiVersion: 'metallb.io/v1beta1',
        kind: 'L2Advertisement',
        metadata: meta(`l2advertisement${i + 1}`),
        spec: { ipAddressPools: [pool.name] },
      }),
    );
  const communities = Object.entries(config['bgp-communities'] ?? {});
  if (communities.length)
    out.push({
      apiVersion: 'metallb.io/v1beta1',
      kind: 'Community',
      metadata: meta('communities'),
      spec: { communities: communities.map(([name, value]) => ({ name, value })) },
    });
  return out;
}

/**
 * A diagnostic for the ConfigMap metallb-system/config, or undefined for any other ConfigMap.
 * Problems inside `data.config` go to `inside` (offsets in that text) as warnings: MetalLB
 * v0.13+ ignores the ConfigMap, so they cost only the conversion, never the cluster.
 */
export function legacyConfigHint(cm: ConfigMap, inside: Reports): LegacyHint | undefined {
  if (cm.metadata.name !== 'config' || cm.metadata.namespace !== METALLB_NAMESPACE) return undefined;
  const text = cm.data?.config;
  if (text === undefined) return undefined;
  const warn: Reports = { report: (_severity, code, params, start, end) => inside.report('warning', code, params, start, end) };
  const { docs, problems } = parseYamlDocuments(text);
  for (const p of problems) warn.report('warning', p.code, p.params, p.start, p.end);
  const doc = docs[0];
  if (doc?.kind !== 'map') {
    const syntax = problems.find((p) => p.code === 'yaml.syntax');
    return {
      severity: 'warning',
      code: 'metallb.legacyConfig.unreadable',
      params: { reason: syntax?.params.reason ?? 'not a mapping' },
      path: 'data.config',
    };
  }
  // Nothing in legacyFields is required, so a mapping always decodes to an object.
  const config = decode(doc, obj(legacyFields), '', doc.start, warn) as LegacyConfig;
  const all = legacyToCRs(config);
  // Nothing to write in its place (a configuration without pools or peers) is no reason to delete it.
  if (all.length <= SHOWN_CRS)
    return {
      severity: 'warning',
      code: 'metallb.legacyConfig',
      params: {},
      path: 'data.config',
      ...(all.length > 0 && { replacement: all }),
    };
  // A part is shown to read, never offered to apply: it would drop the rest of the configuration.
  const crs = all
    .slice(0, SHOWN_CRS)
    .map((o) => dump(o, { lineWidth: -1 }))
    .join('---\n');
  return {
    severity: 'warning',
    code: 'metallb.legacyConfig.first',
    params: { crs, shown: SHOWN_CRS, total: all.length },
    path: 'data.config',
  };
}
