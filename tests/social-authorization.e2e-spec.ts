/**
 * The authorization matrix through the gateway: owner, accepted follower, pending follower, stranger,
 * blocked athlete and anonymous caller × a PUBLIC, a FOLLOWERS and a PRIVATE workout × every read of it
 * (the workout, its streams, its GPX export, its live progress, the feed) — and the owner's profile, which
 * is for followers only. Each cell is asserted; what may not be seen is answered as if it did not exist.
 */
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { eventually } from '../lib/testing/eventually';
import {
  ApproveFollowerDocument,
  BlockDocument,
  FeedDocument,
  FinishRecordingDocument,
  FollowDocument,
  SetVisibilityDocument,
  SocialUserDocument,
  StartWithIdDocument,
  UpdateProfileDocument,
  WorkoutProgressDocument,
  WorkoutSeenDocument,
  WorkoutStreamsDocument,
} from './__generated__/operations';
import { anAthlete } from './support/athletes';
import { errorCodes, useTestPlatform } from './support/test-platform';
import { ndjson, runSamples } from './support/tracks';

const pulse = useTestPlatform();

type Visibility = 'PUBLIC' | 'FOLLOWERS' | 'PRIVATE';
type Viewer = 'owner' | 'follower' | 'pending' | 'stranger' | 'blocked' | 'anonymous';
const VISIBILITIES: Visibility[] = ['PUBLIC', 'FOLLOWERS', 'PRIVATE'];

/** Which workouts each viewer may see. */
const SEES: Record<Viewer, Visibility[]> = {
  owner: ['PUBLIC', 'FOLLOWERS', 'PRIVATE'],
  follower: ['PUBLIC', 'FOLLOWERS'],
  pending: ['PUBLIC'],
  stranger: ['PUBLIC'],
  blocked: [],
  anonymous: ['PUBLIC'],
};
/** Whose home feed holds the owner's workouts (the owner's own, and an accepted follower's). */
const FEED: Record<Exclude<Viewer, 'anonymous'>, Visibility[]> = {
  owner: ['PUBLIC', 'FOLLOWERS', 'PRIVATE'],
  follower: ['PUBLIC', 'FOLLOWERS'],
  pending: [],
  stranger: [],
  blocked: [],
};

let tokens: Record<Exclude<Viewer, 'anonymous'>, string>;
const workouts = {} as Record<Visibility, string>;
const tokenOf = (viewer: Viewer) => (viewer === 'anonymous' ? undefined : tokens[viewer]);

