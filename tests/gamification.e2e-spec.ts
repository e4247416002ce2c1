import type { FormattedExecutionResult } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { eventually } from '../lib/testing/eventually';
import {
  ChallengeBoardDocument,
  CreateChallengeDocument,
  GamificationMeDocument,
  JoinChallengeDocument,
  LeaderboardDocument,
  LogManualDocument,
  MyRankDocument,
  RegisterDocument,
  WorkoutXpDocument,
} from './__generated__/operations';
import { anAthlete, PASSWORD } from './support/athletes';
import { errorCodes, useTestPlatform } from './support/test-platform';

const ADMIN_EMAIL = 'gamification-admin@example.com';
const pulse = useTestPlatform({ ADMIN_EMAILS: ADMIN_EMAIL });

const BOARD_CHANGES = `subscription WeeklyDistance($window: String!) {
  leaderboardChanged(board: { metric: DISTANCE, period: WEEK, window: $window }) {
    board
    top { rank score athlete { id displayName } }
    moves { athlete { id displayName } from to score }
  }
}`;

interface Entry {
  rank: number;
  score: number;
  athlete: { id: string; displayName: string };
}
interface Update {
  board: string;
  top: Entry[];
  moves: {
    athlete: { id: string; displayName: string };
    from: number | null;
    to: number | null;
    score: number;
  }[];
}

/** The runs of this file start 2 hours before it began: half an hour each. */
const STARTED_AT = new Date(Date.now() - 2 * 3_600_000);
const aRun = (distanceMeters: number) => ({
  sport: 'RUN' as const,
  startedAt: STARTED_AT.toISOString(),
  durationSeconds: 1_800,
  distanceMeters,
});

/** The UTC ISO week of an instant, e.g. 2026-W47 (the week whose Thursday it shares). */
function isoWeekOf(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  day.setUTCDate(day.getUTCDate() + 3 - ((day.getUTCDay() + 6) % 7));
  const year = day.getUTCFullYear();
  const week =
    1 +
    Math.round(
      (day.getTime() - Date.UTC(year, 0, 4)) / 604_800_000 -
        3 / 7 +
        ((new Date(Date.UTC(year, 0, 4)).getUTCDay() + 6) % 7) / 7,
    );
  return `${year}-W${String(week).padStart(2, '0')}`;
}
const WINDOW = isoWeekOf(STARTED_AT);

