/**
 * The block matrix through the gateway: once Ann blocks Ben, each is hidden from the other everywhere —
 * profile, feed, kudos, comments, partner search, the friends' board — both ways, and new follows and
 * interactions are refused; unblocking does not bring the follows back.
 */
import { eventually } from '../lib/testing/eventually';
import {
  AddCommentDocument,
  BlockDocument,
  FeedDocument,
  FollowDocument,
  GiveKudosDocument,
  LeaderboardDocument,
  LogManualDocument,
  PartnersDocument,
  SocialUserDocument,
  UpdateProfileDocument,
  WorkoutReactionsDocument,
} from './__generated__/operations';
import { anAthlete } from './support/athletes';
import { errorCodes, useTestPlatform } from './support/test-platform';

const pulse = useTestPlatform();
const HOME = { latitude: 52.52, longitude: 13.405 };

async function athlete(name: string, handle: string) {
  const created = await anAthlete(pulse(), name);
  await eventually(async () => {
    const result = await pulse().send(
      UpdateProfileDocument,
      {
        input: {
          handle,
          sports: [{ sport: 'RUN', level: 'ADVANCED' }],
          homeLocation: HOME,
          homeArea: 'Berlin',
          partnerSearch: true,
        },
      },
      created.accessToken,
    );
    expect(result.errors).toBeUndefined();
  }, 20_000);
  return { id: created.user.id, token: created.accessToken, handle };
}

const logRun = async (token: string) =>
  (
    await pulse().send(
      LogManualDocument,
      {
        input: {
          sport: 'RUN',
          startedAt: new Date(Date.now() - 3_600_000).toISOString(),
          durationSeconds: 1_800,
          distanceMeters: 6_000,
          visibility: 'PUBLIC',
        },
      },
      token,
    )
  ).data!.logManualWorkout.id;

type Athlete = Awaited<ReturnType<typeof athlete>>;
const FRIENDS_BOARD = { metric: 'DISTANCE', period: 'ALL_TIME', scope: 'FRIENDS' } as const;

describe('a block hides two athletes from each other everywhere', () => {
  let ann: Athlete;
  let ben: Athlete;
  let annRun: string;
  let benRun: string;

  beforeAll(async () => {
    ann = await athlete('Ann Blocker', 'ann_blocks');
    ben = await athlete('Ben Blocked', 'ben_blocked');
    await pulse().send(FollowDocument, { userId: ann.id }, ben.token);
    await pulse().send(FollowDocument, { userId: ben.id }, ann.token);
    annRun = await logRun(ann.token);
    benRun = await logRun(ben.token);
    // Before the block each sees the other: feed, kudos, comments, partner search, the friends' board.
    await eventually(async () => {
      const feed = await pulse().send(FeedDocument, { first: 10 }, ben.token);
      expect(feed.data!.feed.edges.map((e) => e.node.workout?.id)).toContain(annRun);
      const board = await pulse().send(LeaderboardDocument, { board: FRIENDS_BOARD }, ann.token);
      expect(board.data!.leaderboard.edges.map((e) => e.node.athlete.id).sort()).toEqual(
        [ann.id, ben.id].sort(),
      );
    }, 30_000);
    expect((await pulse().send(GiveKudosDocument, { workoutId: annRun }, ben.token)).errors).toBeUndefined();
    expect(
      (await pulse().send(AddCommentDocument, { workoutId: annRun, text: 'Nice' }, ben.token)).errors,
    ).toBeUndefined();
    expect((await pulse().send(GiveKudosDocument, { workoutId: benRun }, ann.token)).errors).toBeUndefined();

    expect((await pulse().send(BlockDocument, { userId: ben.id }, ann.token)).data!.block).toBe(ben.id);
  }, 120_000);

  const pairs = () =>
    [
      ['Ann', ann, ben, benRun],
      ['Ben', ben, ann, annRun],
    ] as const;

  it('profiles: neither finds the other', async () => {
    for (const [, viewer, other] of pairs()) {
      const result = await pulse().send(SocialUserDocument, { handle: other.handle }, viewer.token);
      expect(result.data!.userByHandle).toBeNull();
    }
  });

  it('feeds: neither sees the other’s workouts', async () => {
    for (const [, viewer, , otherRun] of pairs()) {
      const feed = await pulse().send(FeedDocument, { first: 20 }, viewer.token);
      expect(feed.data!.feed.edges.map((e) => e.node.workout?.id)).not.toContain(otherRun);
    }
  });

  it('workouts, kudos and comments: the other’s workout is gone, their kudos and comments hidden on one’s own', async () => {
    await eventually(async () => {
      const seen = await pulse().send(WorkoutReactionsDocument, { id: annRun }, ben.token);
      expect(errorCodes(seen)).toEqual(['NOT_FOUND']);
    }, 20_000);
    const own = await pulse().send(WorkoutReactionsDocument, { id: annRun }, ann.token);
    expect(own.data!.workout!.kudos).toEqual({ count: 1, firstAthletes: [] });
    expect(own.data!.workout!.comments!.edges).toEqual([]);
    const benOwn = await pulse().send(WorkoutReactionsDocument, { id: benRun }, ben.token);
    expect(benOwn.data!.workout!.kudos!.firstAthletes).toEqual([]);
  });

  it('interactions: no follow, kudos or comment either way', async () => {
    for (const [, viewer, other, otherRun] of pairs()) {
      expect(errorCodes(await pulse().send(FollowDocument, { userId: other.id }, viewer.token))).toEqual([
        'FORBIDDEN',
      ]);
      expect(
        errorCodes(await pulse().send(GiveKudosDocument, { workoutId: otherRun }, viewer.token)),
      ).toEqual(['NOT_FOUND']);
      expect(
        errorCodes(await pulse().send(AddCommentDocument, { workoutId: otherRun, text: 'hi' }, viewer.token)),
      ).toEqual(['NOT_FOUND']);
    }
  });

  it('partner search: neither lists the other', async () => {
    for (const [, viewer, other] of pairs()) {
      const found = await pulse().send(PartnersDocument, { search: { sport: 'RUN' } }, viewer.token);
      expect(found.errors).toBeUndefined();
      expect(found.data!.partners.edges.map((e) => e.node.user.id)).not.toContain(other.id);
    }
  });

  it('friends’ boards: neither is on the other’s', async () => {
    await eventually(async () => {
      for (const [, viewer, other] of pairs()) {
        const board = await pulse().send(LeaderboardDocument, { board: FRIENDS_BOARD }, viewer.token);
        expect(board.errors).toBeUndefined();
        expect(board.data!.leaderboard.edges.map((e) => e.node.athlete.id)).not.toContain(other.id);
      }
    }, 20_000);
  });
});
