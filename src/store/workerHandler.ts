// What the derive worker does (`deriveWorker.ts` wires it to the worker's messages): parse,
// reconcile, walk the packet and lay the cluster out off the main thread, for texts large enough
// that doing it on every keystroke would freeze the editor. The page gets only the view of what
// it draws (`view.ts`), as bytes it decodes if still current. It keeps the model the page shows,
// so the learner's next packet or layers are handled here too.

import { deriveModel, migrationComparison, walkPacket, type Model, type Trace } from '../model';
import { chooseSpec, keepShown, layoutOf } from './derive';
import { encode, type ComparedBody, type DerivedBody, type LaidOutBody, type MigratedBody, type WalkedBody } from './transfer';
import { nodeView, sentView, viewOf, type NodeView } from './view';
import type { WorkerAnswer, WorkerRequest } from './workerClient';

/** The nodes whose listings the inspector may show for this walk. */
function walkedNodes(model: Model, trace: Trace | null): Record<string, NodeView> {
  const names = new Set<string>();
  for (const s of trace?.steps ?? []) {
    if (s.at.node) names.add(s.at.node);
    if (s.rule?.node) names.add(s.rule.node);
    if (s.ipvs?.node) names.add(s.ipvs.node);
    for (const v of s.rulesVisited ?? []) names.add(v.rule.node);
  }
  const out: Record<string, NodeView> = {};
  for (const name of names) {
    const view = nodeView(model, name);
    if (view) out[name] = view;
  }
  return out;
}

/** Answers each request with `post` (the body's bytes to be transferred, not copied). */
export function workerHandler(post: (answer: WorkerAnswer, transfer: Transferable[]) => void): (request: WorkerRequest) => void {
  /** The model the page shows, and the walk it draws on it. */
  let shown: Model | null = null;
  let walk: Trace | null = null;
  const answer = (id: number, body: DerivedBody | WalkedBody | LaidOutBody | ComparedBody | MigratedBody) => {
    const bytes = encode(body);
    post({ id, bytes }, [bytes]);
  };
  return (request) => {
    try {
      if (request.kind === 'derive') {
        const model = deriveModel(request.files, request.options);
        const stale = keepShown(request.previousObjects, model);
        if (stale) {
          answer(request.id, { view: sentView(model, {}), stale, spec: null, trace: null, layout: null });
          return;
        }
        shown = model;
        const spec = chooseSpec(viewOf(model), request.packet);
        walk = spec ? walkPacket(model, spec) : null;
        const layout = layoutOf(model, request.layers, walk);
        answer(request.id, { view: sentView(model, walkedNodes(model, walk)), stale, spec, trace: walk, layout });
      } else {
        if (!shown) throw new Error('no model to walk');
        if (request.kind === 'compare') {
          answer(request.id, { trace: walkPacket(deriveModel(shown.files, request.options), request.spec) });
          return;
        }
        if (request.kind === 'migrate') {
          answer(request.id, { migration: migrationComparison(shown, request.added) ?? null });
          return;
        }
        if (request.kind === 'trace') walk = walkPacket(shown, request.spec);
        const layout = layoutOf(shown, request.layers, walk);
        if (request.kind === 'layout') answer(request.id, { layout });
        else answer(request.id, { trace: walk, layout, nodes: walkedNodes(shown, walk) });
      }
    } catch (err) {
      post({ id: request.id, error: String(err) }, []);
    }
  };
}
