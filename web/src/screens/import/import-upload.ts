/**
 * Importing a file, as a state machine the import screen follows: upload the bytes to `POST /imports` with
 * XMLHttpRequest (for upload progress), then poll the import job until Pulse has read the file. The outcome
 * is the imported workout, the workout the same activity was imported as before (409 CONFLICT), or a sentence
 * saying what went wrong. Requests and waiting come in as dependencies, so that tests can fake them.
 */
import type { ImportStatus, Sport, SportSource } from '../../__generated__/enums';
import { describeError } from '../../api/errors';

/** The server's limit on an upload's body (subgraphs/training/src/training.http-routes.ts). */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
export const POLL_INTERVAL_MS = 1_000;
/** How long the screen polls before saying the import is taking a while (it goes on on the server). */
export const MAX_POLLS = 180;

export interface ImportJobLike {
  id: string;
  status: ImportStatus;
  workoutId: string;
  sport: Sport;
  sportSource: SportSource;
  sportReason: string;
  error?: string | null;
  /** The imported workout, once DONE. */
  workout?: { distanceMeters?: number | null; movingSeconds?: number | null } | null;
}

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'uploading'; fileName: string; loaded: number; total: number }
  | { phase: 'processing'; importId: string; workoutId: string }
  | { phase: 'done'; job: ImportJobLike }
  | { phase: 'conflict'; workoutId: string }
  | { phase: 'slow'; importId: string }
  | { phase: 'failed'; message: string };

export interface UploadProgress {
  loaded: number;
  total: number;
  lengthComputable: boolean;
}

// Method syntax makes the parameter bivariant: XMLHttpRequest's handler takes a whole ProgressEvent.
type ProgressHandler = { handle(event: UploadProgress): void }['handle'];
type EventHandler = { handle(event?: unknown): void }['handle'];

/** What the upload needs of an XMLHttpRequest. */
export interface UploadRequest {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  send(body: Blob): void;
  abort(): void;
  readonly upload: { onprogress: ProgressHandler | null };
  onload: EventHandler | null;
  onerror: EventHandler | null;
  onabort: EventHandler | null;
  readonly status: number;
  readonly responseText: string;
}

export interface ImportDependencies {
  accessToken: () => Promise<string | null>;
  createRequest: () => UploadRequest;
  /** The import job as `importJob(id)` answers it now (not from a cache). */
  fetchJob: (importId: string) => Promise<ImportJobLike | null>;
  wait: (ms: number) => Promise<void>;
}

export interface UploadedFile extends Blob {
  readonly name: string;
}

export const CONFLICT_SENTENCE = 'You imported this activity before.';
const OFFLINE =
  'The file could not be sent: you seem to be offline. Please try again when you are back online.';
const TOO_LARGE = `This file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB, the most Pulse accepts. Compress it with gzip (.gz) and try again.`;
const SIGNED_OUT = 'Your session has ended. Please sign in again.';

/** `/imports?fileName=…&sport=…` (no sport: Pulse takes it from the file, else from its speed). */
export function uploadUrl(fileName: string, sport: Sport | null): string {
  const query = new URLSearchParams({ fileName });
  if (sport) query.set('sport', sport);
  return `/imports?${query.toString()}`;
}

interface UploadAnswer {
  status: number;
  body: unknown;
}

function send(
  file: UploadedFile,
  sport: Sport | null,
  token: string,
  request: UploadRequest,
  onProgress: (loaded: number, total: number) => void,
  signal?: AbortSignal,
): Promise<UploadAnswer | 'offline' | 'aborted'> {
  return new Promise((resolve) => {
    request.open('POST', uploadUrl(file.name, sport));
    request.setRequestHeader('authorization', `Bearer ${token}`);
    request.setRequestHeader('content-type', file.type || 'application/octet-stream');
    request.upload.onprogress = (event) =>
      onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    request.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        // A proxy's HTML error page, say: the status tells what happened.
      }
      resolve({ status: request.status, body });
    };
    request.onerror = () => resolve('offline');
    request.onabort = () => resolve('aborted');
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(file);
  });
}

const workoutIdOfConflict = (body: unknown): string | null => {
  const errors = (body as { errors?: { extensions?: { workoutId?: unknown } }[] } | null)?.errors;
  const id = errors?.[0]?.extensions?.workoutId;
  return typeof id === 'string' ? id : null;
};

/** What a refused upload means, in a sentence: from the body's error code, else from the status. */
export function refusalSentence({ status, body }: UploadAnswer): string {
  const hasErrors = Array.isArray((body as { errors?: unknown } | null)?.errors);
  if (hasErrors) return describeError(body);
  if (status === 413) return TOO_LARGE;
  if (status === 401) return SIGNED_OUT;
  return describeError({ errors: [{ message: '', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
}

/**
 * Imports one file, telling `onState` every step; resolves with the last state. `signal` stops the upload
 * and the polling (the screen was left): the last state is then the one reached.
 */
export async function runImport(
  file: UploadedFile,
  sport: Sport | null,
  deps: ImportDependencies,
  onState: (state: ImportState) => void,
  signal?: AbortSignal,
): Promise<ImportState> {
  let last: ImportState = { phase: 'idle' };
  const enter = (state: ImportState) => {
    last = state;
    if (!signal?.aborted) onState(state);
    return state;
  };

  if (file.size > MAX_UPLOAD_BYTES) return enter({ phase: 'failed', message: TOO_LARGE });
  if (file.size === 0) return enter({ phase: 'failed', message: 'This file is empty.' });

  enter({ phase: 'uploading', fileName: file.name, loaded: 0, total: file.size });
  let token: string | null;
  try {
    token = await deps.accessToken();
  } catch {
    return enter({ phase: 'failed', message: OFFLINE });
  }
  if (!token) return enter({ phase: 'failed', message: SIGNED_OUT });

  const answer = await send(
    file,
    sport,
    token,
    deps.createRequest(),
    (loaded, total) => enter({ phase: 'uploading', fileName: file.name, loaded, total }),
    signal,
  );
  if (answer === 'aborted') return last;
  if (answer === 'offline') return enter({ phase: 'failed', message: OFFLINE });
  if (answer.status === 409) {
    const workoutId = workoutIdOfConflict(answer.body);
    if (workoutId) return enter({ phase: 'conflict', workoutId });
  }
  const accepted = answer.body as { importId?: unknown; workoutId?: unknown } | null;
  if (answer.status !== 202 || typeof accepted?.importId !== 'string') {
    return enter({ phase: 'failed', message: refusalSentence(answer) });
  }

  const importId = accepted.importId;
  enter({ phase: 'processing', importId, workoutId: String(accepted.workoutId ?? '') });
  for (let poll = 0; poll < MAX_POLLS; poll++) {
    if (signal?.aborted) return last;
    let job: ImportJobLike | null;
    try {
      job = await deps.fetchJob(importId);
    } catch (error) {
      return enter({ phase: 'failed', message: describeError(error) });
    }
    if (job?.status === 'DONE') return enter({ phase: 'done', job });
    if (job?.status === 'FAILED') {
      return enter({
        phase: 'failed',
        message: `Pulse could not import this file: ${job.error ?? 'it holds no workout it can read.'}`,
      });
    }
    await deps.wait(POLL_INTERVAL_MS);
  }
  return enter({ phase: 'slow', importId });
}
