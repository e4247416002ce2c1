/**
 * bench:live's load, a busy evening: every live athlete's phone sends one `recordTelemetry` batch of
 * samples a second (every 10th batch sent twice, as a flaky connection does), while readers read the
 * weekly board and their XP four times a second; then every run is finished and read back: each workout
 * must hold every sample the server acknowledged and no more than were sent, and each athlete's XP must
 * equal the sum of their workouts' awards (credited exactly once). Load is offered on a schedule (open
 * model): a slow answer does not slow the phones down.
 */
import { randomUUID } from 'node:crypto';
import {
  FinishWorkoutDocument,
  LiveBoardAndXpDocument,
  LiveCreditsDocument,
  LiveXpDocument,
  RecordTelemetryDocument,
  RegisterDocument,
  StartWithIdDocument,
} from '../../../tests/__generated__/operations';
import type { SampleRow } from '../../../subgraphs/training/src/telemetry/telemetry-batch';
import { columnsOf, runningSamples } from '../telemetry-client';
import { LatencyRecord, timedGraphql } from './live-requests';

export interface LiveLoadOptions {
  seconds: number;
  readers: number;
  readsPerSecond: number;
  batchSize: number;
  /** Every n-th batch is sent twice. */
  duplicateEvery: number;
}

export interface LiveAthlete {
  /** null: the bare stack's phones, which send no token. */
  token: string | null;
  /** The sum of the XP awards of the workouts this athlete recorded in the bench so far. */
  awarded: number;
}

export interface StepResult {
  athletes: number;
  writes: LatencyRecord;
  reads: LatencyRecord;
  idleReads: LatencyRecord;
  finishes: LatencyRecord;
  lost: number;
  doubled: number;
  wronglyCredited: number;
  samplesAcknowledged: number;
}

/** The bare stack's read-back (its own schema, not Pulse's: no generated document). */
const BARE_SAMPLE_COUNT = 'query BareSampleCount($workoutId: ID!) { sampleCount(workoutId: $workoutId) }';

/** One athlete's workout of a step and the batches the server acknowledged. */
interface LiveRun {
  athlete: LiveAthlete;
  id: string;
  acknowledged: Set<number>;
}

/** Samples lost (acknowledged, not stored) and doubled (stored beyond what was sent), over the runs read back. */
class SampleTally {
  private lost = 0;
  private doubled = 0;
  private acknowledged = 0;

  constructor(private readonly options: LiveLoadOptions) {}

  add(run: LiveRun, stored: number): void {
    const acknowledged = run.acknowledged.size * this.options.batchSize;
    this.acknowledged += acknowledged;
    this.lost += Math.max(0, acknowledged - stored);
    this.doubled += Math.max(0, stored - this.options.seconds * this.options.batchSize);
  }

