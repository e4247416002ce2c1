/**
 * The outbox: every recording is written to IndexedDB first — its start, its samples in batches of 10, its
 * pauses, resumes and finish — as ordered steps the sync engine (sync-engine.ts) sends and then deletes, one
 * by one, once the server has acknowledged each. Nothing waits for the server; nothing leaves before it is stored.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Sport } from '../__generated__/enums';
import { NO_FIGURES, withSample, type DeviceFigures, type Sample } from './device-figures';

export const SAMPLES_PER_BATCH = 10;

export type RecordingStatus = 'IN_PROGRESS' | 'PAUSED' | 'FINISHED' | 'DISCARDED';
export type RecordingSource = 'GPS' | 'GPX';
export type StepKind = 'START' | 'BATCH' | 'PAUSE' | 'RESUME' | 'FINISH' | 'DISCARD';

/** A batch as `recordTelemetry` takes it: one column per channel. */
export interface TelemetryBatch {
  batchId: string;
  sequence: number[];
  time: number[];
  latitude: (number | null)[];
  longitude: (number | null)[];
  altitude: (number | null)[];
  heartRate: (number | null)[];
  cadence: (number | null)[];
  power: (number | null)[];
  speed: (number | null)[];
}

export interface StoredRecording {
  /** The workout's id, generated here: the server takes it as the workout's own. */
  workoutId: string;
  userId: string;
  sport: Sport;
  source: RecordingSource;
  startedAt: number;
  createdAt: number;
  status: RecordingStatus;
  /** The number of the next batch (`<workoutId>:<n>`) and the sequence number of the next sample. */
  nextBatch: number;
  nextSequence: number;
  /** Samples not yet making a full batch: stored here so that none is lost if the page closes. */
  buffer: Sample[];
  /** Samples stored here and not yet acknowledged by the server (buffered or in queued batches). */
  pendingSamples: number;
  /** The server has the workout (its start was acknowledged). */
  startAcknowledged: boolean;
  /** The workout's sample count in the server's latest receipt. */
  serverSampleCount: number | null;
  figures: DeviceFigures;
  /** The time of the latest sample or transition: a finish must not come before it. */
  lastAt: number;
  /** Why the server refused a step: syncing this recording waits until the athlete retries. */
  error: string | null;
}

export interface OutboxStep {
  key: number;
  workoutId: string;
  kind: StepKind;
  /** A transition's time (ms since the epoch). */
  at?: number;
  batch?: TelemetryBatch;
}

export interface RecordingSummary extends Omit<StoredRecording, 'buffer'> {
  pendingSteps: number;
}

export type OutboxChangeReason = 'queued' | 'acknowledged' | 'removed' | 'updated';
export type OutboxListener = (change: { workoutId: string; reason: OutboxChangeReason }) => void;

interface OutboxSchema extends DBSchema {
  recordings: { key: string; value: StoredRecording; indexes: { byUser: string } };
  steps: { key: number; value: OutboxStep; indexes: { byWorkout: string } };
}

type Database = IDBPDatabase<OutboxSchema>;

export const OUTBOX_DATABASE = 'pulse-outbox';

export type Outbox = ReturnType<typeof createOutbox>;

