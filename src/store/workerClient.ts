// The page's side of the derive worker: requests answered by id; the worker keeps the last
// model it derived, so a new packet on that model is walked there too.

import type { DeriveOptions, InputFile, Model, NodeDataplane, PacketSpec, Trace } from '../model';
import { fromPayload, type DerivedPayload } from './transfer';
import type { PacketRequest, StoreDeps } from './types';

export type WorkerRequest =
  | { id: number; kind: 'derive'; files: InputFile[]; options: DeriveOptions; packet: PacketRequest }
  | { id: number; kind: 'trace'; spec: PacketSpec };

export type WorkerResponse =
  | { id: number; payload: DerivedPayload }
  | { id: number; trace: Trace; nodes: Record<string, NodeDataplane> }
  | { id: number; error: string };

type Unsent<T> = T extends unknown ? Omit<T, 'id'> : never;

/** The worker is started by the first large text, so small scenarios never load it. */
export function workerDeriver(start: () => Worker): Required<Pick<StoreDeps, 'deriveAsync' | 'traceAsync'>> {
  let worker: Worker | null = null;
  let next = 0;
  /** The model the worker holds, as rebuilt on this side. */
  let current: Model | null = null;
  const waiting = new Map<number, { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void }>();
  const receive = (e: MessageEvent<WorkerResponse>) => {
    const w = waiting.get(e.data.id);
    if (!w) return;
    waiting.delete(e.data.id);
    if ('error' in e.data) w.reject(new Error(e.data.error));
    else w.resolve(e.data);
  };
  const ask = (request: Unsent<WorkerRequest>) =>
    new Promise<WorkerResponse>((resolve, reject) => {
      if (!worker) {
        worker = start();
        worker.onmessage = receive;
      }
      const id = ++next;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...request, id } as WorkerRequest);
    });

  return {
    deriveAsync: async (files, options, packet) => {
      const r = await ask({ kind: 'derive', files, options, packet });
      if (!('payload' in r)) throw new Error('unexpected answer from the derive worker');
      const derived = fromPayload(r.payload);
      current = derived.model;
      return derived;
    },
    traceAsync: (model, spec) => {
      if (model !== current) return undefined;
      return ask({ kind: 'trace', spec }).then((r) => {
        if (!('trace' in r)) throw new Error('unexpected answer from the derive worker');
        // The nodes the walk built there are the ones the inspector reads next.
        model.dataplane.adopt(r.nodes);
        return r.trace;
      });
    },
  };
}