  totals() {
    return { lost: this.lost, doubled: this.doubled, samplesAcknowledged: this.acknowledged };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `task` over `items` with at most `limit` at a time. */
async function eachLimited<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

/** A request that must succeed (set-up and read-back): retried a few times, then the run stops. */
async function required<R>(attempt: () => Promise<{ ok: true; data: R } | { ok: false; failure: string }>) {
  for (let i = 1; ; i += 1) {
    const outcome = await attempt();
    if (outcome.ok) return outcome.data;
    if (i === 5) throw new Error(`a set-up request failed 5 times: ${outcome.failure}`);
    await sleep(1000 * i);
  }
}

export async function registerAthletes(url: string, count: number): Promise<LiveAthlete[]> {
  const athletes: LiveAthlete[] = [];
  await eachLimited(
    Array.from({ length: count }, (_, i) => i),
    4,
    async (i) => {
      const data = await required(() =>
        timedGraphql(url, null, RegisterDocument, {
          email: `live-${randomUUID()}@example.com`,
          password: 'live bench pass phrase',
          displayName: `Live ${i}`,
        }),
      );
      athletes.push({ token: data.register.accessToken, awarded: 0 });
    },
  );
  return athletes;
}

/** Readers reading the board and their XP `perSecond` times a second each until `until`. */
async function readUntil(url: string, readers: LiveAthlete[], perSecond: number, until: number) {
  const record = new LatencyRecord();
  const inFlight: Promise<void>[] = [];
  await Promise.all(
    readers.map(async (reader) => {
      await sleep(Math.random() * (1000 / perSecond));
      for (let at = performance.now(); at < until; at += 1000 / perSecond) {
        inFlight.push(timedGraphql(url, reader.token, LiveBoardAndXpDocument, {}).then((o) => record.add(o)));
        await sleep(Math.max(0, at + 1000 / perSecond - performance.now()));
      }
    }),
  );
  await Promise.all(inFlight);
  return record;
}

/** Every run's phone sends one batch a second for `options.seconds` (every n-th twice), on a schedule. */
async function sendBatches(
  url: string,
  runs: LiveRun[],
  rows: SampleRow[],
  options: LiveLoadOptions,
  writes: LatencyRecord,
): Promise<void> {
  const sent: Promise<void>[] = [];
  const send = async (run: LiveRun, batch: number) => {
    const body = columnsOf(
      `${run.id}:${batch}`,
      rows.slice(batch * options.batchSize, (batch + 1) * options.batchSize),
    );
    const times = (batch + 1) % options.duplicateEvery === 0 ? 2 : 1;
    for (let i = 0; i < times; i += 1) {
      const outcome = await timedGraphql(url, run.athlete.token, RecordTelemetryDocument, {
        workoutId: run.id,
        batch: body,
      });
      writes.add(outcome);
      if (outcome.ok) run.acknowledged.add(batch);
    }
  };
  await Promise.all(
    runs.map(async (run) => {
      const offset = Math.random() * 1000;
      const start = performance.now() + offset;
      await sleep(offset);
      for (let batch = 0; batch < options.seconds; batch += 1) {
        sent.push(send(run, batch));
        await sleep(Math.max(0, start + (batch + 1) * 1000 - performance.now()));
      }
    }),
  );
  await Promise.all(sent);
}

/**
 * The bare stack's step (bare-stack/): the phones only (it has no accounts, boards or awards), each run
 * read back with the stack's `sampleCount` for what was lost or doubled.
 */
export async function runWritesStep(
  url: string,
  athletes: number,
  options: LiveLoadOptions,
  measure: (during: () => Promise<void>) => Promise<void>,
): Promise<StepResult> {
  const rows = runningSamples(options.seconds * options.batchSize, Date.now() - 2 * 3600_000);
  const runs: LiveRun[] = Array.from({ length: athletes }, () => ({
    athlete: { token: null, awarded: 0 },
    id: randomUUID(),
    acknowledged: new Set<number>(),
  }));
  const writes = new LatencyRecord();
  await measure(() => sendBatches(url, runs, rows, options, writes));
  const samples = new SampleTally(options);
  await eachLimited(runs, 16, async (run) => {
    const { sampleCount } = await required(() =>
      timedGraphql<{ sampleCount: number }, never>(
        url,
        null,
        JSON.stringify({ query: BARE_SAMPLE_COUNT, variables: { workoutId: run.id } }),
      ),
    );
    samples.add(run, sampleCount);
  });
  const none = new LatencyRecord();
  return {
    athletes,
    writes,
    reads: none,
    idleReads: none,
    finishes: none,
    ...samples.totals(),
    wronglyCredited: 0,
  };
}

export async function runLiveStep(
  url: string,
  athletes: LiveAthlete[],
  readers: LiveAthlete[],
  options: LiveLoadOptions,
  measure: (during: () => Promise<void>) => Promise<void>,
): Promise<StepResult> {
  const batches = options.seconds;
  const startedAt = Date.now() - 2 * 3600_000;
  const rows = runningSamples(batches * options.batchSize, startedAt);
  const runs: LiveRun[] = athletes.map((athlete) => ({
    athlete,
    id: randomUUID(),
    acknowledged: new Set<number>(),
  }));
  await eachLimited(runs, 16, async (run) => {
    await required(() =>
      timedGraphql(url, run.athlete.token, StartWithIdDocument, {
        id: run.id,
        sport: 'RUN',
        startedAt: new Date(startedAt).toISOString(),
      }),
    );
  });
  const idleReads = await readUntil(url, readers, options.readsPerSecond, performance.now() + 3000);

  const writes = new LatencyRecord();
  let reads = new LatencyRecord();
  await measure(async () => {
    const until = performance.now() + options.seconds * 1000;
    [reads] = await Promise.all([
      readUntil(url, readers, options.readsPerSecond, until),
      sendBatches(url, runs, rows, options, writes),
    ]);
  });

  const finishes = new LatencyRecord();
  const finishedAt = new Date(startedAt + batches * options.batchSize * 1000).toISOString();
  await eachLimited(runs, 50, async (run) => {
    const first = await timedGraphql(url, run.athlete.token, FinishWorkoutDocument, {
      id: run.id,
      finishedAt,
    });
    finishes.add(first);
    if (!first.ok)
      await required(() =>
        timedGraphql(url, run.athlete.token, FinishWorkoutDocument, { id: run.id, finishedAt }),
      );
  });
  return {
    athletes: athletes.length,
    writes,
    reads,
    idleReads,
    finishes,
    ...(await readBack(url, runs, options)),
  };
}

/** Waits for every workout's award, then compares samples and XP with what was sent and acknowledged. */
async function readBack(url: string, runs: LiveRun[], options: LiveLoadOptions) {
  const samples = new SampleTally(options);
  await eachLimited(runs, 16, async (run) => {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const { workout } = await required(() =>
        timedGraphql(url, run.athlete.token, LiveCreditsDocument, { id: run.id }),
      );
      if (workout?.xpAward || Date.now() > deadline) {
        samples.add(run, workout?.sampleCount ?? 0);
        run.athlete.awarded += workout?.xpAward?.points ?? NaN;
        return;
      }
      await sleep(500);
    }
  });
  let wronglyCredited = 0;
  const athletes = [...new Set(runs.map((r) => r.athlete))];
  await eachLimited(athletes, 16, async (athlete) => {
    const { me } = await required(() => timedGraphql(url, athlete.token, LiveXpDocument, {}));
    if (me?.xp !== athlete.awarded) wronglyCredited += 1;
  });
  return { ...samples.totals(), wronglyCredited };
}
