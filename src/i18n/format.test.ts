import { describe, expect, it } from 'vitest';
import { ELIDED_HEAD, ELIDED_LINES, ELIDED_OVER, elide, format } from './format';

describe('format', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('does not end a sentence in two periods after an absolute DNS name', () => {
    expect(format('It asks for {qname}.', { qname: 'example.com.' })).toBe('It asks for example.com.');
    expect(format('{qname}. Then more.', { qname: 'hostnames.default.svc.cluster.local.' })).toBe(
      'hostnames.default.svc.cluster.local. Then more.',
    );
    expect(format('It asks for {qname}.', { qname: 'example.com' })).toBe('It asks for example.com.');
    expect(format('{name}.{zone}', { name: 'a.', zone: 'b' })).toBe('a.b');
  });
});

describe('plurals', () => {
  it('picks the singular for 1 and the plural otherwise', () => {
    const template = '{queries} DNS {queries|query|queries}';
    expect(format(template, { queries: 1 })).toBe('1 DNS query');
    expect(format(template, { queries: 2 })).toBe('2 DNS queries');
    expect(format(template, { queries: 0 })).toBe('0 DNS queries');
  });

  it('lets either form hold placeholders', () => {
    const template = '{count|The query|All {count} queries} failed.';
    expect(format(template, { count: 1 })).toBe('The query failed.');
    expect(format(template, { count: 3 })).toBe('All 3 queries failed.');
  });
});

describe('long values', () => {
  const zh = '{head}…（共 {length} 个字符）';

  it('a 5 MB value is shown as its first 60 characters and its length, in either language', () => {
    const value = 'x'.repeat(5 * 1024 * 1024);
    expect(format('{path}: Unsupported value: "{value}"', { path: '.spec.type', value })).toBe(
      `.spec.type: Unsupported value: "${'x'.repeat(60)}… (5,242,880 characters)"`,
    );
    expect(format('{path}：不支持的值 "{value}"', { path: '.spec.type', value }, zh)).toBe(
      `.spec.type：不支持的值 "${'x'.repeat(60)}…（共 5,242,880 个字符）"`,
    );
  });

  it('a short value is shown whole, and a YAML block keeps its lines but not a long one', () => {
    expect(elide('x'.repeat(ELIDED_OVER))).toBe('x'.repeat(ELIDED_OVER));
    const ips = Array.from({ length: 60 }, (_, i) => `10.244.${i >> 4}.${i + 2}`).join(', '); // a headless Service's DNS answer
    expect(format('resolves to {addresses}.', { addresses: ips })).toBe(`resolves to ${ips}.`);
    const block = `kind: Ingress\nmetadata:\n  name: ${'n'.repeat(100_000)}\nspec: {}`;
    expect(elide(block)).toBe(`kind: Ingress\nmetadata:\n  name: ${'n'.repeat(52)}… (100,008 characters)\nspec: {}`);
  });

  it('a block of too many lines is cut after the first ones, saying how long it was', () => {
    const block = Array.from({ length: 1000 }, (_, i) => `- line ${i}`).join('\n');
    const shown = elide(block).split('\n');
    expect(shown).toHaveLength(ELIDED_LINES + 1);
    expect(shown[ELIDED_LINES - 1]).toBe(`- line ${ELIDED_LINES - 1}`);
    expect(shown[ELIDED_LINES]).toBe(`… (${block.length.toLocaleString('en-US')} characters)`);
  });

  it('never cuts a character outside the Basic Multilingual Plane in two', () => {
    const shown = elide(`${'a'.repeat(ELIDED_HEAD - 1)}😀${'b'.repeat(ELIDED_OVER)}`);
    expect(shown.startsWith(`${'a'.repeat(ELIDED_HEAD - 1)}…`)).toBe(true);
  });
});