export function createOutbox(name = OUTBOX_DATABASE) {
  let database: Promise<Database> | null = null;
  const listeners = new Set<OutboxListener>();

  const db = () =>
    (database ??= openDB<OutboxSchema>(name, 1, {
      upgrade(upgrading) {
        const recordings = upgrading.createObjectStore('recordings', { keyPath: 'workoutId' });
        recordings.createIndex('byUser', 'userId');
        const steps = upgrading.createObjectStore('steps', { keyPath: 'key', autoIncrement: true });
        // Entries of an index with equal keys come in primary-key order: a workout's steps in queue order.
        steps.createIndex('byWorkout', 'workoutId');
      },
    }));

  function notify(workoutId: string, reason: OutboxChangeReason) {
    for (const listener of listeners) listener({ workoutId, reason });
  }

  /** Runs `change` on the recording and its steps in one transaction; false when there is no such recording. */
  async function update(
    workoutId: string,
    change: (recording: StoredRecording, queue: (step: Omit<OutboxStep, 'key'>) => void) => boolean | void,
    reason?: OutboxChangeReason,
  ): Promise<boolean> {
    const tx = (await db()).transaction(['recordings', 'steps'], 'readwrite');
    const recording = await tx.objectStore('recordings').get(workoutId);
    if (!recording) {
      await tx.done;
      return false;
    }
    const queued: Omit<OutboxStep, 'key'>[] = [];
    const changed = change(recording, (step) => queued.push(step)) !== false;
    if (changed) {
      // Puts without awaiting each: the transaction keeps them in this order.
      void tx.objectStore('recordings').put(recording);
      for (const step of queued) void tx.objectStore('steps').add(step as OutboxStep);
    }
    await tx.done;
    if (changed) notify(workoutId, reason ?? (queued.length > 0 ? 'queued' : 'updated'));
    return changed;
  }

  const open = (recording: StoredRecording) =>
    recording.status === 'IN_PROGRESS' || recording.status === 'PAUSED';

  return {
    /** Stores a new recording and queues its start. */
    async begin(recording: {
      workoutId: string;
      userId: string;
      sport: Sport;
      source: RecordingSource;
      startedAt: number;
    }): Promise<void> {
      const tx = (await db()).transaction(['recordings', 'steps'], 'readwrite');
      void tx.objectStore('recordings').add({
        ...recording,
        createdAt: Date.now(),
        status: 'IN_PROGRESS',
        nextBatch: 0,
        nextSequence: 0,
        buffer: [],
        pendingSamples: 0,
        startAcknowledged: false,
        serverSampleCount: null,
        figures: NO_FIGURES,
        lastAt: recording.startedAt,
        error: null,
      });
      void tx.objectStore('steps').add({ workoutId: recording.workoutId, kind: 'START' } as OutboxStep);
      await tx.done;
      notify(recording.workoutId, 'queued');
    },

    /** Stores samples of an open recording; each full batch of 10 is queued, the rest waits in the buffer. */
    append(workoutId: string, samples: readonly Sample[]): Promise<boolean> {
      return update(workoutId, (recording, queue) => {
        if (!open(recording) || samples.length === 0) return false;
        for (const sample of samples) {
          recording.buffer.push(sample);
          recording.figures = withSample(recording.figures, sample);
          recording.lastAt = Math.max(recording.lastAt, sample.time);
        }
        recording.pendingSamples += samples.length;
        while (recording.buffer.length >= SAMPLES_PER_BATCH) queueBatch(recording, queue);
      });
    },

    pause: (workoutId: string, at: number) =>
      update(workoutId, (recording, queue) => {
        if (recording.status !== 'IN_PROGRESS') return false;
        recording.status = 'PAUSED';
        recording.lastAt = Math.max(recording.lastAt, at);
        queue({ workoutId, kind: 'PAUSE', at: recording.lastAt });
      }),

    resume: (workoutId: string, at: number) =>
      update(workoutId, (recording, queue) => {
        if (recording.status !== 'PAUSED') return false;
        recording.status = 'IN_PROGRESS';
        recording.lastAt = Math.max(recording.lastAt, at);
        queue({ workoutId, kind: 'RESUME', at: recording.lastAt });
      }),

    /** Queues the last (shorter) batch, then the finish: never before the latest sample or transition. */
    finish: (workoutId: string, at: number) =>
      update(workoutId, (recording, queue) => {
        if (!open(recording)) return false;
        while (recording.buffer.length > 0) queueBatch(recording, queue);
        recording.status = 'FINISHED';
        recording.lastAt = Math.max(recording.lastAt, at);
        queue({ workoutId, kind: 'FINISH', at: recording.lastAt });
      }),

    /**
     * Throws the recording away: its unsent samples are forgotten and the server is told to discard the
     * workout (after its start, which may be on its way already).
     */
    async discard(workoutId: string): Promise<boolean> {
      const tx = (await db()).transaction(['recordings', 'steps'], 'readwrite');
      const recording = await tx.objectStore('recordings').get(workoutId);
      if (!recording || !open(recording)) {
        await tx.done;
        return false;
      }
      const steps = await tx.objectStore('steps').index('byWorkout').getAll(workoutId);
      for (const step of steps) if (step.kind !== 'START') void tx.objectStore('steps').delete(step.key);
      recording.status = 'DISCARDED';
      recording.buffer = [];
      recording.pendingSamples = 0;
      void tx.objectStore('recordings').put(recording);
      void tx.objectStore('steps').add({ workoutId, kind: 'DISCARD' } as OutboxStep);
      await tx.done;
      notify(workoutId, 'queued');
      return true;
    },

    async recording(workoutId: string): Promise<StoredRecording | null> {
      return (await (await db()).get('recordings', workoutId)) ?? null;
    },

    /** The athlete's recordings kept here, oldest first, with how many steps each still has to send. */
    async recordings(userId: string): Promise<RecordingSummary[]> {
      const tx = (await db()).transaction(['recordings', 'steps']);
      const stored = await tx.objectStore('recordings').index('byUser').getAll(userId);
      const summaries = await Promise.all(
        stored.map(async ({ buffer: _buffer, ...recording }) => ({
          ...recording,
          pendingSteps: await tx.objectStore('steps').index('byWorkout').count(recording.workoutId),
        })),
      );
      await tx.done;
      return summaries.sort((a, b) => a.createdAt - b.createdAt);
    },

    /** The oldest step of the recording still to send. */
    async nextStep(workoutId: string): Promise<OutboxStep | null> {
      const cursor = await (await db()).transaction('steps').store.index('byWorkout').openCursor(workoutId);
      return cursor?.value ?? null;
    },

    /** The server has the step: it is deleted, and what it changed noted (a start, a receipt's count). */
    async acknowledge(step: OutboxStep, receipt?: { sampleCount: number }): Promise<void> {
      const tx = (await db()).transaction(['recordings', 'steps'], 'readwrite');
      const [stored, recording] = await Promise.all([
        tx.objectStore('steps').get(step.key),
        tx.objectStore('recordings').get(step.workoutId),
      ]);
      if (stored) {
        void tx.objectStore('steps').delete(step.key);
        if (recording) {
          if (step.kind === 'START') recording.startAcknowledged = true;
          if (step.batch)
            recording.pendingSamples = Math.max(0, recording.pendingSamples - step.batch.sequence.length);
          if (receipt)
            recording.serverSampleCount = Math.max(recording.serverSampleCount ?? 0, receipt.sampleCount);
          recording.error = null;
          void tx.objectStore('recordings').put(recording);
        }
      }
      await tx.done;
      notify(step.workoutId, 'acknowledged');
    },

    /** Notes why the server refused the recording's next step; it waits until `retry`. */
    block: (workoutId: string, error: string) =>
      update(workoutId, (recording) => {
        recording.error = error;
      }),

    /** Lets the sync engine try the recording's steps again (it starts on "queued"). */
    retry: (workoutId: string) =>
      update(
        workoutId,
        (recording) => {
          recording.error = null;
        },
        'queued',
      ),

    /** Deletes a finished or discarded recording with nothing left to send; true when it was deleted. */
    async settle(workoutId: string): Promise<boolean> {
      const tx = (await db()).transaction(['recordings', 'steps'], 'readwrite');
      const recording = await tx.objectStore('recordings').get(workoutId);
      const left = await tx.objectStore('steps').index('byWorkout').count(workoutId);
      const done = !!recording && !open(recording) && left === 0 && recording.buffer.length === 0;
      if (done) void tx.objectStore('recordings').delete(workoutId);
      await tx.done;
      if (done) notify(workoutId, 'removed');
      return done;
    },

    /** Forgets a recording and everything it still had to send (the athlete asked, after a refusal). */
    async remove(workoutId: string): Promise<void> {
      const tx = (await db()).transaction(['recordings', 'steps'], 'readwrite');
      const keys = await tx.objectStore('steps').index('byWorkout').getAllKeys(workoutId);
      for (const key of keys) void tx.objectStore('steps').delete(key);
      void tx.objectStore('recordings').delete(workoutId);
      await tx.done;
      notify(workoutId, 'removed');
    },

    onChange(listener: OutboxListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async close(): Promise<void> {
      if (database) (await database).close();
      database = null;
    },
  };
}

/** Queues the next batch: up to SAMPLES_PER_BATCH samples from the buffer, numbered on from the last one. */
function queueBatch(recording: StoredRecording, queue: (step: Omit<OutboxStep, 'key'>) => void) {
  const samples = recording.buffer.splice(0, SAMPLES_PER_BATCH);
  queue({
    workoutId: recording.workoutId,
    kind: 'BATCH',
    batch: batchOf(`${recording.workoutId}:${recording.nextBatch}`, recording.nextSequence, samples),
  });
  recording.nextBatch += 1;
  recording.nextSequence += samples.length;
}

function batchOf(batchId: string, firstSequence: number, samples: Sample[]): TelemetryBatch {
  return {
    batchId,
    sequence: samples.map((_, i) => firstSequence + i),
    time: samples.map((s) => s.time),
    latitude: samples.map((s) => s.latitude),
    longitude: samples.map((s) => s.longitude),
    altitude: samples.map((s) => s.altitude),
    heartRate: samples.map((s) => s.heartRate),
    cadence: samples.map((s) => s.cadence),
    power: samples.map((s) => s.power),
    speed: samples.map((s) => s.speed),
  };
}

/** The outbox of this browser. */
export const outbox = createOutbox();
