/// <reference lib="webworker" />
// The derive worker's entry: its messages go to the handler (`workerHandler.ts`).

import { workerHandler } from './workerHandler';
import type { WorkerRequest } from './workerClient';

const handle = workerHandler((answer, transfer) => self.postMessage(answer, transfer));
self.onmessage = (e: MessageEvent<WorkerRequest>) => handle(e.data);
