// String formats the API server validates (k8s.io/apimachinery/pkg/util/validation,
// Kubernetes v1.31). Each check returns the diagnostic code for a bad value, or
// undefined when the value is fine.

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
  return s.length >= 1 && s.length <= 15 && /^[-a-z0-9]+$/.test(s) && /[a-z]/.test(s) && !s.startsWith('-') && !s.endsWith('-') && !s.includes('--');
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

export function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^[0-9]{1,3}$/.test(p) && Number(p) <= 255);
}

export function isIPv6(s: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(s)) return false;
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  let count = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if (i === groups.length - 1 && g.includes('.')) {
      if (!isIPv4(g)) return false;
      count += 2;
    } else if (/^[0-9A-Fa-f]{1,4}$/.test(g)) count++;
    else return false;
  }
  return halves.length === 2 ? count < 8 : count === 8;
}

export function isIP(s: string): boolean {
  return isIPv4(s) || isIPv6(s);
}

export function isCIDR(s: string): boolean {
  const slash = s.indexOf('/');
  if (slash === -1) return false;
  const ip = s.slice(0, slash);
  const bits = s.slice(slash + 1);
  if (!/^[0-9]{1,3}$/.test(bits)) return false;
  if (isIPv4(ip)) return Number(bits) <= 32;
  return isIPv6(ip) && Number(bits) <= 128;
}

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
