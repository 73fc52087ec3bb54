// Worker thread of validateFiles (batch.ts): claims batches of files from the shared queue,
// validates them exactly as the main thread does, and posts each batch's results back.
import { parentPort, workerData } from 'node:worker_threads';
import type { BatchWorkerData, BatchWorkerResult } from './batch.js';
import { validateMessageFile } from './validate-file.js';

const { files, options, next, batch } = workerData as BatchWorkerData;
try {
  for (let start = Atomics.add(next, 0, batch); start < files.length; start = Atomics.add(next, 0, batch)) {
    const results = [];
    for (let i = start; i < Math.min(start + batch, files.length); i++) results.push(await validateMessageFile(files[i]!, options));
    parentPort!.postMessage({ start, results } satisfies BatchWorkerResult);
  }
} catch {
  // Unusable options (HarnessError) or a crash: the main thread validates the undelivered files
  // itself and reports the error there.
}
