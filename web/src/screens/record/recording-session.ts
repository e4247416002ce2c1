/**
 * The recording under way in this tab, kept outside React so that it goes on while the athlete looks at
 * other screens: its source (GPS or a GPX replay) feeds the outbox, and pause, resume, finish and discard
 * are written there, in order, before anything is sent.
 */
import type { Sport } from '../../__generated__/enums';
import { playReplay, type ReplayControl } from '../../gpx/gpx-replay';
import type { GpxPoint } from '../../gpx/parse-gpx';
import { replaySchedule } from '../../gpx/replay-schedule';
import type { Sample } from '../../offline/device-figures';
import { outbox, type RecordingSource } from '../../offline/outbox';
import { watchGps } from './gps-tracker';

export type Phase = 'idle' | 'locating' | 'recording' | 'paused' | 'finishing';

export interface SessionState {
  phase: Phase;
  workoutId: string | null;
  source: RecordingSource | null;
  /** A sentence about the position source: refused, lost for now. */
  problem: string | null;
  /** A replay's progress: samples handed over of all, and whether the track has been played to its end. */
  replay: { emitted: number; total: number; ended: boolean } | null;
  /** What happened to the last recording (discarded…), until the next one starts. */
  notice: string | null;
}

const IDLE: SessionState = {
  phase: 'idle',
  workoutId: null,
  source: null,
  problem: null,
  replay: null,
  notice: null,
};

let state: SessionState = IDLE;
const listeners = new Set<() => void>();
let stopSource: () => void = () => undefined;
let replay: ReplayControl | null = null;
let startedAt = 0;
// Outbox writes in the order they were asked for: a start before its samples, samples before the finish.
let writes: Promise<unknown> = Promise.resolve();

function set(next: Partial<SessionState>) {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

function write(task: () => Promise<unknown>) {
  writes = writes.then(task).catch(() => set({ problem: 'This browser could not store the recording.' }));
}

/** A UUID for the new workout, also where crypto.randomUUID is missing (pages served over plain http). */
function newWorkoutId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function begin(userId: string, sport: Sport, source: RecordingSource, at: number): string {
  const workoutId = newWorkoutId();
  startedAt = at;
  write(() => outbox.begin({ workoutId, userId, sport, source, startedAt: at }));
  return workoutId;
}

const sampleOf = (point: GpxPoint): Sample => ({ ...point, power: null, speed: null });

/** When a transition happens: now for GPS; for a replay, the time of the last sample it handed over. */
function transitionTime(): number {
  if (state.source === 'GPX') return replay?.lastEmitted()?.time ?? startedAt;
  return Date.now();
}

export const recordingSession = {
  state: () => state,

  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  /** Asks for the position; the workout starts with the first one (or not at all if it is refused). */
  startGps(userId: string, sport: Sport) {
    if (state.phase !== 'idle') return;
    const pressedAt = Date.now();
    set({ ...IDLE, phase: 'locating', source: 'GPS' });
    stopSource = watchGps({
      onSample(sample) {
        if (state.phase === 'locating') {
          set({
            phase: 'recording',
            workoutId: begin(userId, sport, 'GPS', Math.min(pressedAt, sample.time)),
            problem: null,
          });
        }
        if (state.phase !== 'recording') return;
        const workoutId = state.workoutId!;
        set({ problem: null });
        write(() => outbox.append(workoutId, [sample]));
      },
      onProblem(sentence, fatal) {
        if (fatal && state.phase === 'locating') {
          stopSource();
          set({ ...IDLE, problem: sentence });
        } else set({ problem: sentence });
      },
    });
  },

  /** Replays the track at `speed`, re-dated so that it ends now (gpx/replay-schedule.ts). */
  startReplay(userId: string, sport: Sport, points: readonly GpxPoint[], speed: number) {
    if (state.phase !== 'idle') return;
    const schedule = replaySchedule(points, speed, Date.now());
    const workoutId = begin(userId, sport, 'GPX', schedule.startedAt);
    set({
      ...IDLE,
      phase: 'recording',
      source: 'GPX',
      workoutId,
      replay: { emitted: 0, total: schedule.samples.length, ended: false },
    });
    let emitted = 0;
    replay = playReplay(schedule, {
      onSamples(samples) {
        write(() => outbox.append(workoutId, samples.map(sampleOf)));
        emitted += samples.length;
        set({ replay: { emitted, total: schedule.samples.length, ended: false } });
      },
      onEnd() {
        set({ replay: { emitted: schedule.samples.length, total: schedule.samples.length, ended: true } });
      },
    });
    stopSource = () => replay?.stop();
  },

  pause() {
    if (state.phase !== 'recording') return;
    replay?.pause();
    const { workoutId } = state;
    const at = transitionTime();
    write(() => outbox.pause(workoutId!, at));
    set({ phase: 'paused' });
  },

  resume() {
    if (state.phase !== 'paused') return;
    const { workoutId } = state;
    const at = transitionTime();
    write(() => outbox.resume(workoutId!, at));
    replay?.resume();
    set({ phase: 'recording' });
  },

  /** Stops the source and queues the finish; the screen moves on once the outbox has sent it all. */
  finish() {
    if (state.phase !== 'recording' && state.phase !== 'paused') return;
    stopSource();
    const { workoutId } = state;
    const at = transitionTime();
    write(() => outbox.finish(workoutId!, at));
    set({ phase: 'finishing', problem: null });
  },

  discard() {
    const { workoutId } = state;
    stopSource();
    replay = null;
    if (workoutId) write(() => outbox.discard(workoutId));
    set({ ...IDLE, notice: 'The recording was discarded.' });
  },

  /** Back to choosing a new recording (the finished one is sent in the background). */
  reset() {
    stopSource();
    replay = null;
    set(IDLE);
  },
};
