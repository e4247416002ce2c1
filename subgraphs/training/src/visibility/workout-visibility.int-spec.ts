/**
 * The authorization matrix of training's reads: every kind of viewer × every visibility × every read of a
 * workout, with the follow and block state fed by social's events through training's real consumers.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Viewer } from '../../../../lib/auth/viewer';
import { useFixture } from '../../../../lib/testing/fixture';
import { availableDatabaseKinds, openTestContextDatabase } from '../../../../lib/testing/test-databases';
import { trainingContext } from '..';
import {
  aTrack,
  athlete,
  errorCode,
  followAccepted,
  followRemoved,
  followRequested,
  openTraining,
  userBlocked,
  userUnblocked,
  type TrainingUnderTest,
} from '../training.test-kit';
import type { Visibility } from '../workouts/workout.repo';

const VISIBILITIES = ['PUBLIC', 'FOLLOWERS', 'PRIVATE'] as const;
type Grant = Record<Visibility, boolean>;
const ALL: Grant = { PUBLIC: true, FOLLOWERS: true, PRIVATE: true };
const FOLLOWER: Grant = { PUBLIC: true, FOLLOWERS: true, PRIVATE: false };
const PUBLIC_ONLY: Grant = { PUBLIC: true, FOLLOWERS: false, PRIVATE: false };
const NONE: Grant = { PUBLIC: false, FOLLOWERS: false, PRIVATE: false };

const WORKOUT = `query ($id: ID!) { workout(id: $id) { id title notes gearIds device calories visibility } }`;
const STREAMS = `query ($id: ID!) { workout(id: $id) { streams(channels: [LATITUDE, HEART_RATE], resolution: 10) {
  offsets series { channel values } } } }`;
const ENTITY = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Workout { id mapPreview } } }`;
const ATHLETE_WORKOUTS = `query ($userId: ID!) { athleteWorkouts(userId: $userId, first: 100) { edges { node { id } } } }`;
const PUBLIC_WORKOUTS = `query ($userId: ID!) { publicWorkouts(userId: $userId, first: 100) { edges { node { id } } } }`;
const PROGRESS = `subscription ($id: ID!) { workoutProgress(workoutId: $id) { workoutId status } }`;

/** What every read answers `viewer` about the workout `id`: one entry per read, comparable as a whole. */
async function readsOf(training: TrainingUnderTest, viewer: Viewer | null, ownerId: string, id: string) {
  const { gql, parts } = training;
  const workout = await gql(viewer, WORKOUT, { id });
  const streams = await gql(viewer, STREAMS, { id });
  const entity = await gql(viewer, ENTITY, { reps: [{ __typename: 'Workout', id }] });
  const listed = (result: Awaited<ReturnType<typeof gql>>, field: string) =>
    (result.data?.[field] as { edges: { node: { id: string } }[] }).edges.some((e) => e.node.id === id);
  // A parent read some other way (a stale reference): the child fields check again.
  const raw = (await parts.workouts.refreshFigures(id))!;
  const directStreams = await parts.telemetry.streams(viewer, raw, ['HEART_RATE'], 10).then(
    (s) => s.offsets.length > 0,
    (error: { code?: string }) => error.code,
  );
  const directPreview = await parts.telemetry.mapPreview(viewer, raw).then(
    (preview) => typeof preview === 'string' && preview.length > 0,
    (error: { code?: string }) => error.code,
  );
  const gpx = await training.exportGpx(viewer, id);
  const gpxBody = await gpx.text();
  return {
    workout: workout.data?.workout ? 'seen' : errorCode(workout),
    streams: (streams.data?.workout as { streams: unknown } | null)?.streams ? 'seen' : errorCode(streams),
    reference: (entity.data?._entities as ({ id: string; mapPreview: string } | null)[])[0]?.mapPreview
      ? 'seen'
      : null,
    directStreams,
    directPreview,
    gpx: gpx.status === 200 && gpxBody.includes('<trkpt') ? 'seen' : gpx.status,
    athleteWorkouts: listed(await gql(viewer, ATHLETE_WORKOUTS, { userId: ownerId }), 'athleteWorkouts'),
    publicWorkouts: listed(await gql(viewer, PUBLIC_WORKOUTS, { userId: ownerId }), 'publicWorkouts'),
    progress: await progressOf(training, viewer, id),
  };
}

/** The first live message's workout id, or the code the subscription was refused with. */
async function progressOf(training: TrainingUnderTest, viewer: Viewer | null, id: string) {
  const result = await training.subscribe(viewer, PROGRESS, { id });
  if (!(Symbol.asyncIterator in result)) return errorCode(result);
  const first = await result.next();
  await result.return?.();
  const message = first.value as { data?: { workoutProgress: { workoutId: string } } };
  return message.data?.workoutProgress.workoutId === id ? 'seen' : 'nothing';
}

/** What `readsOf` answers for a workout the viewer sees (or does not), anonymous apart. */
const expected = (visible: boolean, visibility: Visibility, anonymous: boolean) => ({
  workout: visible ? 'seen' : 'NOT_FOUND',
  streams: visible ? 'seen' : 'NOT_FOUND',
  reference: visible ? 'seen' : null,
  directStreams: visible ? true : 'NOT_FOUND',
  directPreview: visible ? true : 'NOT_FOUND',
  // Exports and live progress are for signed-in athletes.
  gpx: anonymous ? 401 : visible ? 'seen' : 404,
  athleteWorkouts: visible,
  publicWorkouts: visible && visibility === 'PUBLIC',
  progress: anonymous ? 'UNAUTHENTICATED' : visible ? 'seen' : 'NOT_FOUND',
});

