/// <reference lib="webworker" />
// The derive worker: parse, reconcile and walk the packet off the main thread, for texts
// large enough that doing it on every keystroke would freeze the editor. It keeps the last
// model, so the learner's next packet on it is walked here too.

import { deriveModel, walkPacket, type Model } from '../model';
import { chooseSpec } from './derive';
import { toPayload } from './transfer';
import type { WorkerRequest, WorkerResponse } from './workerClient';

let last: Model | null = null;

const answer = (r: WorkerResponse) => self.postMessage(r);

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const request = e.data;
  try {
    if (request.kind === 'derive') {
      const model = deriveModel(request.files, request.options);
      last = model;
      const spec = chooseSpec(model, request.packet);
      answer({ id: request.id, payload: toPayload(model, spec ? walkPacket(model, spec) : null) });
    } else {
      if (!last) throw new Error('no model to walk');
      const trace = walkPacket(last, request.spec);
      answer({ id: request.id, trace, nodes: last.dataplane.built() });
    }
  } catch (err) {
    answer({ id: request.id, error: String(err) });
  }
};
