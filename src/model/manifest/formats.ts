// String formats the API server validates (k8s.io/apimachinery/pkg/util/validation,
// Kubernetes v1.31). Each check returns the diagnostic code for a bad value, or
// undefined when the value is fine.

import { parseIPv4Sloppy, parseIPv6Sloppy, parsePrefixSloppy } from '../net';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export function isDns1123Label(s: string): boolean {
  return s.length <= 63 && DNS_LABEL.test(s);
}

export function isDns1123Subdomain(s: string): boolean {
  return s.length <= 253 && s.split('.').every((part) => DNS_LABEL.test(part));
}

export function isDns1035Label(s: string): boolean {
  return s.length <= 63 && DNS1035_LABEL.test(s);
}

/** IANA_SVC_NAME: what a named port must look like (`http`, `metrics-9`). */
export function isPortName(s: string): boolean {
  return (
    s.length >= 1 &&
    s.length <= 15 &&
    /^[-a-z0-9]+$/.test(s) &&
    /[a-z]/.test(s) &&
    !s.startsWith('-') &&
    !s.endsWith('-') &&
    !s.includes('--')
  );
}

export function isLabelKey(s: string): boolean {
  const slash = s.indexOf('/');
  const name = slash === -1 ? s : s.slice(slash + 1);
  if (slash !== -1 && !(slash > 0 && isDns1123Subdomain(s.slice(0, slash)))) return false;
  return name.length <= 63 && QUALIFIED_NAME.test(name);
}

export function isLabelValue(s: string): boolean {
  return s.length <= 63 && LABEL_VALUE.test(s);
}

// The API server checks addresses with netutils.ParseIPSloppy / ParseCIDRSloppy.
export const isIPv4 = (s: string): boolean => parseIPv4Sloppy(s) !== undefined;

export const isIPv6 = (s: string): boolean => parseIPv6Sloppy(s) !== undefined;

export const isIP = (s: string): boolean => isIPv4(s) || isIPv6(s);

export const isCIDR = (s: string): boolean => parsePrefixSloppy(s) !== undefined;

/** The formats a field spec may name, each with the code its violation is reported under. */
export const FORMATS = {
  dns1123Label: { check: isDns1123Label, code: 'field.dns1123Label' },
  dns1123Subdomain: { check: isDns1123Subdomain, code: 'field.dns1123Subdomain' },
  dns1035Label: { check: isDns1035Label, code: 'field.dns1035Label' },
  portName: { check: isPortName, code: 'field.portName' },
  labelKey: { check: isLabelKey, code: 'field.labelKey' },
  labelValue: { check: isLabelValue, code: 'field.labelValue' },
  ip: { check: isIP, code: 'field.ip' },
  cidr: { check: isCIDR, code: 'field.cidr' },
} as const;

export type Format = keyof typeof FORMATS;
