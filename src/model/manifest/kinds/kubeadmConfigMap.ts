// kubeadm uploads the ClusterConfiguration it ran with to the ConfigMap kube-system/kubeadm-config
// (`data.ClusterConfiguration`), so a dump of a kubeadm cluster's ConfigMaps carries its ranges.
// The text inside is read with the same fields and checks as a pasted ClusterConfiguration.

import { decode, INVALID, type Reports } from '../decode';
import { obj } from '../fieldSpec';
import { offsetAt } from '../sourceRef';
import type { ClusterConfiguration, ConfigMap } from '../types';
import { parseYamlDocuments, type YMap } from '../yamlTree';
import { displayPath } from './kindDecoder';
import { checkClusterConfiguration, clusterConfigurationV1beta3Decoder, clusterConfigurationV1beta4Decoder } from './kubeadm';

export const KUBEADM_CONFIG_KEY = 'ClusterConfiguration';

export const isKubeadmConfigMap = (cm: ConfigMap): boolean =>
  cm.metadata?.namespace === 'kube-system' && cm.metadata?.name === 'kubeadm-config' && cm.data?.[KUBEADM_CONFIG_KEY] !== undefined;

const scalar = (doc: YMap, key: string): string | undefined => {
  const v = doc.pairs.find((p) => p.key === key)?.value;
  return v?.kind === 'scalar' && typeof v.value === 'string' ? v.value : undefined;
};

/** The ClusterConfiguration in `data.ClusterConfiguration`; its problems go to `reports`, at offsets in that text. */
export function kubeadmConfigOf(cm: ConfigMap, reports: Reports): ClusterConfiguration | undefined {
  const { docs, problems } = parseYamlDocuments(cm.data?.[KUBEADM_CONFIG_KEY] ?? '');
  for (const p of problems) reports.report('error', p.code, p.params, p.start, p.end);
  const doc = docs[0];
  if (doc?.kind !== 'map') return undefined;
  const kind = scalar(doc, 'kind') ?? '';
  const apiVersion = scalar(doc, 'apiVersion') ?? '';
  const decoder = [clusterConfigurationV1beta4Decoder, clusterConfigurationV1beta3Decoder].find((d) => d.apiVersion === apiVersion);
  if (kind !== 'ClusterConfiguration' || !decoder) {
    reports.report('error', 'kind.version', { kind, apiVersion, expected: clusterConfigurationV1beta4Decoder.apiVersion }, doc.start);
    return undefined;
  }
  const value = decode(doc, obj(decoder.fields), '', doc.start, reports);
  if (value === INVALID || value === undefined) return undefined;
  return checkClusterConfiguration(value as ClusterConfiguration, {
    report: (severity, code, params, path) => reports.report(severity, code, { path: displayPath(path), ...params }, offsetAt(doc, path)),
  });
}
