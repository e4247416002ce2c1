/** Plays a re-dated track in wall-clock time: hands over the samples that are due, pauses and resumes. */
import type { ReplaySchedule, ScheduledSample } from './replay-schedule';

export interface ReplayHandlers {
  /** The samples now due, in order (several at once when the page was busy). */
  onSamples(samples: ScheduledSample[]): void;
  onEnd(): void;
}

export interface ReplayControl {
  pause(): void;
  resume(): void;
  stop(): void;
  /** The last sample handed over, if any. */
  lastEmitted(): ScheduledSample | null;
  emittedCount(): number;
}

export interface ReplayClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserClock: ReplayClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
};

export function playReplay(
  schedule: ReplaySchedule,
  handlers: ReplayHandlers,
  clock: ReplayClock = browserClock,
): ReplayControl {
  const { samples } = schedule;
  let next = 0;
  // Wall time spent paused so far: what is still to come is handed over that much later.
  let delay = 0;
  let pausedAt: number | null = null;
  let timer: unknown = null;
  let stopped = false;

  function tick() {
    timer = null;
    if (stopped || pausedAt !== null) return;
    const now = clock.now();
    const due: ScheduledSample[] = [];
    while (next < samples.length && samples[next]!.emitAt + delay <= now) due.push(samples[next++]!);
    if (due.length > 0) handlers.onSamples(due);
    if (next >= samples.length) {
      stopped = true;
      handlers.onEnd();
      return;
    }
    timer = clock.setTimeout(tick, Math.max(0, samples[next]!.emitAt + delay - now));
  }

  tick();
  return {
    pause() {
      if (stopped || pausedAt !== null) return;
      pausedAt = clock.now();
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
    },
    resume() {
      if (stopped || pausedAt === null) return;
      delay += clock.now() - pausedAt;
      pausedAt = null;
      tick();
    },
    stop() {
      stopped = true;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
    },
    lastEmitted: () => (next > 0 ? samples[next - 1]! : null),
    emittedCount: () => next,
  };
}
