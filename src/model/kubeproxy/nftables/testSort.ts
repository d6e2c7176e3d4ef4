// A port of sortNFTablesTransaction from kube-proxy's pkg/proxy/nftables/helpers_test.go:
// upstream compares its expected dumps with the Fake's after this sort (kube-proxy visits
// Services in Go map order), so goldens copied from there are compared the same way.

const OBJECT_ORDER: Record<string, number> = { table: 10, chain: 9, rule: 8, set: 7, map: 6, element: 5 };

function less(li: string, lj: string): boolean {
  const wi = li.split(' ');
  const wj = lj.split(' ');
  if (wi.length < 5 || wj.length < 5) return false;
  // By object type, then object name; rules keep the order they were added in.
  if (wi[1] !== wj[1]) return (OBJECT_ORDER[wi[1]!] ?? 0) >= (OBJECT_ORDER[wj[1]!] ?? 0);
  if (wi[4] !== wj[4]) return wi[4]! < wj[4]!;
  if (wi[1] === 'rule') return false;
  return li < lj;
}

/** Blank lines and `#` comments dropped, the rest in upstream's canonical order. */
export function sortNFTablesTransaction(text: string): string {
  const lines = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  return lines.sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0)).join('\n');
}
