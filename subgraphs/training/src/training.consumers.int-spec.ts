import { v7 as uuidv7 } from 'uuid';
import { createEvent, toBusMessage } from '../../../lib/events/envelope';
import { dispatcher } from '../../../lib/events/event-consumer';
import { useFixture } from '../../../lib/testing/fixture';
import { availableDatabaseKinds, openTestContextDatabase } from '../../../lib/testing/test-databases';
import { testContextRuntime } from '../../../lib/testing/context-runtime';
import { trainingContext } from '.';
import { gpxFixture } from '../../../lib/testing/gpx-fixtures';
import { aTrack, athlete, followAccepted, openTraining, userBlocked, userDeleted } from './training.test-kit';
import { createKnownGearRepo } from './workouts/known-gear.repo';

describe.each(availableDatabaseKinds())("training's copy of the athletes' gear on %s", (kind) => {
  const db = useFixture(() => openTestContextDatabase(kind, 'training', trainingContext.createClient));

  const deliver = async (event: ReturnType<typeof gearChanged>) => {
    const runtime = testContextRuntime('training', db().client);
    const handlers = trainingContext.consumers!(await trainingContext.parts(runtime), runtime);
    await dispatcher(handlers)({
      ...toBusMessage(event),
      partition: 0,
      offset: '0',
      timestamp: new Date(),
      attempt: 1,
    });
    await runtime.release();
  };
  const gearChanged = (
    gearId: string,
    userId: string,
    status: 'ACTIVE' | 'RETIRED',
    defaultForSports: string[],
  ) =>
    createEvent(
      'inventory.gear.changed',
      gearId,
      { gearId, userId, kind: 'SHOES', status, defaultForSports },
      { actorId: userId },
    );

  it('follows inventory.gear.changed, once per event even when it is delivered twice', async () => {
    const [gearId, userId] = [uuidv7(), uuidv7()];
    const added = gearChanged(gearId, userId, 'ACTIVE', ['RUN']);
    await deliver(added);
    await deliver(added);
    const retired = gearChanged(gearId, userId, 'RETIRED', []);
    await deliver(retired);

    expect(await createKnownGearRepo(db().client).ofUser(userId)).toEqual([
      { gearId, userId, status: 'RETIRED', defaultForSports: [] },
    ]);
    expect(await db().client.inboxEvent.count({ where: { eventId: { in: [added.id, retired.id] } } })).toBe(
      2,
    );
  });
});

describe.each(availableDatabaseKinds())('identity.user.deleted in training on %s', (kind) => {
  const db = useFixture(() => openTestContextDatabase(kind, 'training', trainingContext.createClient));
  const training = useFixture(() => openTraining(db().client));

  it('erases everything training holds about the user, and nothing of anyone else', async () => {
    const t = training();
    const [ann, bob] = [athlete(uuidv7()), athlete(uuidv7())];
    const gearId = uuidv7();
    await t.deliver(
      createEvent(
        'inventory.gear.changed',
        gearId,
        { gearId, userId: ann.userId, kind: 'SHOES', status: 'ACTIVE', defaultForSports: [] },
        { actorId: ann.userId },
      ),
      followAccepted(ann.userId, bob.userId),
      followAccepted(bob.userId, ann.userId),
      userBlocked(ann.userId, uuidv7()),
    );
    const annWorkout = await t.aFinishedWorkout(ann, aTrack(), 'PUBLIC');
    const bobWorkout = await t.aFinishedWorkout(bob, aTrack(), 'PUBLIC');
    await t.parts.imports.accept(ann, {
      bytes: gpxFixture('around-visnjan-with-car.gpx'),
      fileName: 'ride.gpx',
      contentType: null,
      sport: null,
    });
    await t.parts.profiles.save(ann, { maxHeartRate: 190 });
    await t.parts.privacy.addZone(ann, { latitude: 45.9, longitude: 14.5, radiusMeters: 200 });
    await t.parts.privacy.setHideStartEnd(ann, 200);

    const client = db().client;
    const holdings = async (userId: string) => ({
      workouts: await client.workout.count({ where: { userId } }),
      samples: await client.telemetrySample.count({ where: { workoutId: { in: [annWorkout, bobWorkout] } } }),
      bestEfforts: await client.bestEffort.count({ where: { userId } }),
      imports: await client.importJob.count({ where: { userId } }),
      profile: await client.trainingProfile.count({ where: { userId } }),
      gear: await client.knownGear.count({ where: { userId } }),
      zones: await client.privacyZone.count({ where: { userId } }),
      trackPrivacy: await client.trackPrivacy.count({ where: { userId } }),
      follows: await client.follow.count({ where: { OR: [{ followerId: userId }, { followeeId: userId }] } }),
      blocks: await client.block.count({ where: { OR: [{ blockerId: userId }, { blockedId: userId }] } }),
    });
    expect(await holdings(ann.userId)).toMatchObject({ workouts: 1, imports: 1, zones: 1, follows: 2 });

    const deleted = userDeleted(ann.userId);
    await t.deliver(deleted, deleted);

    expect(await holdings(ann.userId)).toEqual({
      workouts: 0,
      samples: 30, // bob's
      bestEfforts: 0,
      imports: 0,
      profile: 0,
      gear: 0,
      zones: 0,
      trackPrivacy: 0,
      follows: 0,
      blocks: 0,
    });
    expect(await client.workout.count({ where: { id: bobWorkout } })).toBe(1);
    expect(await client.telemetryBatch.count({ where: { workoutId: annWorkout } })).toBe(0);
  });
});
