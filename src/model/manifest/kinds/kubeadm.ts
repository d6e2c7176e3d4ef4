// kubeadm's ClusterConfiguration, read for the cluster's ranges: kubeadm.k8s.io/v1beta4
// (Kubernetes v1.31+, the version v1.33's kubeadm writes) and v1beta3 (still read by v1.33).
// Fields from cmd/kubeadm/app/apis/kubeadm/v1beta4/types.go and v1beta3/types.go; checks from
// kubeadm's ValidateNetworking (validation.go) and the API server's --service-node-port-range
// parser (k8s.io/apimachinery/pkg/util/net PortRange.Set). kubeadm reads TypeMeta only.

import type { DiagnosticParams } from '../../diagnostics';
import { arr, ignored, ignoring, obj, required, str, stringMap, type Fields } from '../fieldSpec';
import type { ClusterConfiguration, KubeadmArg } from '../types';
import { parseCidrList } from './cidrList';
import type { FinishContext, KindDecoder } from './kindDecoder';

type FieldReports = Pick<FinishContext, 'report'>;

/** kubeadm's constants.MinimumAddressesInServiceSubnet / MinimumAddressesInPodSubnet. */
const MIN_ADDRESSES = { serviceSubnet: 10, podSubnet: 14 } as const;
/** kubeadm's and the API server's MaximumBitsForServiceSubnet: an IPv4 range is /12 or smaller. */
const MAX_SERVICE_BITS = 20;

export const NODE_PORT_RANGE_FLAG = 'service-node-port-range';

/** PortRange.Set: `30000-32767`, `30000+2767` or a single port, spaces around trimmed. */
export function parsePortRange(text: string): [number, number] | undefined {
  const value = text.trim();
  const number = (s: string) => (/^[+-]?\d+$/.test(s) ? Number(s) : NaN);
  const dash = value.indexOf('-');
  const plus = value.indexOf('+');
  let low: number;
  let high: number;
  if (dash >= 0 && plus >= 0) return undefined;
  if (dash >= 0) [low, high] = [number(value.slice(0, dash)), number(value.slice(dash + 1))];
  else if (plus >= 0) {
    low = number(value.slice(0, plus));
    high = low + number(value.slice(plus + 1));
  } else low = high = number(value);
  if (!Number.isInteger(low) || !Number.isInteger(high) || low > 65535 || high > 65535 || high < low || low < 0) return undefined;
  return [low, high];
}

/** A flag's value as the component sees it: v1beta4 lists may repeat a name, and the last one wins on the command line. */
export function extraArg(args: KubeadmArg[] | Record<string, string> | undefined, name: string): string | undefined {
  if (!args) return undefined;
  if (Array.isArray(args)) return args.findLast((a) => a.name === name)?.value;
  return Object.hasOwn(args, name) ? args[name] : undefined;
}

const networking = obj({ serviceSubnet: str(), podSubnet: str(), dnsDomain: str({ format: 'dns1123Subdomain' }) });

const common: Fields = {
  apiVersion: str(),
  kind: str(),
  networking,
  kubernetesVersion: str(),
  controlPlaneEndpoint: str(),
  certificatesDir: str(),
  imageRepository: str(),
  clusterName: str(),
  ...ignoring('etcd', 'controllerManager', 'scheduler', 'dns', 'featureGates'),
};

/** kubeadm rejects a subnet it cannot use; the field is dropped so the default (or what a dump shows) stands. */
function checkSubnet(cc: ClusterConfiguration, field: 'serviceSubnet' | 'podSubnet', c: FieldReports): void {
  const value = cc.networking?.[field];
  if (value === undefined) return;
  const path = `networking.${field}`;
  const parsed = parseCidrList(value.split(','));
  let problem:
    | {
        code: 'kubeadm.subnet.unparsable' | 'kubeadm.subnet.families' | 'kubeadm.subnet.tooSmall' | 'kubeadm.serviceSubnet.tooLarge';
        params: DiagnosticParams;
      }
    | undefined;
  if ('problem' in parsed)
    problem = { code: parsed.problem === 'families' ? 'kubeadm.subnet.families' : 'kubeadm.subnet.unparsable', params: { value } };
  else
    for (const p of parsed.prefixes) {
      const width = p.family === 4 ? 32 : 128;
      const size = 2 ** (width - p.bits);
      if (size < MIN_ADDRESSES[field]) problem = { code: 'kubeadm.subnet.tooSmall', params: { value, size, min: MIN_ADDRESSES[field] } };
      else if (field === 'serviceSubnet' && width - p.bits > MAX_SERVICE_BITS)
        problem = { code: 'kubeadm.serviceSubnet.tooLarge', params: { value, bits: width, min: width - MAX_SERVICE_BITS } };
    }
  if (!problem) return;
  c.report('error', problem.code, problem.params, path);
  delete cc.networking![field];
}

function checkNodePortRange(cc: ClusterConfiguration, c: FieldReports): void {
  const args = cc.apiServer?.extraArgs;
  if (!args) return;
  // An empty value leaves the API server on its default range.
  const bad = (value: string) => value.trim() !== '' && parsePortRange(value) === undefined;
  if (Array.isArray(args)) {
    const kept = args.filter((a, i) => {
      if (a.name !== NODE_PORT_RANGE_FLAG || !bad(a.value ?? '')) return true;
      c.report('error', 'kubeadm.nodePortRange.invalid', { value: a.value ?? '' }, `apiServer.extraArgs.${i}.value`);
      return false;
    });
    cc.apiServer!.extraArgs = kept;
  } else if (Object.hasOwn(args, NODE_PORT_RANGE_FLAG) && bad(args[NODE_PORT_RANGE_FLAG])) {
    c.report(
      'error',
      'kubeadm.nodePortRange.invalid',
      { value: args[NODE_PORT_RANGE_FLAG] },
      `apiServer.extraArgs.${NODE_PORT_RANGE_FLAG}`,
    );
    delete args[NODE_PORT_RANGE_FLAG];
  }
}

/** kubeadm's checks, which look at fields only (also run on the copy in the kubeadm-config ConfigMap). */
export function checkClusterConfiguration(cc: ClusterConfiguration, c: FieldReports): ClusterConfiguration {
  checkSubnet(cc, 'serviceSubnet', c);
  checkSubnet(cc, 'podSubnet', c);
  checkNodePortRange(cc, c);
  return cc;
}

export const clusterConfigurationV1beta4Decoder: KindDecoder<ClusterConfiguration> = {
  apiVersion: 'kubeadm.k8s.io/v1beta4',
  kind: 'ClusterConfiguration',
  namespaced: false,
  fields: {
    ...common,
    apiServer: obj({
      extraArgs: arr(obj({ name: required(str()), value: str() })),
      ...ignoring('extraVolumes', 'extraEnvs', 'certSANs'),
    }),
    proxy: ignored,
    ...ignoring('encryptionAlgorithm', 'certificateValidityPeriod', 'caCertificateValidityPeriod'),
  },
  finish: checkClusterConfiguration,
};

export const clusterConfigurationV1beta3Decoder: KindDecoder<ClusterConfiguration> = {
  apiVersion: 'kubeadm.k8s.io/v1beta3',
  kind: 'ClusterConfiguration',
  namespaced: false,
  fields: {
    ...common,
    apiServer: obj({ extraArgs: stringMap(), ...ignoring('extraVolumes', 'certSANs', 'timeoutForControlPlane') }),
  },
  finish: checkClusterConfiguration,
};
