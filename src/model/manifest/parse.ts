// Text -> Manifest[] + Diagnostic[]. Reads multi-document YAML, JSON, and the `List`
// that `kubectl get -o yaml` prints; decodes each object like the API server would
// with strict field validation, applies its defaults, and never throws.

import type { Diagnostic, DiagnosticCode, DiagnosticParams, Severity } from '../diagnostics';
import { INVALID, Reporter, decode } from './decode';
import { decoderFor } from './kinds/registry';
import { displayPath, type FinishContext, type KindDecoder } from './kinds/kindDecoder';
import { embeddedReports } from './embedded';
import { flattenedLine } from './flattened';
import { LineIndex } from './lineIndex';
import { replaceDocument, type DocumentPlace } from './replacement';
import { nodeAt, offsetAt, sourceRef } from './sourceRef';
import type { KubeObject, Manifest } from './types';
import { parseYamlDocuments, type YMap, type YNode } from './yamlTree';

export interface InputFile {
  name: string;
  text: string;
}

export interface ParseResult {
  manifests: Manifest[];
  diagnostics: Diagnostic[];
}

/** Where each object read so far is in `manifests`, by kind/namespace/name. */
type Identities = Map<string, number>;

export function parseManifests(files: InputFile[]): ParseResult {
  const result: ParseResult = { manifests: [], diagnostics: [] };
  const identities: Identities = new Map();
  for (const file of files) {
    try {
      parseFile(file, result, identities);
    } catch (e) {
      // A bug of ours must not cost the learner the other files.
      result.diagnostics.push({
        severity: 'error',
        code: 'internal',
        params: { reason: String(e) },
        file: file.name,
        offset: 0,
        line: 1,
        col: 1,
      });
    }
  }
  return result;
}

function parseFile(file: InputFile, result: ParseResult, identities: Identities): void {
  const lines = new LineIndex(file.name, file.text);
  const diagnostics: Diagnostic[] = [];
  const r = new Reporter(lines, diagnostics);
  const { docs, problems } = parseYamlDocuments(file.text);
  for (const p of problems) {
    const d = r.report(p.code === 'yaml.complexKey' ? 'warning' : 'error', p.code, p.params, p.start, p.end);
    if (p.insert) d.fix = { file: file.name, from: p.insert.at, to: p.insert.at, insert: p.insert.text };
  }
  if (docs.length === 0 && problems.length === 0) r.report('info', 'input.empty', {}, 0);
  const flat = flattenedLine(file.text);
  if (flat) r.report('warning', 'yaml.lineBreaksLost', { key: flat.key }, flat.start, flat.end);
  for (const doc of docs) {
    try {
      decodeDocument(doc, 'top', r, lines, result, identities);
    } catch (e) {
      // A bug of ours costs only the object it met, never the rest of the file.
      r.report('error', 'internal.object', { reason: String(e) }, doc.start);
    }
  }
  // In file order, as an editor lists them (the sort is stable for one position).
  result.diagnostics.push(...diagnostics.sort((a, b) => a.offset - b.offset));
}

function scalarField(map: YMap, key: string, r: Reporter): string | undefined {
  const pair = map.pairs.find((p) => p.key === key);
  if (!pair || (pair.value.kind === 'scalar' && (pair.value.value === null || pair.value.value === ''))) return undefined;
  if (pair.value.kind !== 'scalar' || typeof pair.value.value !== 'string') {
    r.report(
      'error',
      'field.type',
      { path: `.${key}`, expected: 'string', actual: pair.value.kind === 'scalar' ? typeof pair.value.value : pair.value.kind },
      pair.value.start,
      pair.value.end,
    );
    return '';
  }
  return pair.value.value;
}

/** Gives `d` the fix that writes `objects` in place of the document `node`, when one can be written there. */
function offerReplacement(d: Diagnostic, lines: LineIndex, node: YMap, place: DocumentPlace, objects: object[] | undefined): void {
  const fix = objects && replaceDocument(lines.file, lines.text, node, place, objects);
  if (fix) d.fix = fix;
}

