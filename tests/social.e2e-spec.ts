/**
 * Social through the gateway: two athletes follow with approval, one logs a run, the other's feed and live
 * `feedUpdated` show it with the author's name (identity), handle (social) and distance (training); kudos and
 * a comment with a mention; an avatar uploaded through the gateway's /objects route comes back as WebP
 * without the photo's GPS position; partner search; a club with its feed.
 */
import sharp from 'sharp';
import { aJpegWithGps, SECRET } from '../lib/images/test-images';
import { eventually } from '../lib/testing/eventually';
import {
  AddCommentDocument,
  ApproveFollowerDocument,
  ClubPageDocument,
  ConfirmImageUploadDocument,
  CreateClubDocument,
  FeedDocument,
  FollowDocument,
  GiveKudosDocument,
  JoinClubDocument,
  LogManualDocument,
  MyFollowRequestsDocument,
  PartnersDocument,
  RequestAvatarUploadDocument,
  SocialUserDocument,
  UpdateProfileDocument,
} from './__generated__/operations';
import { anAthlete } from './support/athletes';
import { liveSubscription } from './support/live-subscription';
import { errorCodes, useTestPlatform } from './support/test-platform';

const pulse = useTestPlatform();

const FEED_UPDATED = /* GraphQL */ `
  subscription {
    feedUpdated {
      actor {
        displayName
        profile {
          handle
        }
      }
      workout {
        distanceMeters
      }
    }
  }
`;

interface LiveItem {
  actor: { displayName: string; profile: { handle: string } | null };
  workout: { distanceMeters: number | null } | null;
}

const liveFeed = (token: string) => liveSubscription<LiveItem>(pulse(), token, FEED_UPDATED, 'feedUpdated');

/** An athlete whose profile social has made (it follows identity's event), with the handle given. */
async function anAthleteWithHandle(displayName: string, handle: string) {
  const athlete = await anAthlete(pulse(), displayName);
  await eventually(async () => {
    const result = await pulse().send(UpdateProfileDocument, { input: { handle } }, athlete.accessToken);
    expect(result.errors).toBeUndefined();
  }, 20_000);
  return athlete;
}

const logRun = (token: string, distanceMeters: number, visibility: 'PUBLIC' | 'FOLLOWERS' = 'FOLLOWERS') =>
  pulse().send(
    LogManualDocument,
    {
      input: {
        sport: 'RUN',
        startedAt: new Date(Date.now() - 3_600_000).toISOString(),
        durationSeconds: 1_800,
        distanceMeters,
        visibility,
      },
    },
    token,
  );

