// A pasted Corefile must serve the domain kubelet puts in every pod's search list: if its
// kubernetes plugin serves another zone, or there is none, Service names stop resolving — a
// mistake the Corefile alone does not show, so the Problems panel says it at the ConfigMap.

import type { ClusterState } from '../cluster/types';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { COREFILE_KEY, isCorednsConfigMap, parseCorefile } from '../manifest/kinds/corefile';
import type { ConfigMap, Manifest } from '../manifest/types';
import { absolute, inZone } from './names';

export function corefileDomainCheck(manifests: Manifest[], state: ClusterState): Diagnostic[] {
  const m = manifests.findLast((x): x is Manifest<ConfigMap> => x.object.kind === 'ConfigMap' && isCorednsConfigMap(x.object));
  if (!m) return [];
  const corefile = parseCorefile(m.object.data?.[COREFILE_KEY] ?? '', { report: () => {} });
  const domain = absolute(state.config.clusterDomain);
  const zones = corefile.servers.flatMap((s) => s.kubernetes?.zones ?? []);
  const at = m.source.at(`data.${COREFILE_KEY}`);
  if (!zones.length) return [diagnostic('warning', 'corefile.noKubernetes', { domain }, at)];
  if (zones.some((z) => inZone(domain, z))) return [];
  return [diagnostic('warning', 'corefile.clusterDomain', { domain, zones: zones.join(' ') }, at)];
}
