// networking.k8s.io/v1 ServiceCIDR (GA in Kubernetes v1.33): a range the API server hands
// ClusterIPs out of. The one named `kubernetes` mirrors --service-cluster-ip-range. Checks from
// ValidateServiceCIDR (pkg/apis/networking/validation): one or two CIDRs, one per family, each in
// canonical form (validation.IsValidCIDR: netip.ParsePrefix, no bits past the prefix length).

import { formatPrefixGo, parsePrefixGo } from '../../net';
import { ignoring, obj, str, strings } from '../fieldSpec';
import type { ServiceCIDR } from '../types';
import { parseCidrList } from './cidrList';
import type { KindDecoder } from './kindDecoder';
import { objectMeta } from './meta';

/** The ServiceCIDR the API server creates from its --service-cluster-ip-range flag. */
export const DEFAULT_SERVICE_CIDR_NAME = 'kubernetes';

export const serviceCIDRDecoder: KindDecoder<ServiceCIDR> = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'ServiceCIDR',
  namespaced: false,
  fields: {
    apiVersion: str(),
    kind: str(),
    metadata: objectMeta(),
    spec: obj({ cidrs: strings() }),
    ...ignoring('status'),
  },
  finish(cidr, c) {
    const cidrs = cidr.spec?.cidrs ?? [];
    if (cidrs.length === 0) {
      // A value of the wrong type was reported where it is written.
      if (!c.written('spec.cidrs')) c.report('error', 'serviceCIDR.required', {}, c.written('spec') ? 'spec.cidrs' : 'spec');
      return undefined;
    }
    const parsed = parseCidrList(cidrs);
    if ('problem' in parsed && parsed.problem === 'families') {
      c.report('error', 'serviceCIDR.families', { value: cidrs.join(', ') }, 'spec.cidrs');
      return undefined;
    }
    let valid = true;
    cidrs.forEach((text, i) => {
      const strict = parsePrefixGo(text);
      const canonical = strict && formatPrefixGo(strict);
      if (!strict) c.report('error', 'field.cidr', { value: text }, `spec.cidrs.${i}`);
      else if (canonical !== text) c.report('error', 'field.cidrCanonical', { value: text, canonical: canonical ?? '' }, `spec.cidrs.${i}`);
      valid &&= canonical === text;
    });
    return valid ? cidr : undefined;
  },
};
