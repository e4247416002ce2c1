/** The live inbox: what a subscriber receives, and that leaving ends the subscription at once. */
import { v4 as uuidv4 } from 'uuid';
import { useFixture } from '../../../../lib/testing/fixture';
import { availableDatabaseKinds } from '../../../../lib/testing/test-databases';
import { gearWorn, kudos } from '../notifications.builders';
import { openTestNotifications, registered } from '../notifications.test-db';

describe.each(availableDatabaseKinds())('the live inbox (%s)', (kind) => {
  const n = useFixture(() => openTestNotifications(kind));

  it('hands a subscriber each new item and each group an event joins, with its count; return() leaves', async () => {
    const ann = uuidv4();
    await n().deliver(registered(ann, 'Ann'));
    const live = n().inbox.subscribe(ann);
    const first = live.next();
    expect(await n().inbox.isLive(ann)).toBe(true);

    await n().deliver(gearWorn(ann, new Date()));
    expect((await first).value).toMatchObject({ workflow: 'gear-worn', count: 1, userId: ann });
    const workoutId = uuidv4();
    await n().deliver(kudos(ann, uuidv4(), workoutId, new Date()));
    expect((await live.next()).value).toMatchObject({ workflow: 'kudos-received', count: 1 });
    await n().deliver(kudos(ann, uuidv4(), workoutId, new Date()));
    expect((await live.next()).value).toMatchObject({ workflow: 'kudos-received', count: 2 });

    // Another user's items never reach this feed.
    const pending = live.next();
    await n().deliver(gearWorn(uuidv4(), new Date()));
    await live.return!();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(await n().inbox.isLive(ann)).toBe(false);
  });
});
