import { describe, expect, it } from 'vitest';
import { saveString, tokenize } from './tokenize';

describe('tokenize (iptables-restore word splitting)', () => {
  it('keeps a quoted comment as one word', () => {
    expect(tokenize('-A KUBE-SERVICES -m comment --comment "default/hostnames:http cluster IP" -j X').tokens).toEqual([
      '-A',
      'KUBE-SERVICES',
      '-m',
      'comment',
      '--comment',
      'default/hostnames:http cluster IP',
      '-j',
      'X',
    ]);
  });

  it('unescapes inside quotes only, and reads "" as an empty word', () => {
    expect(tokenize('a "x\\"y" b\\c ""').tokens).toEqual(['a', 'x"y', 'b\\c', '']);
  });

  it('reports a quote that is never closed', () => {
    expect(tokenize('--comment "oops').unterminated).toBe(true);
  });
});

describe('saveString (how iptables-save quotes)', () => {
  it('leaves [A-Za-z0-9_-] bare and quotes anything else', () => {
    expect(saveString('abc-1_2')).toBe('abc-1_2');
    expect(saveString('default/hostnames:')).toBe('"default/hostnames:"');
    expect(saveString('')).toBe('""');
    expect(saveString(`a'b"c\\d`)).toBe(`"a\\'b\\"c\\\\d"`);
  });
});
