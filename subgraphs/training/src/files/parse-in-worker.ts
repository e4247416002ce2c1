/**
 * Parses an uploaded file in a worker thread of its own, so that a large file never blocks the event
 * loop that serves every other request of the embedded platform, and a parse that needs more memory than
 * PARSE_WORKER_HEAP_MB dies alone (answered as a file too large) and gives all its memory back.
 */
import { Worker } from 'node:worker_threads';
import { DomainError } from '../../../../lib/errors/domain-error';
import type { ImportedActivity } from './activity';
import { FileTooLargeError } from './activity-limits';
import type { ActivityFileHint, ParseActivityFileOptions } from './parse-activity-file';
import type { ParseRequest, ParseResponse } from './parse-messages';

/** Old-generation heap of one parse: enough for MAX_SAMPLES_PER_ACTIVITY samples of any format. */
export const PARSE_WORKER_HEAP_MB = 1024;

export interface ParseInWorkerOptions extends ParseActivityFileOptions {
  /** Overrides PARSE_WORKER_HEAP_MB (tests use a small heap). */
  heapMb?: number;
}

// The worker runs TypeScript sources both under tsx (npm start) and under Jest, whose transform does not
// reach worker threads: it registers tsx's require hook itself, then loads the entry.
const bootstrap = (entry: string): string =>
  `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register();\n` +
  `require(${JSON.stringify(entry)});`;

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

/** parseActivityFile in a worker thread with a capped heap; resolves with the activity or rejects with its error. */
export const parseActivityFileInWorker = (
  bytes: Buffer,
  hint?: ActivityFileHint,
  options: ParseInWorkerOptions = {},
): Promise<ImportedActivity> => {
  const { heapMb = PARSE_WORKER_HEAP_MB, ...parseOptions } = options;
  const worker = new Worker(bootstrap(require.resolve('./parse-worker')), {
    eval: true,
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
  });
  return new Promise<ImportedActivity>((resolve, reject) => {
    let settled = false;
    const settle = (run: () => void) => {
      if (settled) return;
      settled = true;
      run();
      void worker.terminate();
    };
    worker.once('message', (response: ParseResponse) =>
      settle(() => {
        try {
          resolve(toResult(response));
        } catch (error) {
          reject(error as Error);
        }
      }),
    );
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooMuchMemory(heapMb) : error)),
    );
    worker.once('exit', (code) =>
      settle(() =>
        reject(new Error(`The file parser's worker thread ended (exit code ${code}) without an answer.`)),
      ),
    );
    const request: ParseRequest = { bytes: new Uint8Array(bytes), hint, options: parseOptions };
    worker.postMessage(request);
  });
};
