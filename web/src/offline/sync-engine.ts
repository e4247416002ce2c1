/**
 * Sends the outbox to the server, recording by recording and step by step in the order they were stored
 * (start, batches, pauses and resumes, finish), deleting each step only once the server acknowledged it.
 * Every step is idempotent on the server, so a step sent again after a lost answer changes nothing; a
 * network failure stops the pass and retries later with a growing delay.
 */
import { describeError, errorCode } from '../api/errors';
import type { Outbox, OutboxStep, RecordingSummary, TelemetryBatch } from './outbox';
import type { Sport } from '../__generated__/enums';

export type ServerStatus = 'IN_PROGRESS' | 'PAUSED' | 'FINISHED';

/** The server as the sync engine sees it; each call throws what the request failed with. */
export interface SyncTransport {
  startWorkout(workout: { workoutId: string; sport: Sport; startedAt: number }): Promise<void>;
  recordTelemetry(workoutId: string, batch: TelemetryBatch): Promise<{ sampleCount: number }>;
  pauseWorkout(workoutId: string, at: number): Promise<void>;
  resumeWorkout(workoutId: string, at: number): Promise<void>;
  finishWorkout(workoutId: string, at: number): Promise<void>;
  discardWorkout(workoutId: string): Promise<void>;
  /** The workout's status on the server, null when it has none by that id. */
  workoutStatus(workoutId: string): Promise<ServerStatus | null>;
}

export type SyncStatus =
  | { state: 'idle' }
  | { state: 'sending' }
  | { state: 'offline' }
  | { state: 'waiting'; retryAt: number; error: string };

