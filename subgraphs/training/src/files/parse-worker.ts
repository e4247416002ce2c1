/**
 * Worker-thread entry of parseActivityFileInWorker: parses each file it is sent, one message at a time and
 * each on its own, and posts back the activity or the DomainError (code, message, details) that refused
 * it, with the memory it holds. The thread lives until the pool in parse-in-worker.ts ends it.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { DomainError } from '../../../../lib/errors/domain-error';
import { parseActivityFile } from './parse-activity-file';
import type { ParseOutcome, ParseRequest, ParseResponse } from './parse-messages';

const outcomeOf = (request: ParseRequest): ParseOutcome => {
  try {
    const activity = parseActivityFile(Buffer.from(request.bytes), request.hint, request.options);
    return { ok: true, activity };
  } catch (error) {
    if (error instanceof DomainError) {
      return { ok: false, error: { code: error.code, message: error.message, details: error.details } };
    }
    return { ok: false, error: null, reason: error instanceof Error ? error.message : String(error) };
  }
};

parentPort?.on('message', (request: ParseRequest) => {
  const outcome = outcomeOf(request);
  // Measured before the parse's garbage is collected: an idle thread holds all of it until it is ended.
  const { total_heap_size, external_memory } = getHeapStatistics();
  const response: ParseResponse = { ...outcome, memoryBytes: total_heap_size + external_memory };
  parentPort?.postMessage(response);
});
