import { describe, expect, it } from 'vitest';
import { elide, fonts, textWidth } from './textWidth';

describe('textWidth', () => {
  it('grows with the text, the size and the weight; monospace is even; CJK takes a full em', () => {
    expect(textWidth('iiii', fonts.label)).toBeLessThan(textWidth('MMMM', fonts.label));
    expect(textWidth('abc', fonts.title)).toBeGreaterThan(textWidth('abc', fonts.label));
    expect(textWidth('abc', fonts.nodeName)).toBeGreaterThan(textWidth('abc', fonts.title));
    expect(textWidth('iiii', fonts.mono)).toBe(textWidth('MMMM', fonts.mono));
    expect(textWidth('路由', fonts.label)).toBe(2 * fonts.label.size);
  });
});

describe('elide', () => {
  const long = 'hostnames-7d4f8b6c9-x2k4p';

  it('leaves text that fits alone', () => {
    expect(elide('cni0', fonts.mono, 100)).toBe('cni0');
  });

  it('shortens at the end, or in the middle keeping the suffix that tells replicas apart, always within the width', () => {
    for (const max of [40, 80, 120, 160]) {
      const end = elide(long, fonts.title, max);
      const middle = elide(long, fonts.title, max, 'middle');
      expect(textWidth(end, fonts.title)).toBeLessThanOrEqual(max);
      expect(textWidth(middle, fonts.title)).toBeLessThanOrEqual(max);
      expect(end.endsWith('…')).toBe(true);
      expect(middle).toContain('…');
    }
    expect(elide(long, fonts.title, 160, 'middle')).toMatch(/^hostnames-.*….*x2k4p$/);
  });

  it('gives nothing when not even the ellipsis fits', () => {
    expect(elide(long, fonts.label, 5)).toBe('');
  });
});
