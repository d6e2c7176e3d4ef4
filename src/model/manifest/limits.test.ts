// A hostile paste is refused at the place it goes over a limit, and the rest of the file is read.

import { describe, expect, it } from 'vitest';
import { parseManifests } from './parse';
import { hostile } from './testdata/hostile';
import { YAML_LIMITS } from './yamlTree';

function read(text: string) {
  const r = parseManifests([{ name: 'f.yaml', text }]);
  return {
    names: r.manifests.map((m) => m.object.metadata?.name),
    problems: r.diagnostics.map((d) => `${d.line}:${d.col} ${d.severity} ${d.code}`),
    diagnostics: r.diagnostics,
  };
}

describe('YAML limits', () => {
  it('stop a billion-laughs bomb at the anchor whose uses go over the budget, keeping the next document', () => {
    const r = read(hostile.bomb);
    expect(r.problems).toEqual(['5:4 error yaml.aliasLimit']);
    expect(r.diagnostics[0].params).toEqual({ anchor: 'e', limit: YAML_LIMITS.maxAliasNodes });
    expect(r.names).toEqual(['survivor']);
  });

  it('stop the bomb when it is reached through a List inside a List', () => {
    const r = read(hostile.nestedList);
    expect(r.problems).toEqual(['8:6 error yaml.aliasLimit']);
    expect(r.names).toEqual(['survivor']);
  });

  it('stop the bomb in a legacy Ingress before it is converted', () => {
    const r = read(hostile.legacyIngress);
    expect(r.problems).toEqual(['8:6 error yaml.aliasLimit']);
    expect(r.names).toEqual(['survivor']);
  });

  it("stop the bomb inside MetalLB's old config text, pointing into the file", () => {
    const r = read(hostile.legacyMetalLB);
    expect(r.problems).toEqual(['5:3 warning metallb.legacyConfig.unreadable', '10:8 warning yaml.aliasLimit']);
    expect(r.names).toEqual(['config', 'survivor']);
  });

  it('refuse nesting deeper than the cap, at the first collection too deep', () => {
    const r = read(hostile.deep);
    // `a:` is the first level; the bracket after maxDepth - 1 others is one too many.
    expect(r.problems).toEqual([`1:${3 + YAML_LIMITS.maxDepth} error yaml.depthLimit`]);
    expect(r.names).toEqual(['survivor']);
  });

  it('read an alias to its own anchor as empty, with a message at the alias', () => {
    const r = read(hostile.selfAlias);
    expect(r.problems).toEqual(['5:11 error yaml.recursiveAlias']);
    expect(r.names).toEqual(['a', 'survivor']);
  });

  it('read nothing of a text over the size cap, and say how long it is', () => {
    const r = read(hostile.huge);
    expect(r.problems).toEqual(['1:1 error yaml.sizeLimit']);
    expect(r.diagnostics[0].params).toEqual({ length: hostile.huge.length, limit: YAML_LIMITS.maxTextLength });
    expect(r.names).toEqual([]);
  });

  it('read the first documents of a file with too many, and say where it stopped', () => {
    const r = read(hostile.manyDocuments);
    expect(r.problems).toEqual([`${YAML_LIMITS.maxDocuments * 4 + 2}:1 error yaml.documentLimit`]);
    expect(r.names).toEqual([]);
  });
});
