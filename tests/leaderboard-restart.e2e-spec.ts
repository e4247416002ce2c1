// The embedded platform keeps its leaderboards in memory (no REDIS_URL): stopped and started again on the
// same DATA_DIR, it must answer every board, challenge board and myRank as it did before the stop.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../lib/config/config';
import { eventually } from '../lib/testing/eventually';
import { startPlatform } from '../scripts/platform';
import {
  ChallengeBoardDocument,
  CreateChallengeDocument,
  JoinChallengeDocument,
  LeaderboardDocument,
  LoginDocument,
  LogManualDocument,
  MyRankDocument,
  RegisterDocument,
  WorkoutXpDocument,
  type BoardInput,
  type ManualWorkoutInput,
} from './__generated__/operations';
import { anAthlete, PASSWORD } from './support/athletes';
import { clientOf, type TestPlatform } from './support/test-platform';

const ADMIN_EMAIL = 'restart-admin@example.com';
/** Starting the whole platform on a data directory, twice, takes a while on a busy machine. */
const START_TIMEOUT_MS = 180_000;

/**
 * The platform as `npm start` runs it, on `dataDir`: the default database of each context (PGlite under
 * DATA_DIR) and the in-process board store. Only these variables are read, so a DATABASE_URL or REDIS_URL
 * of the environment (CI sets both) takes nothing elsewhere.
 */
async function startOn(dataDir: string): Promise<TestPlatform> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    ADMIN_EMAILS: ADMIN_EMAIL,
    // Every request of this file comes from one address and polls: no rate limit in the way.
    GATEWAY_RATE_LIMIT_IP: '100000/60',
    GATEWAY_RATE_LIMIT_USER: '100000/60',
  });
  const platform = await startPlatform({
    config,
    logger: pino({ level: 'silent' }),
    ephemeralPorts: true,
    eventsDir: join(dataDir, 'events'),
  });
  return clientOf(platform);
}

/** The UTC ISO week of an instant (e.g. 2026-W47): the week of its Thursday. */
function isoWeekOf(date: Date): string {
  const thursday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  thursday.setUTCDate(thursday.getUTCDate() + 3 - ((thursday.getUTCDay() + 6) % 7));
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / 604_800_000);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The workouts of this file start three hours before it began (they must have ended by now). */
const STARTED_AT = new Date(Date.now() - 3 * 3_600_000);
const aWorkout = (input: Partial<ManualWorkoutInput>): ManualWorkoutInput => ({
  sport: 'RUN',
  startedAt: STARTED_AT.toISOString(),
  durationSeconds: 1_800,
  ...input,
});

const WEEK = isoWeekOf(STARTED_AT);
const MONTH = STARTED_AT.toISOString().slice(0, 7);
const PERIOD_BOARDS: BoardInput[] = [
  { metric: 'DISTANCE', period: 'WEEK', window: WEEK },
  { metric: 'DISTANCE', period: 'MONTH', window: MONTH },
  { metric: 'DISTANCE', period: 'ALL_TIME' },
  { metric: 'DISTANCE', period: 'ALL_TIME', sport: 'RUN' },
  { metric: 'MOVING_TIME', period: 'WEEK', window: WEEK },
  { metric: 'ELEVATION', period: 'ALL_TIME' },
  { metric: 'XP', period: 'WEEK', window: WEEK },
  { metric: 'XP', period: 'ALL_TIME' },
];

interface Athlete {
  name: string;
  email: string;
  token: string;
}

/** What the athletes read: every board (as the first athlete), then each athlete's rank on each board. */
async function readBoards(pulse: TestPlatform, athletes: readonly Athlete[], challengeId: string) {
  const [reader] = athletes;
  const boards = [...PERIOD_BOARDS, { challengeId }];
  const pages = await Promise.all(
    boards.map(async (board) => {
      const page = await pulse.send(LeaderboardDocument, { board, first: 100 }, reader!.token);
      expect(page.errors).toBeUndefined();
      return page.data!.leaderboard;
    }),
  );
  const ranks = await Promise.all(
    athletes.map(async (athlete) => ({
      athlete: athlete.name,
      ranks: await Promise.all(
        boards.map(
          async (board) => (await pulse.send(MyRankDocument, { board }, athlete.token)).data!.myRank,
        ),
      ),
      challenge: (await pulse.send(ChallengeBoardDocument, { id: challengeId }, athlete.token)).data!
        .challenge,
    })),
  );
  return { pages, ranks };
}

const scoresOf = (page: { edges: { node: { score: number; athlete: { displayName: string } } }[] }) =>
  page.edges.map((e) => [e.node.athlete.displayName, e.node.score]);

