/**
 * Worker-thread entry of parseActivityFileInWorker: parses the one file it is sent and posts back the
 * activity, or the DomainError (code, message, details) that refused it, then lets the thread end.
 */
import { parentPort } from 'node:worker_threads';
import { DomainError } from '../../../../lib/errors/domain-error';
import { parseActivityFile } from './parse-activity-file';
import type { ParseRequest, ParseResponse } from './parse-messages';

const respond = (request: ParseRequest): ParseResponse => {
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

parentPort?.once('message', (request: ParseRequest) => parentPort?.postMessage(respond(request)));
