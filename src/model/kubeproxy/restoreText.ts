// The iptables-restore text format as kube-proxy writes it (proxyutil.LineBuffer):
// arguments joined by single spaces; kube-proxy puts double quotes around exactly the
// comment strings that contain spaces (`"ns/svc:p cluster IP"` but `ns/svc:p`).

export interface RestoreRule {
  chain: string;
  /** Arguments after `-A CHAIN`, unquoted, as they would be passed to exec. */
  args: string[];
}

export function quoteArg(arg: string): string {
  return arg.includes(' ') ? `"${arg}"` : arg;
}

export function ruleLine(rule: RestoreRule): string {
  return ['-A', rule.chain, ...rule.args].map(quoteArg).join(' ');
}

/** utiliptables.MakeChainLine */
export function chainLine(chain: string): string {
  return `:${chain} - [0:0]`;
}

/** One table's section: `*table`, chain lines, rules, `COMMIT`. */
export function tableSection(table: string, chains: string[], rules: RestoreRule[]): string {
  return [`*${table}`, ...chains.map(chainLine), ...rules.map(ruleLine), 'COMMIT'].join('\n') + '\n';
}
