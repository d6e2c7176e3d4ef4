// ingress2gateway's names (pkg/i2gw/providers/common/utils.go): a host becomes a name by turning
// every run of other characters into `-` and dropping what leads; no host is `all-hosts`.

export function nameFromHost(host: string): string {
  if (host === '' || host === '*') return 'all-hosts';
  return host.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^[^a-zA-Z0-9]+/, '');
}

export const routeName = (ingress: string, host: string): string => `${ingress}-${nameFromHost(host)}`;
