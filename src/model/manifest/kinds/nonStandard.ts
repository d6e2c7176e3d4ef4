// Addresses in a Service's older fields as Kubernetes v1.33 takes them: StrictIPCIDRValidation is
// off by default there, so `010.096.0.1` is still accepted (read as decimal, 10.96.0.1, by the API
// server and kube-proxy alike), with the warning kubectl prints (GetWarningsForIP and
// GetWarningsForCIDR, k8s.io/apimachinery/pkg/util/validation/ip.go, as
// pkg/api/service/warnings.go applies them).

import { canonicalSloppy, formatPrefixGo, parseAddrGo, parsePrefixGo, parsePrefixSloppy } from '../../net';
import type { Service } from '../types';
import type { FinishContext } from './kindDecoder';

/** The preferred text of an address written with leading zeros or as IPv4-mapped IPv6, else undefined. */
function preferredIP(value: string): string | undefined {
  const canonical = canonicalSloppy(value);
  if (canonical === undefined) return undefined;
  const strict = parseAddrGo(value);
  const mapped = strict?.family === 4 && value.includes(':');
  return strict === undefined || mapped ? canonical : undefined;
}

/** The same for a prefix (leading zeros in the address or the length). */
function preferredCIDR(value: string): string | undefined {
  const sloppy = parsePrefixSloppy(value);
  return sloppy && !parsePrefixGo(value) ? formatPrefixGo(sloppy) : undefined;
}

export function warnNonStandard(spec: Service['spec'], c: FinishContext): void {
  const ip = (value: string | undefined, path: string) => {
    const canonical = value === undefined ? undefined : preferredIP(value);
    if (canonical) c.report('warning', 'field.ipNonStandard', { value: value!, canonical }, path);
  };
  if (spec.clusterIPs?.length) spec.clusterIPs.forEach((v, i) => ip(v, `spec.clusterIPs.${i}`));
  else ip(spec.clusterIP, 'spec.clusterIP');
  spec.externalIPs?.forEach((v, i) => ip(v, `spec.externalIPs.${i}`));
  ip(spec.loadBalancerIP, 'spec.loadBalancerIP');
  spec.loadBalancerSourceRanges?.forEach((v, i) => {
    const canonical = preferredCIDR(v);
    if (canonical) c.report('warning', 'field.cidrNonStandard', { value: v, canonical }, `spec.loadBalancerSourceRanges.${i}`);
  });
}
