// One HTTP request as a client sends it, read by every proxy PacketWalk imitates (ingress-nginx,
// Envoy): the same flags (`--to URL --method M --header 'Name: value'`) drive both.

export interface HttpHeader {
  name: string;
  value: string;
}

export interface HttpRequest {
  scheme: 'http' | 'https';
  /** The Host header (from the URL, or a `Host:` header given with `--header`, as curl does); a `:port` suffix is ignored. */
  host: string;
  /** The request URI: path and optional `?query`. */
  path: string;
  /** GET unless said otherwise. */
  method?: string;
  /** Headers given on the command line or in the tester, in order; names as written. */
  headers?: HttpHeader[];
}
