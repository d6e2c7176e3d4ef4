// A bug of ours inside one kind's decoder (simulated: the Service decoder throws) must cost only
// that object: the message is at the object, and the other objects of the file are still read.

import { describe, expect, it, vi } from 'vitest';
import { translateDiagnostic } from '../../i18n/i18n';
import type * as registry from './kinds/registry';
import { parseManifests } from './parse';

vi.mock('./kinds/registry', async (original) => {
  const real = await original<typeof registry>();
  return {
    decoderFor: (kind: string) => {
      const decoder = real.decoderFor(kind);
      if (kind !== 'Service' || !decoder) return decoder;
      return {
        ...decoder,
        finish: () => {
          throw new TypeError("Cannot read properties of undefined (reading 'ports')");
        },
      };
    },
  };
});

describe('an exception while decoding one object', () => {
  it('is an error at that object; the objects before and after it are read', () => {
    const text = `apiVersion: v1
kind: Namespace
metadata: {name: before}
---
apiVersion: v1
kind: Service
metadata: {name: broken}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Namespace
metadata: {name: after}
`;
    const r = parseManifests([{ name: 'f.yaml', text }]);
    expect(r.manifests.map((m) => m.object.metadata?.name)).toEqual(['before', 'after']);
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0];
    expect(`${d.file}:${d.line}:${d.col}: ${translateDiagnostic('en', d)}`).toBe(
      "f.yaml:5:1: PacketWalk could not read this object (a bug in PacketWalk, not in your text): TypeError: Cannot read properties of undefined (reading 'ports'). It is skipped; the rest of the file is read.",
    );
  });
});
