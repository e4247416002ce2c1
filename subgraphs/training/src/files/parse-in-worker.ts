/**
 * Parses an uploaded file in a worker thread, so that a large file never blocks the event loop that serves
 * every other request of the embedded platform, and a parse that needs more memory than
 * PARSE_WORKER_HEAP_MB dies alone (answered as a file too large) and gives all its memory back.
 *
 * Workers are reused: a fresh one (tsx loading the parsers in the thread, then their first run) spends
 * about 0.9 s of CPU on an 88 KB GPX, a warm one 0.1 to 0.2 s. Each heap size has its own pool:
 * - a parse takes an idle worker, else starts one: parses never wait for each other (how many run at once
 *   is bounded by MAX_UPLOADS_READ_AT_ONCE per athlete and the gateway's rate limit on /imports);
 * - after a normal answer (the activity, or the DomainError that refused the file) the worker goes back to
 *   the pool, unless MAX_IDLE_PER_HEAP are idle already;
 * - a worker that errored, ran out of heap, exited or failed unexpectedly is never reused;
 * - idle workers are unref'd (they never keep a finished process alive) and ended after IDLE_TIMEOUT_MS,
 *   which gives their memory back;
 * - a worker that holds more than RECYCLE_ABOVE_MB (V8 heap and buffers) after a parse is ended instead of
 *   kept. An idle thread allocates nothing, so it never collects: after a 14 MB GPX it holds 350 MB until
 *   it is ended, after a 50 MB one about 900 MB, which a 2-core laptop cannot spare for the idle timeout.
 *   A 2-hour GPX at 1 Hz with heart rate (1.4 MB) leaves it at 80 MB, a 4-hour one (2.9 MB) at 100 MB:
 *   those keep their worker; an 8-hour one (5.8 MB, 150 MB) does not. The worker reports what it holds
 *   with each answer; the upload's size would not do, as a small gzip inflates to 100 MB.
 */
import type { Worker } from 'node:worker_threads';
import { startTypeScriptWorker } from '../../../../lib/runtime/typescript-worker';
import { DomainError } from '../../../../lib/errors/domain-error';
import type { ImportedActivity } from './activity';
import { FileTooLargeError } from './activity-limits';
import type { ActivityFileHint, ParseActivityFileOptions } from './parse-activity-file';
import type { ParseRequest, ParseResponse } from './parse-messages';

/** Old-generation heap of one parse: enough for MAX_SAMPLES_PER_ACTIVITY samples of any format. */
export const PARSE_WORKER_HEAP_MB = 1024;
/** Idle workers kept per heap size; more run while more parses are in flight. */
export const MAX_IDLE_PER_HEAP = 2;
/** An idle worker is ended after this long. */
export const IDLE_TIMEOUT_MS = 30_000;
/** A worker that holds more memory than this after a parse is ended rather than kept. */
export const RECYCLE_ABOVE_MB = 128;

const MB = 1024 * 1024;

export interface ParseInWorkerOptions extends ParseActivityFileOptions {
  /** Overrides PARSE_WORKER_HEAP_MB (tests use a small heap). */
  heapMb?: number;
}

export interface ParseWorkerPoolOptions {
  /** Starts one worker (tests count them); startParseWorker by default. */
  startWorker?: (heapMb: number) => Worker;
  maxIdlePerHeap?: number;
  idleTimeoutMs?: number;
  recycleAboveMb?: number;
}

/** Starts a parse worker thread (parse-worker.ts) with an old-generation heap of heapMb. */
export const startParseWorker = (heapMb: number): Worker =>
  startTypeScriptWorker(require.resolve('./parse-worker'), {
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
  });

const tooMuchMemory = (heapMb: number): FileTooLargeError =>
  new FileTooLargeError(
    `The file needs more than ${heapMb} MB of memory to read (PARSE_WORKER_HEAP_MB): ` +
      'split the activity into several files.',
    'PARSE_WORKER_HEAP_MB',
  );

const toResult = (response: ParseResponse): ImportedActivity => {
  if (response.ok) return response.activity;
  if (response.error === null) throw new Error(`The file parser failed: ${response.reason}`);
  const { code, message, details } = response.error;
  if (typeof details.limit === 'string') throw new FileTooLargeError(message, details.limit);
  throw new DomainError(code, message, details);
};

