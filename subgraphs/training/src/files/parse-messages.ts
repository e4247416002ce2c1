/** The messages between parseActivityFileInWorker and its worker thread (structured-clone safe). */
import type { ErrorCode } from '../../../../lib/errors/domain-error';
import type { ImportedActivity } from './activity';
import type { ActivityFileHint, ParseActivityFileOptions } from './parse-activity-file';

export interface ParseRequest {
  bytes: Uint8Array;
  hint?: ActivityFileHint;
  options?: ParseActivityFileOptions;
}

export type ParseResponse =
  | { ok: true; activity: ImportedActivity }
  | { ok: false; error: { code: ErrorCode; message: string; details: Record<string, unknown> } }
  | { ok: false; error: null; reason: string };
