import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MessageValidation, ValidationOptions } from './contract.js';
import { validateMessageFile } from './validate-file.js';

/** Files a thread claims at a time from the shared queue. */
const BATCH = 16;
/**
 * A worker thread pays for its own start-up (libxml2 instantiation and schema compilation, about
 * 0.1 s of CPU) before its first message: below this many files per extra thread it cannot win
 * that back.
 */
const FILES_PER_WORKER = 250;
const MAX_WORKERS = 4;
/** Most files in one job of the native addon (see validateInFlight). */
const NATIVE_JOB_FILES = 32;

/** What the main thread sends a batch worker (`batch-worker.ts`). */
export interface BatchWorkerData {
  files: readonly string[];
  options: ValidationOptions;
  /** Int32Array over a SharedArrayBuffer: index of the next unclaimed file. */
  next: Int32Array;
  batch: number;
}

/** What a batch worker posts back: the results of files [start, start + results.length). */
export interface BatchWorkerResult {
  start: number;
  results: MessageValidation[];
}

/** Counters of one {@link validateFiles} call, for tests and `--debug`-style diagnostics. */
export interface BatchStats {
  /** Files validated by worker threads (the rest: by the calling thread). */
  byWorkers: number;
}

/**
 * Worker threads for validating `fileCount` files: `HIE_CONFORM_VALIDATE_WORKERS` when set (0 =
 * none), else one per spare CPU and per {@link FILES_PER_WORKER} files, at most {@link MAX_WORKERS},
 * and none while the machine is already saturated (1-minute load average ≥ CPUs, as `make -l`):
 * there a worker only competes with the other processes for the same CPUs.
 */
export function batchWorkerCount(fileCount: number): number {
  const configured = process.env.HIE_CONFORM_VALIDATE_WORKERS?.trim();
  if (configured) {
    const n = Number(configured);
    if (Number.isInteger(n) && n >= 0) return Math.min(n, 16);
  }
  const cpus = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  if (os.loadavg()[0]! >= cpus) return 0;
  return Math.max(0, Math.min(cpus - 1, Math.floor(fileCount / FILES_PER_WORKER), MAX_WORKERS));
}

/** How {@link validateFiles} shares out the work. */
export interface BatchOptions {
  /** Worker threads; default {@link batchWorkerCount}. */
  workers?: number;
  /** Whether the calling thread validates files too (default true; false: only the workers do, unless they fail). */
  inThisThread?: boolean;
  /** Filled in with counters. */
  stats?: BatchStats;
}

/**
 * Validates message files (see {@link validateMessageFile}) and returns the results in file
 * order. With worker threads the files are shared out, a batch at a time, between this thread and
 * the workers, each with its own libxml2 instance and compiled schemas; every file is validated by
 * exactly the same code either way, so the results are identical. A file a worker did not deliver
 * (the worker could not start or died) is validated here.
 *
 * @throws HarnessError for unusable options, as {@link validateMessageFile} does.
 */
export async function validateFiles(files: readonly string[], options: ValidationOptions, batch: BatchOptions = {}): Promise<MessageValidation[]> {
  const { isXsdOnly, xsdEngine } = await import('./xsd-engine.js');
  if (isXsdOnly(options) && xsdEngine() === 'native') return validateInFlight(files, options, nativeInFlight(batch.workers));
  const workers = batch.workers ?? batchWorkerCount(files.length);
  const results: (MessageValidation | undefined)[] = new Array(files.length);
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  // Start the workers first: their start-up overlaps this thread's own libxml2 start-up.
  const count = WORKER_FILE ? Math.min(workers, Math.ceil(files.length / BATCH)) : 0;
  const { Worker } = count > 0 ? await import('node:worker_threads') : { Worker: undefined };
  const pool = Worker ? Array.from({ length: count }, () => startWorker(Worker, WORKER_FILE!, { files, options, next, batch: BATCH }, results, batch.stats)) : [];
  try {
    if (batch.inThisThread !== false || pool.length === 0) {
      for (let start = Atomics.add(next, 0, BATCH); start < files.length; start = Atomics.add(next, 0, BATCH)) {
        const end = Math.min(start + BATCH, files.length);
        for (let i = start; i < end; i++) results[i] = await validateMessageFile(files[i]!, options);
      }
    }
    await Promise.all(pool.map((worker) => worker.done));
  } finally {
    for (const worker of pool) void worker.terminate();
  }
  for (let i = 0; i < files.length; i++) results[i] ??= await validateMessageFile(files[i]!, options);
  return results as MessageValidation[];
}

