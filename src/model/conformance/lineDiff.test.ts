import { describe, expect, it } from 'vitest';
import { lineDiff } from './lineDiff';

const lines = (n: number, change?: [number, string]) =>
  Array.from({ length: n }, (_, i) => (change && change[0] === i ? change[1] : `-A KUBE-SERVICES rule ${i}`)).join('\n');

describe('lineDiff', () => {
  it('is empty when the kernel printed exactly our text', () => {
    expect(lineDiff(lines(50), lines(50))).toBe('');
  });

  it('shows only the changed line, with two lines of context and where it is', () => {
    const ours = lines(50, [20, '-A X --nfacct-name n']);
    const kernel = lines(50, [20, '-A X --nfacct-name  n']);
    expect(lineDiff(ours, kernel, { expected: 'PacketWalk', actual: 'iptables-save' })).toBe(
      [
        '--- PacketWalk',
        '+++ iptables-save',
        '@@ line 19 of PacketWalk, line 19 of iptables-save @@',
        ' -A KUBE-SERVICES rule 18',
        ' -A KUBE-SERVICES rule 19',
        '--A X --nfacct-name n',
        '+-A X --nfacct-name  n',
        ' -A KUBE-SERVICES rule 21',
        ' -A KUBE-SERVICES rule 22',
      ].join('\n'),
    );
  });

  it('reports a missing line and an extra line in separate hunks when they are far apart', () => {
    const ours = lines(40);
    const kernel = lines(40)
      .split('\n')
      .filter((l) => l !== '-A KUBE-SERVICES rule 5')
      .concat('COMMIT')
      .join('\n');
    const diff = lineDiff(ours, kernel);
    expect(diff.split('\n').filter((l) => l.startsWith('@@'))).toHaveLength(2);
    expect(diff).toContain('\n--A KUBE-SERVICES rule 5\n');
    expect(diff.endsWith('\n+COMMIT')).toBe(true);
  });
});
