/**
 * The deterministic workload of `npm run bench:leaderboard`: athletes with one to three favourite sports,
 * workouts spread over the last two weeks (current windows, so that no board has expired), each one
 * crediting distance, moving time, elevation and XP to its 24 period boards.
 */
import { randomUUID } from 'node:crypto';
import type { Sport } from '../../lib/sports';
import { periodBoardsOf, type BoardMetric } from '../../subgraphs/gamification/src/leaderboards';

const DAY_MS = 86_400_000;
const DAYS = 14;
const SPORTS: Sport[] = [
  'RUN',
  'TRAIL_RUN',
  'WALK',
  'HIKE',
  'RIDE',
  'MOUNTAIN_BIKE_RIDE',
  'POOL_SWIM',
  'ROW',
];
/** Per sport: metres per moving second and metres of climbing per km, roughly. */
const PACE: Record<string, { mps: number; climbPerKm: number }> = {
  RUN: { mps: 3, climbPerKm: 8 },
  TRAIL_RUN: { mps: 2.4, climbPerKm: 40 },
  WALK: { mps: 1.4, climbPerKm: 5 },
  HIKE: { mps: 1.1, climbPerKm: 60 },
  RIDE: { mps: 7.5, climbPerKm: 10 },
  MOUNTAIN_BIKE_RIDE: { mps: 5, climbPerKm: 25 },
  POOL_SWIM: { mps: 0.8, climbPerKm: 0 },
  ROW: { mps: 3.5, climbPerKm: 0 },
};

export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647;
}

export interface Workload {
  athleteIds: string[];
  workouts: number;
  /** Per workout: the index of its board set (sport × day) and its metric values. */
  boardSet: Uint16Array;
  athlete: Int32Array;
  values: Record<BoardMetric, Int32Array>;
  /** The 24 boards of each board set, with the metric each one counts. */
  boardSets: { metric: BoardMetric; board: string }[][];
}

export function createWorkload(athletes: number, workouts: number, now: number): Workload {
  const random = seededRandom(20_261_120);
  const athleteIds = Array.from({ length: athletes }, () => randomUUID());
  const favourites = athleteIds.map(() =>
    Array.from({ length: 1 + Math.floor(random() * 3) }, () => Math.floor(random() * SPORTS.length)),
  );
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const boardSets = SPORTS.flatMap((sport) =>
    Array.from({ length: DAYS }, (_, day) => periodBoardsOf(sport, today - day * DAY_MS + DAY_MS / 2)),
  );
  const workload: Workload = {
    athleteIds,
    workouts,
    boardSet: new Uint16Array(workouts),
    athlete: new Int32Array(workouts),
    values: {
      DISTANCE: new Int32Array(workouts),
      MOVING_TIME: new Int32Array(workouts),
      ELEVATION: new Int32Array(workouts),
      XP: new Int32Array(workouts),
    },
    boardSets,
  };
  for (let i = 0; i < workouts; i += 1) {
    const athlete = Math.floor(random() * athletes);
    const choices = favourites[athlete]!;
    const sport = choices[Math.floor(random() * choices.length)]!;
    const pace = PACE[SPORTS[sport]!]!;
    const seconds = 900 + Math.floor(random() * 9_000);
    const meters = Math.round(seconds * pace.mps * (0.8 + random() * 0.4));
    workload.athlete[i] = athlete;
    workload.boardSet[i] = sport * DAYS + Math.floor(random() * DAYS);
    workload.values.DISTANCE[i] = meters;
    workload.values.MOVING_TIME[i] = seconds;
    workload.values.ELEVATION[i] = 1 + Math.round((meters / 1000) * pace.climbPerKm * random());
    workload.values.XP[i] = 10 + Math.floor(meters / 100);
  }
  return workload;
}

/** The changes of workouts [from, to) as the store takes them: 24 per workout. */
export function changesOf(workload: Workload, from: number, to: number) {
  const changes: { board: string; athleteId: string; delta: number }[] = [];
  for (let i = from; i < to; i += 1) {
    const athleteId = workload.athleteIds[workload.athlete[i]!]!;
    for (const { metric, board } of workload.boardSets[workload.boardSet[i]!]!) {
      changes.push({ board, athleteId, delta: workload.values[metric][i]! });
    }
  }
  return changes;
}

/** p50 and p99 of durations in ms. */
export function percentiles(durations: number[]): { p50: number; p99: number } {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), p99: at(0.99) };
}

export async function timed(run: () => Promise<unknown> | unknown): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}