describe.each(availableDatabaseKinds())('who may read a workout, on %s', (kind) => {
  const db = useFixture(() => openTestContextDatabase(kind, 'training', trainingContext.createClient));
  const training = useFixture(() => openTraining(db().client));

  const ann = athlete(uuidv7());
  const viewers = {
    owner: ann,
    'accepted follower': athlete(uuidv7()),
    'pending follower': athlete(uuidv7()),
    stranger: athlete(uuidv7()),
    'blocked by the athlete': athlete(uuidv7()),
    'follower who blocked the athlete': athlete(uuidv7()),
    anonymous: null,
  };
  const grants: Record<keyof typeof viewers, Grant> = {
    owner: ALL,
    'accepted follower': FOLLOWER,
    'pending follower': PUBLIC_ONLY,
    stranger: PUBLIC_ONLY,
    'blocked by the athlete': NONE,
    'follower who blocked the athlete': NONE,
    anonymous: PUBLIC_ONLY,
  };
  const ids = {} as Record<Visibility, string>;

  beforeAll(async () => {
    const t = training();
    const id = (name: keyof typeof viewers) => viewers[name]!.userId;
    await t.deliver(
      followAccepted(id('accepted follower'), ann.userId),
      followRequested(id('pending follower'), ann.userId),
      // Social ends the follow when it blocks: the block alone must hide everything, so one keeps it.
      followAccepted(id('blocked by the athlete'), ann.userId),
      userBlocked(ann.userId, id('blocked by the athlete')),
      followRemoved(id('blocked by the athlete'), ann.userId),
      followAccepted(id('follower who blocked the athlete'), ann.userId),
      userBlocked(id('follower who blocked the athlete'), ann.userId),
    );
    for (const visibility of VISIBILITIES)
      ids[visibility] = await t.aFinishedWorkout(ann, aTrack(), visibility);
  });

  const cells = Object.keys(viewers).flatMap((who) =>
    VISIBILITIES.map((visibility) => [who as keyof typeof viewers, visibility] as const),
  );

  it.each(cells)('%s × %s: every read answers as the policy says', async (who, visibility) => {
    const viewer = viewers[who];
    const visible = grants[who][visibility];
    expect(await readsOf(training(), viewer, ann.userId, ids[visibility])).toEqual(
      expected(visible, visibility, viewer === null),
    );
  });

  it("shows the athlete's own fields to the athlete alone", async () => {
    const { gql } = training();
    const asOwner = await gql(ann, WORKOUT, { id: ids.PUBLIC });
    const asStranger = await gql(viewers.stranger, WORKOUT, { id: ids.PUBLIC });
    expect(asOwner.data?.workout).toMatchObject({ title: 'Morning Run', notes: 'felt slow' });
    expect(asStranger.data?.workout).toEqual({
      id: ids.PUBLIC,
      title: 'Morning Run',
      notes: null,
      gearIds: [],
      device: null,
      calories: null,
      visibility: 'PUBLIC',
    });
  });

  it('takes FOLLOWERS workouts away on unfollow, and gives PUBLIC ones back on unblock', async () => {
    const t = training();
    const [carl, dora] = [athlete(uuidv7()), athlete(uuidv7())];
    await t.deliver(followAccepted(carl.userId, ann.userId), userBlocked(dora.userId, ann.userId));
    expect((await readsOf(t, carl, ann.userId, ids.FOLLOWERS)).workout).toBe('seen');
    expect(await readsOf(t, dora, ann.userId, ids.PUBLIC)).toEqual(expected(false, 'PUBLIC', false));

    await t.deliver(followRemoved(carl.userId, ann.userId), userUnblocked(dora.userId, ann.userId));
    expect(await readsOf(t, carl, ann.userId, ids.FOLLOWERS)).toEqual(expected(false, 'FOLLOWERS', false));
    expect(await readsOf(t, carl, ann.userId, ids.PUBLIC)).toEqual(expected(true, 'PUBLIC', false));
    expect(await readsOf(t, dora, ann.userId, ids.PUBLIC)).toEqual(expected(true, 'PUBLIC', false));
    expect((await readsOf(t, dora, ann.userId, ids.FOLLOWERS)).workout).toBe('NOT_FOUND');
  });

  it('keeps the newest follow state when its events arrive out of order, and each event applies once', async () => {
    const t = training();
    const erin = athlete(uuidv7());
    const accepted = followAccepted(erin.userId, ann.userId, new Date(Date.now() - 60_000));
    const removed = followRemoved(erin.userId, ann.userId, new Date(Date.now() - 30_000));
    await t.deliver(removed, accepted, accepted);
    expect((await readsOf(t, erin, ann.userId, ids.FOLLOWERS)).workout).toBe('NOT_FOUND');
    expect(
      await db().client.inboxEvent.count({ where: { eventId: { in: [accepted.id, removed.id] } } }),
    ).toBe(2);
  });

  it("ends a follower's live progress once they are no longer allowed to see the workout", async () => {
    const t = training();
    const fred = athlete(uuidv7());
    await t.deliver(followAccepted(fred.userId, ann.userId));
    const { id } = await t.parts.workouts.start(ann, { sport: 'RUN' });
    await t.parts.workouts.update(ann, { id, visibility: 'FOLLOWERS' });
    const messages = await t.subscribe(fred, PROGRESS, { id });
    if (!(Symbol.asyncIterator in messages)) throw new Error(JSON.stringify(messages.errors));
    expect((await messages.next()).value).toMatchObject({ data: { workoutProgress: { workoutId: id } } });

    await t.deliver(followRemoved(fred.userId, ann.userId));
    await t.parts.workouts.pause(ann, id);
    expect(await messages.next()).toEqual({ done: true, value: undefined });
  });
});
