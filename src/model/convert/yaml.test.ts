// The printer writes what Kubernetes' YAML printer (JSON → go-yaml v2) writes for the same object,
// so that the output can be diffed against `ingress2gateway print`.
import { describe, expect, it } from 'vitest';
import { printYaml } from './yaml';

describe('printYaml', () => {
  it('sorts keys, keeps lists flush with their key, and separates objects with ---', () => {
    expect(printYaml([{ kind: 'A', apiVersion: 'v1', spec: { list: [{ b: 1, a: [2, 3] }], empty: [] } }, { kind: 'B' }])).toBe(
      'apiVersion: v1\nkind: A\nspec:\n  empty: []\n  list:\n  - a:\n    - 2\n    - 3\n    b: 1\n---\nkind: B\n',
    );
  });

  it('quotes a string only where YAML would read something else: "" and look-alikes in double quotes, indicators in single', () => {
    const values = {
      empty: '',
      bool: 'true',
      word: 'yes',
      number: '80',
      wildcard: '*.example.com',
      regex: '(?i)/a.*',
      path: '/orders/',
      colon: 'a: b',
    };
    expect(printYaml([values])).toBe(
      'bool: "true"\ncolon: \'a: b\'\nempty: ""\nnumber: "80"\npath: /orders/\nregex: (?i)/a.*\nwildcard: \'*.example.com\'\nword: "yes"\n',
    );
  });
});