/** Parse worker threads kept warm between uploads, per heap size, under the rules of this file's header. */
export const createParseWorkerPool = ({
  startWorker = startParseWorker,
  maxIdlePerHeap = MAX_IDLE_PER_HEAP,
  idleTimeoutMs = IDLE_TIMEOUT_MS,
  recycleAboveMb = RECYCLE_ABOVE_MB,
}: ParseWorkerPoolOptions = {}) => {
  const idle = new Map<number, { worker: Worker; timer: NodeJS.Timeout }[]>();

  /** Takes the worker out of the idle list; false when it was not there. */
  const forget = (heapMb: number, worker: Worker): boolean => {
    const list = idle.get(heapMb) ?? [];
    const index = list.findIndex((entry) => entry.worker === worker);
    if (index < 0) return false;
    clearTimeout(list[index]!.timer);
    list.splice(index, 1);
    return true;
  };

  const take = (heapMb: number): Worker => {
    const kept = idle.get(heapMb)?.pop();
    if (kept) {
      clearTimeout(kept.timer);
      // While it parses, the worker keeps the process alive, like any I/O in flight.
      kept.worker.ref();
      return kept.worker;
    }
    const worker = startWorker(heapMb);
    // A worker that dies leaves the pool (the parse in flight, if any, answers the error itself).
    worker.on('error', () => forget(heapMb, worker));
    worker.on('exit', () => forget(heapMb, worker));
    return worker;
  };

  const putBack = (heapMb: number, worker: Worker): void => {
    const list = idle.get(heapMb) ?? [];
    if (list.length >= maxIdlePerHeap) {
      void worker.terminate();
      return;
    }
    worker.unref();
    const timer = setTimeout(() => {
      if (forget(heapMb, worker)) void worker.terminate();
    }, idleTimeoutMs);
    timer.unref();
    list.push({ worker, timer });
    idle.set(heapMb, list);
  };

  /** parseActivityFile in a worker thread with a capped heap; resolves with the activity or rejects with its error. */
  const parse = (
    bytes: Buffer,
    hint?: ActivityFileHint,
    options: ParseInWorkerOptions = {},
  ): Promise<ImportedActivity> => {
    const { heapMb = PARSE_WORKER_HEAP_MB, ...parseOptions } = options;
    const worker = take(heapMb);
    return new Promise<ImportedActivity>((resolve, reject) => {
      const onMessage = (response: ParseResponse) => {
        stopListening();
        const normal = response.ok || response.error !== null;
        if (normal && response.memoryBytes <= recycleAboveMb * MB) putBack(heapMb, worker);
        else void worker.terminate();
        try {
          resolve(toResult(response));
        } catch (error) {
          reject(error as Error);
        }
      };
      const onError = (error: Error & { code?: string }) => {
        stopListening();
        void worker.terminate();
        reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooMuchMemory(heapMb) : error);
      };
      const onExit = (code: number) => {
        stopListening();
        reject(new Error(`The file parser's worker thread ended (exit code ${code}) without an answer.`));
      };
      const stopListening = () => {
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      };
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      const request: ParseRequest = { bytes: new Uint8Array(bytes), hint, options: parseOptions };
      worker.postMessage(request);
    });
  };

  /** Ends every idle worker now; workers parsing go on and come back to the pool afterwards. */
  const closeIdle = async (): Promise<void> => {
    const entries = [...idle.values()].flat();
    idle.clear();
    for (const { timer } of entries) clearTimeout(timer);
    await Promise.all(entries.map(({ worker }) => worker.terminate()));
  };

  return { parse, closeIdle };
};

export type ParseWorkerPool = ReturnType<typeof createParseWorkerPool>;

const pool = createParseWorkerPool();

/** parseActivityFile in a worker thread with a capped heap; resolves with the activity or rejects with its error. */
export const parseActivityFileInWorker = (
  bytes: Buffer,
  hint?: ActivityFileHint,
  options: ParseInWorkerOptions = {},
): Promise<ImportedActivity> => pool.parse(bytes, hint, options);

/** Ends the idle parse workers now (tests); not needed to exit, as idle workers never hold a process. */
export const closeIdleParseWorkers = (): Promise<void> => pool.closeIdle();
