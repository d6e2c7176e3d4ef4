// The page's side of the derive worker. One request at a time, latest wins: a new derive
// supersedes every request queued or running (a new walk supersedes walks and layouts, new
// layers other layouts); a superseded request is never sent, and a superseded answer is
// dropped by its header, its body never decoded. A request that runs over the time budget is
// stopped by terminating the worker (a new one starts for the next request), and one that
// fails there fails here: nothing is ever computed again on the page in its place.

import type { DeriveOptions, HttpRequest, InputFile, PacketSpec } from '../model';
import { decode, type ComparedBody, type DerivedBody, type LaidOutBody, type MigratedBody, type WalkedBody } from './transfer';
import type { Derived, LayerId, PacketRequest, StoreDeps, Walked } from './types';
import { receivedView, type ModelView } from './view';

export type WorkerRequest =
  | {
      id: number;
      kind: 'derive';
      files: InputFile[];
      options: DeriveOptions;
      packet: PacketRequest;
      layers: Record<LayerId, boolean>;
      previousObjects: number | null;
    }
  | { id: number; kind: 'trace'; spec: PacketSpec; layers: Record<LayerId, boolean> }
  | { id: number; kind: 'layout'; layers: Record<LayerId, boolean> }
  | { id: number; kind: 'compare'; options: DeriveOptions; spec: PacketSpec }
  | { id: number; kind: 'migrate'; added: readonly HttpRequest[] };

export type WorkerAnswer = { id: number; bytes: ArrayBuffer } | { id: number; error: string };

type Unsent<T> = T extends unknown ? Omit<T, 'id'> : never;

type Kind = WorkerRequest['kind'];

/**
 * Which requests a new one makes pointless: a derive all of them, a walk what followed the old walk.
 * A comparison supersedes none: the externalTrafficPolicy and the proxy modes' comparisons ask
 * side by side, and each checks on its answer that it is still of the walk shown. A migration's
 * comparison supersedes the one before (the learner added a request).
 */
const supersedes: Record<Kind, readonly Kind[]> = {
  derive: ['derive', 'trace', 'layout', 'compare', 'migrate'],
  trace: ['trace', 'layout', 'compare'],
  layout: ['layout'],
  compare: [],
  migrate: ['migrate'],
};

interface Job {
  id: number;
  request: Unsent<WorkerRequest>;
  superseded: boolean;
  resolve: (bytes: ArrayBuffer | undefined) => void;
  reject: (e: Error) => void;
}

/**
 * How long one request may run in the worker. A legit 10,000-Service cluster derives in about
 * 5 s in Chromium on a laptop; twice that leaves room for a slower machine.
 */
export const defaultBudgetMs = 10_000;

/**
 * The budget the page's address asks for (`?budget=SECONDS`, 1 to 600: a larger cluster on a slower
 * machine), else the default.
 */
export function budgetFrom(search: string): number {
  const seconds = Number(new URLSearchParams(search).get('budget'));
  return seconds >= 1 && seconds <= 600 ? seconds * 1000 : defaultBudgetMs;
}

/** A request the worker did not answer: it ran over the budget, or failed (an exception, out of memory, the worker died). */
export class WorkerStopped extends Error {
  constructor(
    readonly why: 'timeout' | 'failed',
    detail: string,
  ) {
    super(`${why}: ${detail}`);
  }
}

/** The worker is started by the first large text, so small scenarios never load it. */
export function workerDeriver(
  start: () => Worker,
  budgetMs = defaultBudgetMs,
): Required<Pick<StoreDeps, 'deriveAsync' | 'traceAsync' | 'layoutAsync' | 'compareAsync' | 'migrateAsync'>> {
  let worker: Worker | null = null;
  let next = 0;
  let running: Job | null = null;
  let queued: Job[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The view of the model the worker shows, as the page got it. */
  let current: ReturnType<typeof receivedView> | null = null;

  /** The running request ends without an answer; the worker (and the model it held) is thrown away. */
  const stop = (why: WorkerStopped['why'], detail: string) => {
    const job = running;
    if (!job) return;
    worker?.terminate();
    worker = null;
    current = null;
    running = null;
    clearTimeout(timer);
    if (job.superseded) job.resolve(undefined);
    else job.reject(new WorkerStopped(why, detail));
    pump();
  };
  const pump = () => {
    if (running || !queued.length) return;
    running = queued.shift()!;
    try {
      if (!worker) {
        worker = start();
        worker.onmessage = receive;
        worker.onerror = (e) => stop('failed', e.message || 'the worker stopped');
        worker.onmessageerror = () => stop('failed', 'an answer could not be read');
      }
      timer = setTimeout(() => stop('timeout', `over ${budgetMs} ms`), budgetMs);
      // Can throw (DataCloneError when the text cannot be copied, out of memory).
      worker.postMessage({ ...running.request, id: running.id } as WorkerRequest);
    } catch (err) {
      stop('failed', String(err));
    }
  };
  const receive = (e: MessageEvent<WorkerAnswer>) => {
    const job = running;
    if (!job || e.data.id !== job.id) return;
    // Whatever made it fail may have left the worker in a bad state: the next request gets a new one.
    if ('error' in e.data) return stop('failed', e.data.error);
    clearTimeout(timer);
    running = null;
    pump();
    if (job.superseded) job.resolve(undefined);
    else job.resolve(e.data.bytes);
  };
  const ask = (request: Unsent<WorkerRequest>) =>
    new Promise<ArrayBuffer | undefined>((resolve, reject) => {
      const pointless = (job: Job) => supersedes[request.kind].includes(job.request.kind);
      for (const job of queued) if (pointless(job)) job.resolve(undefined);
      queued = queued.filter((job) => !pointless(job));
      if (running && pointless(running)) running.superseded = true;
      queued.push({ id: ++next, request, superseded: false, resolve, reject });
      pump();
    });

  return {
    deriveAsync: async ({ files, options, packet, layers, previousObjects }) => {
      const bytes = await ask({ kind: 'derive', files, options, packet, layers, previousObjects });
      if (!bytes) return undefined;
      // Decoded only if the page still wants it when it arrives.
      return (): Derived => {
        const body = decode<DerivedBody>(bytes);
        const view = receivedView(body.view, files);
        if (!body.stale) current = view;
        return { ...body, view };
      };
    },
    traceAsync: (shown: ModelView, spec, layers) => {
      if (shown !== current) return undefined;
      const view = current;
      return ask({ kind: 'trace', spec, layers }).then((bytes): Walked | undefined => {
        if (!bytes) return undefined;
        const { trace, layout, nodes } = decode<WalkedBody>(bytes);
        // The inspector reads the listings of the nodes this walk crossed.
        view.addNodes(nodes);
        return { trace, layout };
      });
    },
    layoutAsync: (shown: ModelView, layers) => {
      if (shown !== current) return undefined;
      return ask({ kind: 'layout', layers }).then((bytes) => (bytes ? decode<LaidOutBody>(bytes).layout : undefined));
    },
    compareAsync: (shown: ModelView, options, spec) => {
      if (shown !== current) return undefined;
      return ask({ kind: 'compare', options, spec }).then((bytes) => (bytes ? decode<ComparedBody>(bytes).trace : undefined));
    },
    migrateAsync: (shown: ModelView, added) => {
      if (shown !== current) return undefined;
      return ask({ kind: 'migrate', added }).then((bytes) => (bytes ? decode<MigratedBody>(bytes).migration : undefined));
    },
  };
}
