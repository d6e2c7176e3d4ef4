import { describe, expect, it } from 'vitest';
import { format } from './format';

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