/**
 * Messages in flight on the native engine: its addon reads, parses and validates on libuv's worker
 * threads (4 by default), which start with the process, so unlike worker threads there is no
 * start-up to win back: two per CPU keep the pool busy while this thread collects results.
 * `workers` (or `HIE_CONFORM_VALIDATE_WORKERS`) n gives n + 1, so 0 validates one message at a time.
 */
function nativeInFlight(workers: number | undefined): number {
  const configured = workers ?? (process.env.HIE_CONFORM_VALIDATE_WORKERS?.trim() ? batchWorkerCount(0) : undefined);
  if (configured !== undefined) return configured + 1;
  const cpus = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.min(8, 2 * cpus);
}

/**
 * Validates the files on the native engine, in jobs of a few files (`validateHl7v3XsdNativeFiles`)
 * with up to `inFlight` jobs at a time; files the addon leaves to the reading path go through
 * {@link validateMessageFile}. Results in file order.
 */
async function validateInFlight(files: readonly string[], options: ValidationOptions, inFlight: number): Promise<MessageValidation[]> {
  const { validateHl7v3XsdNativeFiles } = await import('./hl7v3-native.js');
  const results: MessageValidation[] = new Array(files.length);
  // Small enough jobs that every lane gets several, large enough that waking this thread per job is cheap.
  const jobSize = Math.max(1, Math.min(NATIVE_JOB_FILES, Math.ceil(files.length / (inFlight * 4))));
  // The first file alone first: its root's schema is compiled and registered with the addon before
  // the lanes start, so their first jobs validate at once instead of being inspected twice.
  if (files.length > 0) results[0] = (await validateHl7v3XsdNativeFiles([files[0]!], options))[0] ?? (await validateMessageFile(files[0]!, options));
  let next = 1;
  const lane = async (): Promise<void> => {
    while (next < files.length) {
      const start = next;
      next = Math.min(files.length, start + jobSize);
      const chunk = files.slice(start, next);
      const validated = await validateHl7v3XsdNativeFiles(chunk, options);
      for (let k = 0; k < chunk.length; k++) results[start + k] = validated[k] ?? (await validateMessageFile(chunk[k]!, options));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(inFlight, files.length)) }, lane));
  return results;
}

/**
 * The worker script beside this module. Only the compiled one (dist/): a worker thread does not
 * inherit the TypeScript loader of a source run (tsx), so from src/ everything runs in one thread.
 */
const WORKER_FILE = (() => {
  const here = fileURLToPath(import.meta.url);
  return path.extname(here) === '.js' ? path.join(path.dirname(here), 'batch-worker.js') : undefined;
})();

function startWorker(
  Worker: typeof import('node:worker_threads').Worker,
  file: string,
  data: BatchWorkerData,
  results: (MessageValidation | undefined)[],
  stats: BatchStats | undefined,
): { done: Promise<void>; terminate(): Promise<number> } {
  const worker = new Worker(file, { workerData: data });
  const done = new Promise<void>((resolve) => {
    worker.on('message', (message: BatchWorkerResult) => {
      message.results.forEach((result, k) => (results[message.start + k] = result));
      if (stats) stats.byWorkers += message.results.length;
    });
    // A worker that fails leaves its claimed files undelivered; validateFiles validates them itself.
    worker.on('error', () => undefined);
    worker.on('exit', () => resolve());
  });
  return { done, terminate: () => worker.terminate() };
}
