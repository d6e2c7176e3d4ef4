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

// RFC 9110's token: what a method or a header name may be made of.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** `--method M`: a token, sent as written (methods are case-sensitive); undefined when it is not one. */
export function parseMethodArg(text: string): string | undefined {
  return TOKEN.test(text) ? text : undefined;
}

/** `--header 'Name: value'`, as curl -H takes one: a token, a colon, the value with its spaces trimmed. */
export function parseHeaderArg(text: string): HttpHeader | undefined {
  const colon = text.indexOf(':');
  const name = text.slice(0, Math.max(0, colon));
  // eslint-disable-next-line no-control-regex -- a header value holds no control characters but tab
  if (colon < 1 || !TOKEN.test(name) || /[\x00-\x08\x0a-\x1f\x7f]/.test(text)) return undefined;
  return { name, value: text.slice(colon + 1).trim() };
}
