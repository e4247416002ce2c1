/**
 * The main thread's side of the PGlite thread (worker.ts): one thread per process, started by the first
 * embedded database opened and ended when the last one closes. A request that is waiting keeps the process
 * alive; an idle thread does not. If the thread dies, every waiting request fails with the reason and the
 * next open starts a new one.
 */
import type { Worker } from 'node:worker_threads';
import { startTypeScriptWorker } from '../../runtime/typescript-worker';
import type { ClonedError, PGliteRequest, PGliteResponse, PGliteResults } from './messages';

type Op = PGliteRequest['op'];
type RequestOf<K extends Op> = Extract<PGliteRequest, { op: K }>;

interface Waiting {
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

/** Rebuilds an error of the thread; Prisma recognises its DriverAdapterError by name and cause. */
function rebuild(cloned: ClonedError): Error {
  const error = new Error(cloned.message);
  error.name = cloned.name;
  if (cloned.cause !== undefined) Object.assign(error, { cause: cloned.cause });
  return error;
}

class PGliteThread {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private lastId = 0;
  private openHandles = 0;

  async open(request: RequestOf<'open'>): Promise<number> {
    this.openHandles += 1;
    try {
      return await this.request(request);
    } catch (error) {
      await this.released();
      throw error;
    }
  }

  async close(handle: number): Promise<void> {
    try {
      await this.request({ op: 'close', handle });
    } finally {
      await this.released();
    }
  }

  request<K extends Op>(request: RequestOf<K>): Promise<PGliteResults[K]> {
    const worker = this.started();
    this.lastId += 1;
    const id = this.lastId;
    if (this.waiting.size === 0) worker.ref();
    return new Promise<PGliteResults[K]>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (result: unknown) => void, reject });
      worker.postMessage({ id, request });
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = startTypeScriptWorker(require.resolve('./worker'));
    worker.unref();
    worker.on('message', (response: PGliteResponse) => this.answer(response));
    worker.on('error', (error) => this.stopped(worker, error));
    worker.on('exit', (code) => this.stopped(worker, new Error(`exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private answer(response: PGliteResponse): void {
    const waiting = this.waiting.get(response.id);
    if (!waiting) return;
    this.waiting.delete(response.id);
    if (this.waiting.size === 0) this.worker?.unref();
    if (response.ok) waiting.resolve(response.result);
    else waiting.reject(rebuild(response.error));
  }

  private stopped(worker: Worker, reason: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    const failure = new Error(`The embedded database thread stopped: ${reason.message}`);
    for (const waiting of this.waiting.values()) waiting.reject(failure);
    this.waiting.clear();
  }

  /** One handle fewer; the thread ends with the last one. */
  private async released(): Promise<void> {
    this.openHandles -= 1;
    if (this.openHandles > 0 || !this.worker) return;
    const worker = this.worker;
    this.worker = null;
    await worker.terminate();
  }
}

/** The process's PGlite thread. */
export const pgliteThread = new PGliteThread();