export interface SyncEngineOptions {
  outbox: Pick<Outbox, 'recordings' | 'nextStep' | 'acknowledge' | 'block' | 'settle' | 'onChange'>;
  transport: SyncTransport;
  /** Only the signed-in athlete's recordings are sent (with their session). */
  currentUserId: () => string | null;
  isOnline?: () => boolean;
  timers?: { setTimeout(callback: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
  /** The first retry's delay; each further one doubles it, up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Runs a pass exclusively (across tabs in the browser). */
  exclusive?: (pass: () => Promise<PassOutcome>) => Promise<PassOutcome>;
}

/** Codes of a failure that may pass: the step is sent again later, as after a network failure. */
const TRANSIENT = new Set([
  'UNAUTHENTICATED',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'SUBGRAPH_TIMEOUT',
  'SUBGRAPH_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
]);

type Verdict = 'done' | 'retry' | 'refused';
/** A pass ends with everything sent (or refused), or at a failure worth retrying. */
export type PassOutcome = 'done' | 'retry';

export type SyncEngine = ReturnType<typeof createSyncEngine>;

export function createSyncEngine(options: SyncEngineOptions) {
  const { outbox, transport, currentUserId } = options;
  const isOnline = options.isOnline ?? (() => true);
  const timers = options.timers ?? {
    setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms),
    clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  const initialDelayMs = options.initialDelayMs ?? 1_000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const exclusive = options.exclusive ?? ((task) => task());

  let running: Promise<void> | null = null;
  let again = false;
  let failures = 0;
  let retryTimer: unknown = null;
  let status: SyncStatus = { state: 'idle' };
  let lastError = '';
  const statusListeners = new Set<(status: SyncStatus) => void>();

  function setStatus(next: SyncStatus) {
    status = next;
    for (const listener of statusListeners) listener(status);
  }

  async function send(
    step: OutboxStep,
    recording: RecordingSummary,
  ): Promise<{ sampleCount: number } | undefined> {
    switch (step.kind) {
      case 'START':
        return transport.startWorkout(recording).then(() => undefined);
      case 'BATCH':
        return transport.recordTelemetry(step.workoutId, step.batch!);
      case 'PAUSE':
        return transport.pauseWorkout(step.workoutId, step.at!).then(() => undefined);
      case 'RESUME':
        return transport.resumeWorkout(step.workoutId, step.at!).then(() => undefined);
      case 'FINISH':
        return transport.finishWorkout(step.workoutId, step.at!).then(() => undefined);
      case 'DISCARD':
        return transport.discardWorkout(step.workoutId).then(() => undefined);
    }
  }

  /** What a refused step means: often that the server already has it (its answer was lost on the way). */
  async function verdictOn(step: OutboxStep, error: unknown): Promise<Verdict> {
    const code = errorCode(error);
    if (code === null || TRANSIENT.has(code)) return 'retry';
    if (step.kind === 'DISCARD' && code === 'NOT_FOUND') return 'done';
    if (code === 'CONFLICT' && (step.kind === 'PAUSE' || step.kind === 'RESUME' || step.kind === 'FINISH')) {
      // The server's state says whether this transition happened; "changed meanwhile" is worth another try.
      const now = await transport.workoutStatus(step.workoutId);
      const reached: Record<typeof step.kind, ServerStatus[]> = {
        PAUSE: ['PAUSED', 'FINISHED'],
        RESUME: ['IN_PROGRESS', 'FINISHED'],
        FINISH: ['FINISHED'],
      };
      return now !== null && reached[step.kind].includes(now) ? 'done' : 'retry';
    }
    // A pause or resume the server cannot place (a clock gone wrong) must not hold back the samples and finish.
    if (code === 'BAD_USER_INPUT' && (step.kind === 'PAUSE' || step.kind === 'RESUME')) return 'done';
    return 'refused';
  }

  /** Sends the recording's steps until none is left; 'retry' when the server could not be reached. */
  async function syncRecording(recording: RecordingSummary): Promise<PassOutcome> {
    for (;;) {
      const step = await outbox.nextStep(recording.workoutId);
      if (!step) {
        await outbox.settle(recording.workoutId);
        return 'done';
      }
      let verdict: Verdict;
      let failure: unknown = null;
      let receipt: { sampleCount: number } | undefined;
      try {
        receipt = await send(step, recording);
        verdict = 'done';
      } catch (error) {
        failure = error;
        verdict = await verdictOn(step, error).catch(() => 'retry' as const);
      }
      if (verdict === 'retry') {
        lastError = describeError(failure);
        return 'retry';
      }
      if (verdict === 'refused') {
        await outbox.block(recording.workoutId, describeError(failure));
        return 'done';
      }
      await outbox.acknowledge(step, receipt);
    }
  }

  /** One pass over the athlete's recordings, oldest first. */
  async function pass(): Promise<PassOutcome> {
    const userId = currentUserId();
    if (!userId) return 'done';
    for (const recording of await outbox.recordings(userId)) {
      if (recording.error) continue;
      if ((await syncRecording(recording)) === 'retry') return 'retry';
    }
    return 'done';
  }

  function scheduleRetry() {
    failures += 1;
    const delay = Math.min(maxDelayMs, initialDelayMs * 2 ** (failures - 1));
    setStatus({ state: 'waiting', retryAt: Date.now() + delay, error: lastError });
    retryTimer = timers.setTimeout(() => {
      retryTimer = null;
      void syncNow();
    }, delay);
  }

  /** Runs a pass now, or once more after the one under way. */
  function syncNow(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    if (!isOnline()) {
      setStatus({ state: 'offline' });
      return Promise.resolve();
    }
    if (retryTimer !== null) {
      timers.clearTimeout(retryTimer);
      retryTimer = null;
    }
    running = (async () => {
      let outcome: PassOutcome;
      do {
        again = false;
        setStatus({ state: 'sending' });
        outcome = await exclusive(pass).catch(() => 'retry' as const);
      } while (again && outcome === 'done');
      if (outcome === 'retry') scheduleRetry();
      else {
        failures = 0;
        setStatus({ state: 'idle' });
      }
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    syncNow,

    /** Sends what is queued from now on: at once, on each newly queued step (unless waiting to retry), on reconnecting. */
    start(): () => void {
      const onOnline = () => {
        failures = 0;
        void syncNow();
      };
      const onOffline = () => setStatus({ state: 'offline' });
      const stopListening = outbox.onChange(({ reason }) => {
        if (reason === 'queued' && retryTimer === null) void syncNow();
      });
      window.addEventListener('online', onOnline);
      window.addEventListener('offline', onOffline);
      void syncNow();
      return () => {
        stopListening();
        window.removeEventListener('online', onOnline);
        window.removeEventListener('offline', onOffline);
        if (retryTimer !== null) timers.clearTimeout(retryTimer);
        retryTimer = null;
      };
    },

    status: () => status,

    onStatus(listener: (status: SyncStatus) => void): () => void {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
  };
}