describe('gamification through the gateway', () => {
  it('credits XP, unlocks the first workout, and streams both athletes moving up the weekly distance board', async () => {
    const ann = await anAthlete(pulse(), 'Ann Board');
    const bob = await anAthlete(pulse(), 'Bob Board');
    const updates: Update[] = [];
    const errors: unknown[] = [];
    const client = createClient({
      url: pulse().platform.gateway.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${ann.accessToken}` },
      retryAttempts: 0,
    });
    try {
      client.subscribe<{ leaderboardChanged: Update }>(
        { query: BOARD_CHANGES, variables: { window: WINDOW } },
        {
          next: (result: FormattedExecutionResult<{ leaderboardChanged: Update }>) => {
            if (result.data) updates.push(result.data.leaderboardChanged);
            if (result.errors) errors.push(result.errors);
          },
          error: (error) => errors.push(error),
          complete: () => undefined,
        },
      );
      // The board as it stands comes at once (empty: nobody ran yet on this platform).
      await eventually(() => expect(updates[0]).toMatchObject({ top: [], moves: [] }));

      /** Waits for the stream to say that `athlete` entered the board in first place with `score`. */
      const enteredFirst = (athlete: { id: string; displayName: string }, score: number) =>
        eventually(() =>
          expect(updates.flatMap((u) => u.moves)).toContainEqual({ athlete, from: null, to: 1, score }),
        );

      const annRun = await pulse().send(LogManualDocument, { input: aRun(5_000) }, ann.accessToken);
      expect(annRun.errors).toBeUndefined();
      await enteredFirst({ id: ann.user.id, displayName: 'Ann Board' }, 5_000);
      await pulse().send(LogManualDocument, { input: aRun(8_000) }, bob.accessToken);
      await enteredFirst({ id: bob.user.id, displayName: 'Bob Board' }, 8_000);
      expect(updates.at(-1)!.top).toEqual([
        { rank: 1, score: 8_000, athlete: { id: bob.user.id, displayName: 'Bob Board' } },
        { rank: 2, score: 5_000, athlete: { id: ann.user.id, displayName: 'Ann Board' } },
      ]);
      expect(errors).toEqual([]);
    } finally {
      await client.dispose();
    }

    const board = { metric: 'DISTANCE' as const, period: 'WEEK' as const, window: WINDOW };
    const page = await pulse().send(LeaderboardDocument, { board, first: 1 }, bob.accessToken);
    expect(page.data!.leaderboard).toMatchObject({
      totalCount: 2,
      edges: [{ node: { rank: 1, score: 8_000, athlete: { displayName: 'Bob Board' } } }],
      pageInfo: { hasNextPage: true },
    });
    const next = await pulse().send(
      LeaderboardDocument,
      { board, first: 1, after: page.data!.leaderboard.pageInfo.endCursor },
      bob.accessToken,
    );
    expect(next.data!.leaderboard.edges.map((e) => e.node.athlete.displayName)).toEqual(['Ann Board']);
    expect((await pulse().send(MyRankDocument, { board }, ann.accessToken)).data!.myRank).toEqual({
      rank: 2,
      score: 5_000,
    });

    const me = (await pulse().send(GamificationMeDocument, {}, ann.accessToken)).data!.me;
    expect(me.xp).toBeGreaterThan(0);
    expect(me.level).toMatchObject({ totalXp: me.xp, level: expect.any(Number) });
    expect(me.streak.days.current).toBe(1);
    expect(me.achievements.length).toBeGreaterThanOrEqual(20);
    expect(me.achievements.find((a) => a.code === 'FIRST_WORKOUT')).toMatchObject({
      unlocked: true,
      unlockedBy: { id: expect.any(String) },
      progress: { label: '1 of 1 workouts' },
    });
    expect(me.achievements.find((a) => a.code === 'FIRST_10K_RUN')).toMatchObject({ unlocked: false });

    const invalid = await pulse().send(
      LeaderboardDocument,
      { board: { ...board, window: '2026-13' } },
      ann.accessToken,
    );
    expect(errorCodes(invalid)).toEqual(['BAD_USER_INPUT']);
  });

  it('lets admins create challenges that athletes join, with progress and a board', async () => {
    const admin = (
      await pulse().send(RegisterDocument, { email: ADMIN_EMAIL, password: PASSWORD, displayName: 'Admin' })
    ).data!.register;
    const cid = await anAthlete(pulse(), 'Cid Challenger');
    const input = {
      title: 'Run 20 km this fortnight',
      goal: 'DISTANCE' as const,
      target: 20_000,
      sport: 'RUN' as const,
      startsAt: new Date(STARTED_AT.getTime() - 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 13 * 86_400_000).toISOString(),
    };
    expect(errorCodes(await pulse().send(CreateChallengeDocument, { input }, cid.accessToken))).toEqual([
      'FORBIDDEN',
    ]);
    const challenge = (await pulse().send(CreateChallengeDocument, { input }, admin.accessToken)).data!
      .createChallenge;
    expect(challenge).toMatchObject({ title: input.title, memberCount: 0 });

    const joined = await pulse().send(JoinChallengeDocument, { id: challenge.id }, cid.accessToken);
    expect(joined.data!.joinChallenge).toMatchObject({
      memberCount: 1,
      myProgress: { current: 0, target: 20_000 },
    });
    await pulse().send(LogManualDocument, { input: aRun(7_500) }, cid.accessToken);
    await eventually(async () =>
      expect(
        (await pulse().send(ChallengeBoardDocument, { id: challenge.id }, cid.accessToken)).data!.challenge,
      ).toEqual({
        id: challenge.id,
        myProgress: { current: 7_500, completed: false },
        leaderboard: {
          edges: [{ node: { rank: 1, score: 7_500, athlete: { displayName: 'Cid Challenger' } } }],
        },
      }),
    );
  });

  it('shows the athlete what each workout earned, and why one that does not count earns nothing', async () => {
    const ann = await anAthlete(pulse(), 'Ann Climber');
    const run = await pulse().send(LogManualDocument, { input: aRun(5_000) }, ann.accessToken);
    // 5 000 m of climbing in half an hour: more than the 3 000 m an hour XP believes.
    const climb = await pulse().send(
      LogManualDocument,
      { input: { ...aRun(5_000), elevationGainMeters: 5_000 } },
      ann.accessToken,
    );
    const xpOf = async (id: string) =>
      (await pulse().send(WorkoutXpDocument, { id }, ann.accessToken)).data?.workout?.xpAward;

    await eventually(async () =>
      expect(await xpOf(run.data!.logManualWorkout.id)).toMatchObject({
        points: expect.any(Number),
        notCountedReason: null,
      }),
    );
    expect((await xpOf(run.data!.logManualWorkout.id))!.points).toBeGreaterThan(0);
    await eventually(async () =>
      expect(await xpOf(climb.data!.logManualWorkout.id)).toEqual({
        points: 0,
        notCountedReason: expect.stringMatching(/^IMPLAUSIBLE_CLIMB: 5000 m climbed in 1800 s/),
      }),
    );
  });
});
