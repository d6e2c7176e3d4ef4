// Deterministic stand-ins for the random and hashed names a real cluster makes.
// Matches k8s.io/apimachinery/pkg/util/rand and pkg/controller ComputeHash (Kubernetes v1.33).

/** rand.String's alphabet: no vowels, so generated names do not spell words. */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a, 32 bits (Go's hash/fnv New32a), over the UTF-8 bytes of `text`. */
export function fnv32a(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      hash = Math.imul(hash ^ c, FNV_PRIME);
      continue;
    }
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      c = 0x10000 + ((c - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00);
    }
    const bytes =
      c < 0x800
        ? [0xc0 | (c >> 6), 0x80 | (c & 63)]
        : c < 0x10000
          ? [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)]
          : [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)];
    for (const b of bytes) hash = Math.imul(hash ^ b, FNV_PRIME);
  }
  return hash >>> 0;
}

/** rand.SafeEncodeString: each character mapped onto the safe alphabet by its code. */
export function safeEncodeString(text: string): string {
  let out = '';
  for (const ch of text) out += SAFE_ALPHABET[ch.codePointAt(0)! % SAFE_ALPHABET.length];
  return out;
}

/** JSON with object keys sorted, so equal objects hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * ComputeHash's shape: fnv32a of the template, its decimal digits safe-encoded
 * (e.g. `7d4d5f8c9d`). Go hashes its own object dump; we hash canonical JSON.
 */
export function templateHash(template: unknown): string {
  return safeEncodeString(String(fnv32a(canonicalJson(template))));
}

/** The 5 characters the API server appends to a generateName, derived from `seed` instead of chance. */
export function randomSuffix(seed: string, length = 5): string {
  let state = fnv32a(seed);
  let out = '';
  for (let i = 0; i < length; i++) {
    if (i === 4) state = fnv32a(`${seed}#${out}`); // 27^4 uses most of 32 bits: refresh for the rest
    out += SAFE_ALPHABET[state % SAFE_ALPHABET.length];
    state = Math.floor(state / SAFE_ALPHABET.length);
  }
  return out;
}

/** names.SimpleNameGenerator: the base is cut to 58 characters so base + 5 fits in 63. */
export function generatedName(base: string, seed: string): string {
  return base.slice(0, 58) + randomSuffix(seed);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(value: number): string {
  return HEX[value >>> 24]! + HEX[(value >>> 16) & 255]! + HEX[(value >>> 8) & 255]! + HEX[value & 255]!;
}

/** A UUID-shaped uid that is the same every time for the same object. */
export function stableUid(key: string): string {
  const a = fnv32a(key);
  const b = fnv32a(`${key}\u0000`);
  // Two more words from xorshift steps: a uid needs to be distinct, not cryptographic.
  const c = mix(a ^ 0x9e3779b9);
  const d = mix(b ^ 0x85ebca6b);
  const h = hex32(a) + hex32(b) + hex32(c) + hex32(d);
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** One xorshift32 step: cheap, well-spread bits from a hash. */
export function mix(x: number): number {
  x ^= x << 13;
  x ^= x >>> 17;
  x ^= x << 5;
  return x >>> 0;
}

function macBytes(bytes: number[]): string {
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** A VM NIC's MAC under QEMU/KVM's 52:54:00 prefix, as on a typical lab cluster. */
export function nicMac(seed: string): string {
  const h = fnv32a(seed);
  return macBytes([0x52, 0x54, 0x00, (h >>> 16) & 255, (h >>> 8) & 255, h & 255]);
}

/** What the kernel's eth_random_addr gives a bridge, VTEP or veth: unicast, locally administered. */
export function randomMac(seed: string): string {
  const a = fnv32a(`a:${seed}`);
  const b = fnv32a(`b:${seed}`);
  const first = ((a >>> 24) & 0xfe) | 0x02;
  return macBytes([first, (a >>> 16) & 255, (a >>> 8) & 255, a & 255, (b >>> 8) & 255, b & 255]);
}

/** The host-side veth name the CNI plugins pick (`veth` + 4 random bytes in hex). */
export function vethName(seed: string): string {
  return `veth${hex32(fnv32a(`veth:${seed}`))}`;
}
