// Development only: stands in for src/model/model.ts (see vite.fixture.config.ts) so
// the interface can be built and looked at without the model. Never in the product.

import type { InputFile, Model } from '../../src/model/model';
import type { PacketSpec, Trace } from '../../src/model/trace/types';
import { fixtureModel, fixtureTrace } from '../fixtures/model';

export type { InputFile, Model };

/** One manifest per document; a line containing `: :` is a syntax error that loses its document. */
export function deriveModel(files: InputFile[]): Model {
  const text = files[0]?.text ?? '';
  const model = fixtureModel(text);
  const docs = text.split(/^---$/m);
  model.manifests = docs.filter((d) => d.trim() && !d.includes(': :')).map(() => ({}) as Model['manifests'][number]);
  let offset = 0;
  text.split('\n').forEach((line, i) => {
    const col = line.indexOf(': :');
    if (col >= 0) {
      model.diagnostics.push({
        severity: 'error',
        code: 'yaml.syntax',
        params: { problem: 'unexpected mapping' },
        file: files[0].name,
        offset: offset + col,
        line: i + 1,
        col: col + 1,
      });
    }
    offset += line.length + 1;
  });
  if (!text.trim()) model.state.nodes = [];
  return model;
}

export function traceModel(_model: Model, _spec: PacketSpec): Trace {
  return fixtureTrace();
}