describe('leaderboards across a restart of the embedded platform', () => {
  let dataDir: string;
  let pulse: TestPlatform | undefined;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pulse-restart-'));
  });
  afterAll(async () => {
    await pulse?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it(
    'answers every board, challenge board and myRank after a restart as before it, and keeps counting',
    async () => {
      pulse = await startOn(dataDir);
      const admin = (
        await pulse.send(RegisterDocument, { email: ADMIN_EMAIL, password: PASSWORD, displayName: 'Admin' })
      ).data!.register;
      const registered = await Promise.all(
        ['Ann Restart', 'Bob Restart', 'Cid Restart'].map(async (name) => {
          const athlete = await anAthlete(pulse!, name);
          return { name, email: athlete.email, token: athlete.accessToken };
        }),
      );
      const [ann, bob, cid] = registered as [Athlete, Athlete, Athlete];
      const challenge = (
        await pulse.send(
          CreateChallengeDocument,
          {
            input: {
              title: 'Restart kilometres',
              goal: 'DISTANCE',
              target: 100_000,
              startsAt: new Date(STARTED_AT.getTime() - 86_400_000).toISOString(),
              endsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
            },
          },
          admin.accessToken,
        )
      ).data!.createChallenge;
      for (const athlete of [ann, bob]) {
        const joined = await pulse.send(JoinChallengeDocument, { id: challenge.id }, athlete.token);
        expect(joined.errors).toBeUndefined();
      }

      const workouts: [Athlete, ManualWorkoutInput][] = [
        [ann, aWorkout({ distanceMeters: 5_000 })],
        [ann, aWorkout({ sport: 'RIDE', distanceMeters: 20_000, durationSeconds: 3_000 })],
        [bob, aWorkout({ distanceMeters: 8_000, durationSeconds: 2_400, elevationGainMeters: 50 })],
        // Private: XP for Bob, nothing on any board others read, before or after the restart.
        [bob, aWorkout({ distanceMeters: 6_000, visibility: 'PRIVATE' })],
        [
          cid,
          aWorkout({
            sport: 'HIKE',
            distanceMeters: 9_000,
            durationSeconds: 4_000,
            elevationGainMeters: 600,
          }),
        ],
      ];
      const ids: string[] = [];
      for (const [athlete, input] of workouts) {
        const logged = await pulse.send(LogManualDocument, { input }, athlete.token);
        expect(logged.errors).toBeUndefined();
        ids.push(logged.data!.logManualWorkout.id);
      }
      // Every workout consumed by gamification: each one has its XP award.
      for (const [i, [athlete]] of workouts.entries()) {
        await eventually(async () =>
          expect(
            (await pulse!.send(WorkoutXpDocument, { id: ids[i]! }, athlete.token)).data?.workout?.xpAward,
          ).toMatchObject({ points: expect.any(Number) }),
        );
      }
      const allTimeDistance = { metric: 'DISTANCE', period: 'ALL_TIME' } as const;
      await eventually(async () =>
        expect(
          scoresOf(
            (await pulse!.send(LeaderboardDocument, { board: allTimeDistance }, ann.token)).data!.leaderboard,
          ),
        ).toEqual([
          ['Ann Restart', 25_000],
          ['Cid Restart', 9_000],
          ['Bob Restart', 8_000],
        ]),
      );

      const before = await readBoards(pulse, [ann, bob, cid], challenge.id);
      expect(scoresOf(before.pages.at(-1)!)).toEqual([
        ['Ann Restart', 25_000],
        ['Bob Restart', 8_000],
      ]);
      expect(before.pages.every((page) => page.totalCount > 0)).toBe(true);
      expect(before.ranks.find((r) => r.athlete === 'Cid Restart')!.ranks).toContainEqual({
        rank: 1,
        score: 600,
      });

      await pulse.close();
      pulse = undefined;
      pulse = await startOn(dataDir);
      // Signed in again, as the athletes would be after a restart.
      const again = await Promise.all(
        [ann, bob, cid].map(async (athlete) => {
          const login = await pulse!.send(LoginDocument, { email: athlete.email, password: PASSWORD });
          expect(login.errors).toBeUndefined();
          return { ...athlete, token: login.data!.login.accessToken };
        }),
      );

      expect(await readBoards(pulse, again, challenge.id)).toEqual(before);

      // Later workouts count on top of the restored boards.
      const [annAgain, , cidAgain] = again as [Athlete, Athlete, Athlete];
      const later = aWorkout({ distanceMeters: 17_000, durationSeconds: 6_000 });
      expect((await pulse.send(LogManualDocument, { input: later }, cidAgain.token)).errors).toBeUndefined();
      await eventually(async () =>
        expect(
          scoresOf(
            (await pulse!.send(LeaderboardDocument, { board: allTimeDistance }, annAgain.token)).data!
              .leaderboard,
          ),
        ).toEqual([
          ['Cid Restart', 26_000],
          ['Ann Restart', 25_000],
          ['Bob Restart', 8_000],
        ]),
      );
    },
    2 * START_TIMEOUT_MS,
  );
});
