// Chinese text takes full-width punctuation (，：；（）？！) next to Chinese characters; ASCII stays
// where it belongs to code-ish text: addresses (10.96.0.10:53, {dst}:{dport}), URLs, placeholders
// ({pod}), `code`, "quoted ASCII", key: value pairs (clusterIP: None), ndots:5, and the syntax of a
// destination as it is typed (IP:端口, IP:PORT), IPv6 addresses. A colon in Chinese text is full-width everywhere else,
// even between Latin words ("{hook}：{chain}").

import { describe, expect, it } from 'vitest';
import { zhCN } from './zh-CN';
import { zhCNApp } from './zh-CN.app';

const cjk = /[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff00-\uffef“”]/;
const ascii = new Set([',', ';', ':', '(', ')', '?', '!']);
const codeColon =
  /\d:\d|\}:\d|:\{[sd]?port\}|:\{line\}|:\/\/|[A-Za-z]:\d|ndots:|\b[A-Z]{2,}:[A-Z]{2,}\b|[0-9a-f]*(?::[0-9a-f]*){2,}|\w: (?=[A-Za-z{])/g;

/** The ASCII marks of `text` that stand next to Chinese (a pair of parentheses counts as one). */
export function misplacedMarks(text: string): string[] {
  // Placeholders, code and quoted ASCII become a Latin letter: their punctuation is their own.
  const plain = text
    .replace(/`[^`]*`|\{\w+\}|"[\x20-\x7e]*"|(?:IP|名字):端口/g, (m) => 'x'.repeat(m.length))
    // Straight quotes around Chinese are Chinese quotes.
    .replace(/"([^"]*)"/g, '“$1”');
  const chinese = /[\u4e00-\u9fff]/.test(text);
  const codeColons = new Set([...text.matchAll(codeColon)].flatMap((m) => [...m[0]].flatMap((c, k) => (c === ':' ? [m.index + k] : []))));
  /** The index of the nearest character that is not a space, one way. */
  const near = (i: number, step: -1 | 1) => {
    let j = i + step;
    while (plain[j] === ' ') j += step;
    return j;
  };
  const pairs = new Map<number, number>();
  const open: number[] = [];
  [...plain].forEach((c, i) => {
    if (c === '(') open.push(i);
    if (c === ')' && open.length) {
      const o = open.pop()!;
      pairs.set(o, i).set(i, o);
    }
  });
  // A mark is misplaced next to Chinese, next to a misplaced mark ("),"), or paired with one.
  const flagged = new Set<number>();
  const wrong = (j: number) => cjk.test(plain[j] ?? '') || flagged.has(j);
  for (let grew = true; grew;) {
    grew = false;
    [...plain].forEach((c, i) => {
      if (!ascii.has(c) || flagged.has(i)) return;
      // In Chinese, a colon outside code, or a comma or semicolon with no space after it, is prose.
      const prose = chinese && (c === ':' ? !codeColons.has(i) : (c === ',' || c === ';') && /[^\s\d]/.test(plain[i + 1] ?? ' '));
      if (!(prose || wrong(near(i, -1)) || wrong(near(i, 1)) || (pairs.has(i) && flagged.has(pairs.get(i)!)))) return;
      flagged.add(i);
      grew = true;
    });
  }
  return [...flagged].sort((a, b) => a - b).map((i) => `${text.slice(Math.max(0, i - 6), i)}[${text[i]}]${text.slice(i + 1, i + 7)}`);
}

describe('Chinese punctuation', () => {
  it('flags ASCII marks next to Chinese and leaves code-ish text alone', () => {
    expect(misplacedMarks('Pod 里只有一条默认路由,指向 {gw}(所在节点上的 cni0)。')).toHaveLength(3);
    expect(misplacedMarks('{pod} 向 {dst}:{dport} 发起连接，经 10.96.0.10:53 和 `a:b`。')).toEqual([]);
    expect(misplacedMarks('是 headless(clusterIP: None),没有虚拟地址')).toHaveLength(3);
    expect(misplacedMarks('写成 "{name}." 或 ndots:5 都行')).toEqual([]);
    expect(misplacedMarks('{node} 的 {hook}:{chain} 把数据包 DNAT 到 {ip}:{port}')).toHaveLength(1);
    expect(misplacedMarks('是 ExternalName:CoreDNS 返回 http://x/ 与 apiVersion: {v}')).toHaveLength(1);
    expect(misplacedMarks('CoreDNS 回答 NOERROR,answer 段为空，列表 a, b 与 1,2')).toHaveLength(1);
  });

  it('flags marks next to Chinese quotes, and straight quotes around Chinese', () => {
    expect(misplacedMarks('ARP:"谁是 {ip}?请告诉 {client}"')).toHaveLength(2);
    expect(misplacedMarks('报错 "Name or service not known",不会')).toHaveLength(1);
  });

  it('uses full-width punctuation next to Chinese in every message', () => {
    const bad = Object.entries({ ...zhCN, ...zhCNApp }).flatMap(([key, text]) => misplacedMarks(text).map((m) => `${key}: ${m}`));
    expect(bad).toEqual([]);
  });
});