async function recordRun(token: string, visibility: Visibility, minutesAgo: number): Promise<string> {
  const start = Date.now() - minutesAgo * 60_000;
  const started = await pulse().send(
    StartWithIdDocument,
    { sport: 'RUN', startedAt: new Date(start).toISOString() },
    token,
  );
  const id = started.data!.startWorkout.id;
  const response = await fetch(`${pulse().gatewayOrigin}/telemetry/workouts/${id}/batches/b1`, {
    method: 'POST',
    body: ndjson(runSamples({ start, seconds: 120, speed: 3 })),
    headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  await pulse().send(
    FinishRecordingDocument,
    { id, finishedAt: new Date(start + 121_000).toISOString() },
    token,
  );
  const set = await pulse().send(SetVisibilityDocument, { id, visibility }, token);
  expect(set.data!.updateWorkout.visibility).toBe(visibility);
  return id;
}

/**
 * The first message of a workoutProgress subscription through the gateway, or how the gateway closed the
 * socket: 4403 when the subgraph refused it (the workout is NOT_FOUND for this viewer, or nobody signed in).
 */
function liveProgress(workoutId: string, token: string | undefined): Promise<string> {
  return new Promise((resolve) => {
    const client = createClient({
      url: pulse().platform.gateway.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
      on: { closed: (event) => done(`closed ${(event as { code: number }).code}`) },
    });
    let settled = false;
    const done = (outcome: string) => {
      if (settled) return;
      settled = true;
      void client.dispose();
      resolve(outcome);
    };
    client.subscribe<{ workoutProgress: { workoutId: string } }>(
      { query: print(WorkoutProgressDocument), variables: { workoutId } },
      {
        next: (r) =>
          done(
            r.data
              ? `seen ${r.data.workoutProgress.workoutId}`
              : JSON.stringify(r.errors?.map((e) => e.extensions?.code)),
          ),
        error: () => undefined,
        complete: () => done('completed without a message'),
      },
    );
  });
}

beforeAll(async () => {
  const [owner, follower, pending, stranger, blocked] = await Promise.all(
    ['Olga Owner', 'Fay Follower', 'Pat Pending', 'Sid Stranger', 'Bea Blocked'].map((name) =>
      anAthlete(pulse(), name),
    ),
  );
  tokens = {
    owner: owner!.accessToken,
    follower: follower!.accessToken,
    pending: pending!.accessToken,
    stranger: stranger!.accessToken,
    blocked: blocked!.accessToken,
  };
  await eventually(async () => {
    const profile = await pulse().send(
      UpdateProfileDocument,
      { input: { handle: 'olga_owner', visibility: 'FOLLOWERS' } },
      tokens.owner,
    );
    expect(profile.errors).toBeUndefined();
  }, 20_000);
  for (const [who, athlete] of [
    ['follower', follower],
    ['pending', pending],
    ['blocked', blocked],
  ] as const) {
    const asked = await pulse().send(FollowDocument, { userId: owner!.user.id }, tokens[who]);
    expect(asked.data!.follow.status).toBe('PENDING');
    void athlete;
  }
  await pulse().send(ApproveFollowerDocument, { userId: follower!.user.id }, tokens.owner);
  await pulse().send(BlockDocument, { userId: blocked!.user.id }, tokens.owner);
  for (const [i, visibility] of VISIBILITIES.entries())
    workouts[visibility] = await recordRun(tokens.owner, visibility, 90 - i * 10);
  // Training learns follows and blocks, social the workouts, from events: wait until both have.
  await eventually(async () => {
    const seen = await pulse().send(WorkoutSeenDocument, { id: workouts.FOLLOWERS }, tokens.follower);
    expect(seen.data?.workout?.id).toBe(workouts.FOLLOWERS);
    const blocked = await pulse().send(WorkoutSeenDocument, { id: workouts.PUBLIC }, tokens.blocked);
    expect(errorCodes(blocked)).toEqual(['NOT_FOUND']);
    const feed = await pulse().send(FeedDocument, { first: 10 }, tokens.owner);
    expect(feed.data!.feed.edges).toHaveLength(3);
  }, 30_000);
}, 120_000);

const VIEWERS: Viewer[] = ['owner', 'follower', 'pending', 'stranger', 'blocked', 'anonymous'];
const cells = VIEWERS.flatMap((viewer) => VISIBILITIES.map((visibility) => [viewer, visibility] as const));

describe.each(cells)('%s × a %s workout', (viewer, visibility) => {
  const visible = SEES[viewer].includes(visibility);

  it(`workout(id) ${visible ? 'answers it' : 'is NOT_FOUND'}`, async () => {
    const result = await pulse().send(WorkoutSeenDocument, { id: workouts[visibility] }, tokenOf(viewer));
    if (visible) expect(result.data!.workout!.id).toBe(workouts[visibility]);
    else expect(errorCodes(result)).toEqual(['NOT_FOUND']);
  });

  it(`its streams ${visible ? 'are read' : 'are NOT_FOUND'}`, async () => {
    const result = await pulse().send(
      WorkoutStreamsDocument,
      { id: workouts[visibility], channels: ['LATITUDE', 'HEART_RATE'] },
      tokenOf(viewer),
    );
    if (visible) expect(result.data!.workout!.streams.offsets.length).toBeGreaterThan(0);
    else expect(errorCodes(result)).toEqual(['NOT_FOUND']);
  });

  it(`its GPX export ${visible && viewer !== 'anonymous' ? 'is 200' : 'is refused'}`, async () => {
    const token = tokenOf(viewer);
    const response = await fetch(`${pulse().gatewayOrigin}/exports/workouts/${workouts[visibility]}.gpx`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    // Exports are for signed-in athletes: anonymous callers get 401 whatever the workout.
    const expected = viewer === 'anonymous' ? 401 : visible ? 200 : 404;
    expect(response.status).toBe(expected);
    if (expected === 200) expect(await response.text()).toContain('<trkpt');
  });

  it(`its live progress ${visible && viewer !== 'anonymous' ? 'is sent' : 'is refused'}`, async () => {
    const outcome = await liveProgress(workouts[visibility], tokenOf(viewer));
    // Live positions are for signed-in athletes: an anonymous caller is refused whatever the workout.
    expect(outcome).toBe(visible && viewer !== 'anonymous' ? `seen ${workouts[visibility]}` : 'closed 4403');
  });

  it('the feed holds it only for its owner and accepted followers', async () => {
    const result = await pulse().send(FeedDocument, { first: 20 }, tokenOf(viewer));
    if (viewer === 'anonymous') return expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    const ids = result.data!.feed.edges.map((e) => e.node.workout?.id);
    expect(ids.includes(workouts[visibility])).toBe(FEED[viewer].includes(visibility));
  });
});

describe.each(VIEWERS)('%s × the owner’s followers-only profile', (viewer) => {
  it('is shown to the owner and the accepted follower only', async () => {
    const result = await pulse().send(SocialUserDocument, { handle: 'olga_owner' }, tokenOf(viewer));
    expect(result.errors).toBeUndefined();
    const shown = ['owner', 'follower'].includes(viewer);
    expect(result.data!.userByHandle?.profile?.handle ?? null).toBe(shown ? 'olga_owner' : null);
  });
});
