/** The messages between parseActivityFileInWorker and its worker thread (structured-clone safe). */
import type { ErrorCode } from '../../../../lib/errors/domain-error';
import type { ImportedActivity } from './activity';
import type { ActivityFileHint, ParseActivityFileOptions } from './parse-activity-file';

export interface ParseRequest {
  bytes: Uint8Array;
  hint?: ActivityFileHint;
  options?: ParseActivityFileOptions;
}

/** What one parse came to: the activity, the DomainError that refused the file, or an unexpected failure. */
export type ParseOutcome =
  | { ok: true; activity: ImportedActivity }
  | { ok: false; error: { code: ErrorCode; message: string; details: Record<string, unknown> } }
  | { ok: false; error: null; reason: string };

/** The answer to one request: its outcome, and the memory the worker holds once it is reached. */
export type ParseResponse = ParseOutcome & {
  /** The worker's V8 heap plus the buffers it keeps (external memory), garbage included. */
  memoryBytes: number;
};