describe('social through the gateway', () => {
  it('a follow with approval, a run in the follower’s feed (live too), kudos and a comment', async () => {
    const ann = await anAthleteWithHandle('Ann Follower', 'ann_follows');
    const bob = await anAthleteWithHandle('Bob Runner', 'bob_runs');
    await pulse().send(UpdateProfileDocument, { input: { approveFollowers: true } }, bob.accessToken);

    const asked = await pulse().send(FollowDocument, { userId: bob.user.id }, ann.accessToken);
    expect(asked.data!.follow).toEqual({ user: { id: bob.user.id }, status: 'PENDING' });
    const requests = await pulse().send(MyFollowRequestsDocument, {}, bob.accessToken);
    expect(requests.data!.me.followRequests).toMatchObject({
      totalCount: 1,
      edges: [{ node: { id: ann.user.id, displayName: 'Ann Follower' } }],
    });
    const approved = await pulse().send(ApproveFollowerDocument, { userId: ann.user.id }, bob.accessToken);
    expect(approved.data!.approveFollower.status).toBe('ACCEPTED');

    const live = liveFeed(ann.accessToken);
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const run = await logRun(bob.accessToken, 8_000);
      const workoutId = run.data!.logManualWorkout.id;
      await eventually(() => expect(live.received).toHaveLength(1), 20_000);
      expect(live.received[0]).toEqual({
        actor: { displayName: 'Bob Runner', profile: { handle: 'bob_runs' } },
        workout: { distanceMeters: 8_000 },
      });

      const feed = await pulse().send(FeedDocument, { first: 10 }, ann.accessToken);
      expect(feed.errors).toBeUndefined();
      expect(feed.data!.feed.edges.map((e) => e.node)).toEqual([
        expect.objectContaining({
          verb: 'WORKOUT',
          actor: { id: bob.user.id, displayName: 'Bob Runner', profile: { handle: 'bob_runs' } },
          workout: expect.objectContaining({ id: workoutId, distanceMeters: 8_000 }),
        }),
      ]);

      const kudos = await pulse().send(GiveKudosDocument, { workoutId }, ann.accessToken);
      expect(kudos.data!.giveKudos).toEqual({ count: 1, givenByMe: true });
      const comment = await pulse().send(
        AddCommentDocument,
        { workoutId, text: 'Strong **finish**, @bob_runs! <script>x</script>' },
        ann.accessToken,
      );
      expect(comment.data!.addComment.mentions).toEqual([{ id: bob.user.id }]);
      expect(comment.data!.addComment.html).toContain('<strong>finish</strong>');
      expect(comment.data!.addComment.html).toContain('&lt;script&gt;');

      const seenByBob = await pulse().send(FeedDocument, { first: 1 }, bob.accessToken);
      expect(seenByBob.data!.feed.edges[0]!.node.workout).toMatchObject({
        kudos: { count: 1, givenByMe: false, firstAthletes: [{ displayName: 'Ann Follower' }] },
        comments: { totalCount: 1, edges: [{ node: { author: { displayName: 'Ann Follower' } } }] },
      });
      const profile = await pulse().send(SocialUserDocument, { handle: 'bob_runs' }, ann.accessToken);
      expect(profile.data!.userByHandle).toMatchObject({
        isFollowedByMe: true,
        myFollowStatus: 'ACCEPTED',
        profile: { followerCount: 1 },
        followers: { totalCount: 1, edges: [{ node: { id: ann.user.id } }] },
      });
    } finally {
      live.close();
    }
  });

  it('an avatar goes through the /objects route and comes back as WebP without the photo’s GPS position', async () => {
    const cy = await anAthleteWithHandle('Cy Avatar', 'cy_avatar');
    const photo = await aJpegWithGps();
    expect((await sharp(photo).metadata()).exif).toBeDefined();

    const upload = (
      await pulse().send(RequestAvatarUploadDocument, { contentType: 'image/jpeg' }, cy.accessToken)
    ).data!.requestAvatarUpload;
    // Signed URLs point at APP_URL (the gateway's public address, localhost:4000 under `npm start`); this
    // platform listens on a free port instead, so the test sends them there.
    const onGateway = (url: string) => `${pulse().gatewayOrigin}${url.slice(new URL(url).origin.length)}`;
    expect(new URL(upload.url).pathname).toMatch(/^\/objects\/users\//);
    const put = await fetch(onGateway(upload.url), {
      method: upload.method,
      headers: Object.fromEntries(upload.headers.map((h) => [h.name, h.value])),
      body: photo,
    });
    expect(put.status).toBeLessThan(300);
    const confirmed = await pulse().send(ConfirmImageUploadDocument, { id: upload.id }, cy.accessToken);
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data!.confirmImageUpload).toMatchObject({ width: 512, height: 512 });

    const other = await anAthlete(pulse(), 'Dee Viewer');
    const seen = await pulse().send(SocialUserDocument, { handle: 'cy_avatar' }, other.accessToken);
    const avatar = seen.data!.userByHandle!.profile!.avatar!;
    expect(avatar).toMatchObject({ width: 64, height: 64 });
    const image = await fetch(onGateway(avatar.url));
    expect(image.headers.get('content-type')).toBe('image/webp');
    const bytes = Buffer.from(await image.arrayBuffer());
    const metadata = await sharp(bytes).metadata();
    expect([metadata.format, metadata.exif, metadata.xmp]).toEqual(['webp', undefined, undefined]);
    expect(bytes.includes('GPS')).toBe(false);
    expect(bytes.includes('Pulse Phone')).toBe(false);
    expect(bytes.includes(SECRET)).toBe(false);

    // Not an image, whatever its name says.
    const text = (
      await pulse().send(RequestAvatarUploadDocument, { contentType: 'image/png' }, cy.accessToken)
    ).data!.requestAvatarUpload;
    await fetch(onGateway(text.url), {
      method: 'PUT',
      headers: Object.fromEntries(text.headers.map((h) => [h.name, h.value])),
      body: 'hello, I am text',
    });
    const refused = await pulse().send(ConfirmImageUploadDocument, { id: text.id }, cy.accessToken);
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.message).toMatch(/not an image/i);
  });

  it('finds training partners nearest first, to the kilometre, and a club shows its members’ runs', async () => {
    const seeker = await anAthleteWithHandle('Sam Seeker', 'sam_seeks');
    const near = await anAthleteWithHandle('Nia Near', 'nia_near');
    const far = await anAthleteWithHandle('Fay Far', 'fay_far');
    const hidden = await anAthleteWithHandle('Hal Hidden', 'hal_hidden');
    const paris = { latitude: 48.8566, longitude: 2.3522 };
    const partner = (
      home: { latitude: number; longitude: number },
      homeArea: string,
      partnerSearch = true,
    ) => ({
      input: {
        sports: [{ sport: 'RUN' as const, level: 'INTERMEDIATE' as const }],
        homeLocation: home,
        homeArea,
        partnerSearch,
      },
    });
    await pulse().send(
      UpdateProfileDocument,
      partner({ latitude: 48.86, longitude: 2.36 }, 'Paris'),
      near.accessToken,
    );
    await pulse().send(
      UpdateProfileDocument,
      partner({ latitude: 48.8, longitude: 2.13 }, 'Versailles'),
      far.accessToken,
    );
    await pulse().send(UpdateProfileDocument, partner(paris, 'Paris', false), hidden.accessToken);
    const found = await pulse().send(
      PartnersDocument,
      { search: { sport: 'RUN', near: paris, radiusMeters: 50_000 } },
      seeker.accessToken,
    );
    expect(found.errors).toBeUndefined();
    expect(
      found.data!.partners.edges.map((e) => [e.node.user.displayName, e.node.distanceKm, e.node.homeArea]),
    ).toEqual([
      ['Nia Near', 1, 'Paris'],
      ['Fay Far', 17, 'Versailles'],
    ]);
    const noHome = await pulse().send(PartnersDocument, { search: { sport: 'RUN' } }, seeker.accessToken);
    expect(errorCodes(noHome)).toEqual(['BAD_USER_INPUT']);

    const club = (
      await pulse().send(
        CreateClubDocument,
        { input: { name: 'Paris Runners', sport: 'RUN' } },
        seeker.accessToken,
      )
    ).data!.createClub;
    expect(
      (await pulse().send(JoinClubDocument, { clubId: club.id }, near.accessToken)).data!.joinClub,
    ).toEqual({
      status: 'MEMBER',
      role: 'MEMBER',
    });
    await logRun(near.accessToken, 5_000, 'PUBLIC');
    await eventually(async () => {
      const page = await pulse().send(ClubPageDocument, { id: club.id }, seeker.accessToken);
      expect(page.data!.club).toMatchObject({
        memberCount: 2,
        myMembership: { role: 'OWNER' },
        members: {
          totalCount: 2,
          edges: [{ node: { displayName: 'Sam Seeker' } }, { node: { displayName: 'Nia Near' } }],
        },
        feed: {
          edges: [{ node: { actor: { displayName: 'Nia Near' }, workout: { distanceMeters: 5_000 } } }],
        },
      });
    }, 20_000);
  });
});
