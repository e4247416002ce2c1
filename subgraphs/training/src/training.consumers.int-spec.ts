import { v7 as uuidv7 } from 'uuid';
import { createEvent, toBusMessage } from '../../../lib/events/envelope';
import { dispatcher } from '../../../lib/events/event-consumer';
import { useFixture } from '../../../lib/testing/fixture';
import { availableDatabaseKinds, openTestContextDatabase } from '../../../lib/testing/test-databases';
import { testContextRuntime } from '../../../lib/testing/context-runtime';
import { trainingContext } from '.';
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
