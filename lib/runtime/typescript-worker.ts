/**
 * A worker thread that runs a TypeScript entry both under tsx (npm start) and under Jest, whose transform
 * does not reach worker threads: the thread registers tsx's require hook itself, then loads the entry.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Starts a worker thread on `entry` (an absolute path, e.g. from require.resolve). */
export const startTypeScriptWorker = (entry: string, options: WorkerOptions = {}): Worker =>
  new Worker(
    `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register();\n` +
      `require(${JSON.stringify(entry)});`,
    { ...options, eval: true },
  );