function decodeDocument(
  node: YNode,
  place: DocumentPlace,
  r: Reporter,
  lines: LineIndex,
  result: ParseResult,
  identities: Identities,
): void {
  if (node.kind !== 'map') {
    r.report('error', 'object.notMapping', { actual: node.kind === 'seq' ? 'array' : typeof node.value }, node.start, node.end);
    return;
  }
  const apiVersion = scalarField(node, 'apiVersion', r);
  const kind = scalarField(node, 'kind', r);
  if (apiVersion === '' || kind === '') return; // wrong type, reported
  if (kind === undefined || apiVersion === undefined) {
    if (kind === undefined) r.report('error', 'object.noKind', {}, node.start);
    if (apiVersion === undefined) r.report('error', 'object.noApiVersion', {}, node.start);
    return;
  }
  const items = node.pairs.find((p) => p.key === 'items');
  // kubectl unpacks `List` and any `<Kind>List` (meta.IsListType), recursively.
  if (kind.endsWith('List') && items) {
    if (items.value.kind === 'seq') for (const item of items.value.items) decodeDocument(item, 'item', r, lines, result, identities);
    else if (!(items.value.kind === 'scalar' && items.value.value === null))
      r.report(
        'error',
        'field.type',
        { path: '.items', expected: 'array', actual: items.value.kind === 'map' ? 'object' : typeof items.value.value },
        items.value.start,
        items.value.end,
      );
    return;
  }
  const decoder = decoderFor(kind, apiVersion);
  const kindAt = offsetAt(node, 'kind');
  if (!decoder) {
    r.report('info', 'kind.unknown', { kind, apiVersion }, kindAt);
    return;
  }
  if (decoder.apiVersion !== apiVersion) {
    if (decoder.legacy?.apiVersions.includes(apiVersion)) {
      // Read with the old fields, so a wrong type is a message at its field, then shown in the current form.
      const old = decode(node, { type: 'object', fields: decoder.legacy.fields }, '', node.start, r);
      const migration = decoder.legacy.migrate(old === INVALID || old === undefined ? {} : (old as Record<string, unknown>));
      const d = r.report('error', migration.code, { ...migration.params, apiVersion }, offsetAt(node, 'apiVersion'));
      offerReplacement(d, lines, node, place, migration.replacement);
    } else r.report('error', 'kind.version', { kind, apiVersion, expected: decoder.apiVersion }, offsetAt(node, 'apiVersion'));
    return;
  }
  const object = decodeObject(node, place, decoder, r);
  if (!object) return;

  const meta = object.metadata as { name?: string; namespace?: string } | undefined;
  const name = meta?.name ?? '';
  if (decoder.namespaced && meta) meta.namespace ??= 'default';
  else if (meta) delete meta.namespace; // cluster-scoped: the API server ignores it
  const identity = `${kind}/${meta?.namespace ?? ''}/${name}`;
  const manifest = { object, source: sourceRef(node, lines) };
  const earlier = identities.get(identity);
  if (earlier === undefined) {
    identities.set(identity, result.manifests.length);
    result.manifests.push(manifest);
    return;
  }
  // `kubectl apply -f` applies both in order, so the later definition is what the cluster ends up with.
  const first = result.manifests[earlier].source.pos;
  r.report('warning', 'object.duplicate', { kind, name, file: first.file, line: first.line }, offsetAt(node, 'metadata.name'));
  result.manifests[earlier] = manifest;
}

function decodeObject(node: YMap, place: DocumentPlace, decoder: KindDecoder, r: Reporter): KubeObject | undefined {
  const value = decode(node, { type: 'object', fields: decoder.fields }, '', node.start, r);
  if (value === INVALID || value === undefined) return undefined;
  const c: FinishContext = {
    report(severity: Severity, code: DiagnosticCode, params: DiagnosticParams, path: string, replacement?: object[]) {
      const d = r.report(severity, code, { path: displayPath(path), ...params }, offsetAt(node, path));
      offerReplacement(d, r.lines, node, place, replacement);
    },
    written(path: string) {
      const n = nodeAt(node, path);
      return n !== undefined && !(n.kind === 'scalar' && n.value === null) && !(n.kind === 'seq' && n.items.length === 0);
    },
    inside(path: string) {
      const n = nodeAt(node, path);
      if (n?.kind === 'scalar' && typeof n.value === 'string') return embeddedReports(r, r.lines.text, n, n.value);
      const at = offsetAt(node, path); // not a string: everything points at the field
      return { report: (severity, code, params) => r.report(severity, code, params, at) };
    },
  };
  return decoder.finish(value as KubeObject, c);
}
