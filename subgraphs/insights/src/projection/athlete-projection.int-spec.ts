import { v7 as uuidv7 } from 'uuid';
import { createEvent, type AnyEvent } from '../../../../lib/events/envelope';
import { useFixture } from '../../../../lib/testing/fixture';
import { availableDatabaseKinds } from '../../../../lib/testing/test-databases';
import { addDays } from '../form/calendar-days';
import { completed, openTestInsights, runOn } from '../insights.test-db';
import { clearProjections } from './clear-projections';

const DAY_1 = '2026-09-01';
const days = (count: number, from = DAY_1) => Array.from({ length: count }, (_, i) => addDays(from, i));

describe.each(availableDatabaseKinds())('the insights projection on %s', (kind) => {
  const insights = useFixture(() => openTestInsights(kind));

  const deliverAll = async (events: AnyEvent[]) => {
    for (const event of events) await insights().deliver(event);
  };
  const formDays = (userId: string) =>
    insights().prisma.formDay.findMany({
      where: { userId },
      orderBy: { date: 'asc' },
      omit: { userId: true },
    });

  it('projects workouts of one athlete and day that arrive together, one after the other', async () => {
    const cy = uuidv7();
    // Each workout has its own key: the bus may hand them to the projection at the same time.
    await Promise.all([1, 2, 3, 4].map(() => insights().deliver(runOn(cy, DAY_1, 100))));
    const [day] = await insights().prisma.dailyLoad.findMany({ where: { userId: cy, sport: '' } });
    expect(day).toMatchObject({ date: DAY_1, load: 400, workouts: 4 });
  });

  it('computes the worked example: 28 days at 300 AU then 7 at 600', async () => {
    const ann = uuidv7();
    await deliverAll([
      ...days(28).map((date) => runOn(ann, date, 300)),
      ...days(7, addDays(DAY_1, 28)).map((date) => runOn(ann, date, 600)),
    ]);
    const form = await insights().timeline.form(ann, addDays(DAY_1, 34));
    expect(form).toMatchObject({ day: 35, load: 600 });
    expect(form!.acute).toBeCloseTo(559.95, 2);
    expect(form!.chronic).toBeCloseTo(418.08, 2);
    expect(form!.acwrEwma).toBeCloseTo(1.34, 2);
    expect(form!.acwrCoupled).toBeCloseTo(1.6, 2);
    expect(form!.acwrUncoupled).toBeCloseTo(2.0, 2);
    // 1.34 is no spike: nothing raised.
    expect(await insights().repos.flags.raised(ann)).toBeNull();
  });

  it('raises a load spike after day 28 with its inputs, advises rest by model version 1, and announces both', async () => {
    const bob = uuidv7();
    await deliverAll([
      ...days(28).map((date) => runOn(bob, date, 300)),
      ...days(7, addDays(DAY_1, 28)).map((date) => runOn(bob, date, 1200)),
    ]);
    const flag = await insights().repos.flags.raised(bob);
    expect(flag).toMatchObject({ method: 'ACWR_EWMA', modelVersion: 'load-spike@1' });
    expect(flag!.raisedOn > addDays(DAY_1, 28)).toBe(true);
    expect(flag!.ratio).toBeGreaterThan(1.5);
    const [advice] = await insights().repos.recommendations.page(bob, null, 10, null);
    expect(advice).toMatchObject({ kind: 'REST_OR_EASY', modelName: 'recommendations', modelVersion: 1 });
    expect(advice!.rulesFired).toContain('REST_WHEN_LOAD_SPIKE');
    expect(advice!.inputsHash).toMatch(/^[0-9a-f]{64}$/);
    const outbox = await insights().prisma.outboxEvent.findMany({
      where: { key: bob },
      orderBy: { sequence: 'asc' },
    });
    expect(outbox.map((row) => row.type)).toEqual(
      expect.arrayContaining(['insights.load-flag.raised', 'insights.recommendation.created']),
    );
  });

  it('recomputes forward from a late workout to the same form as in order', async () => {
    const [inOrder, late] = [uuidv7(), uuidv7()];
    const loads = days(40).map((date, i) => [date, 100 + ((i * 37) % 90)] as const);
    await deliverAll(loads.map(([date, trimp]) => runOn(inOrder, date, trimp)));
    const withoutDay10 = loads.filter((_, i) => i !== 9);
    await deliverAll(withoutDay10.map(([date, trimp]) => runOn(late, date, trimp)));
    await insights().deliver(runOn(late, loads[9]![0], loads[9]![1]));
    expect(await formDays(late)).toEqual(await formDays(inOrder));
  });

  it('recomputes forward after an edit and a deletion, and forgets days after the last workout', async () => {
    const cy = uuidv7();
    const events = days(10).map((date) => runOn(cy, date, 200));
    await deliverAll(events);
    const third = events[2]!.data as { workoutId: string };
    const edited = { ...(events[2]!.data as object), trimp: 500 } as never;
    await insights().deliver(
      createEvent('training.workout.updated', third.workoutId, edited, { actorId: cy }),
    );
    const afterEdit = await formDays(cy);
    expect(afterEdit[2]!.load).toBe(500);
    expect(afterEdit[9]!.acute).toBeGreaterThan(200);

    const last = events[9]!.data as { workoutId: string };
    await insights().deliver(
      createEvent(
        'training.workout.deleted',
        last.workoutId,
        { workoutId: last.workoutId, userId: cy, deletedAt: '2026-09-12T00:00:00.000Z' },
        { actorId: cy },
      ),
    );
    const afterDelete = await formDays(cy);
    expect(afterDelete).toHaveLength(9);
    expect(afterDelete).toEqual(afterEdit.slice(0, 9));
  });

  it('applies an event once however often it is delivered', async () => {
    const dee = uuidv7();
    const event = runOn(dee, DAY_1, 150);
    await insights().deliver(event);
    await insights().deliver(event);
    expect(await insights().prisma.dailyLoad.findMany({ where: { userId: dee, sport: '' } })).toEqual([
      expect.objectContaining({ load: 150, workouts: 1 }),
    ]);
  });

  it('rebuilds from the same events exactly the tables it built incrementally', async () => {
    const eve = uuidv7();
    const events: AnyEvent[] = days(45).map((date, i) => runOn(eve, date, i < 35 ? 250 : 900));
    const swim = completed({
      userId: eve,
      sport: 'POOL_SWIM',
      startedAt: `${addDays(DAY_1, 3)}T18:00:00.000Z`,
      trimp: null,
    });
    events.push(swim);
    events.push(
      createEvent(
        'identity.user.updated',
        eve,
        { userId: eve, displayName: 'Eve', timeZone: 'Asia/Tokyo', updatedAt: '2026-10-20T00:00:00.000Z' },
        { actorId: eve },
      ),
    );
    events.push(runOn(eve, addDays(DAY_1, 10), 50)); // late
    await clearProjections(insights().prisma);
    await deliverAll(events);

    const snapshot = async () => ({
      workouts: await insights().prisma.workout.findMany({ orderBy: { id: 'asc' } }),
      dailyLoads: await insights().prisma.dailyLoad.findMany({
        orderBy: [{ userId: 'asc' }, { date: 'asc' }, { sport: 'asc' }],
      }),
      formDays: await insights().prisma.formDay.findMany({ orderBy: [{ userId: 'asc' }, { date: 'asc' }] }),
      flags: await insights().prisma.loadFlag.findMany({ orderBy: { id: 'asc' } }),
      summaries: await insights().prisma.periodSummary.findMany({
        orderBy: [{ userId: 'asc' }, { period: 'asc' }, { start: 'asc' }, { sport: 'asc' }],
      }),
      recommendations: await insights().prisma.recommendation.findMany({ orderBy: { id: 'asc' } }),
    });
    const incremental = await snapshot();
    expect(incremental.flags.length).toBeGreaterThan(0);
    expect(incremental.summaries.length).toBeGreaterThan(0);

    const outboxBefore = await insights().prisma.outboxEvent.count();
    await clearProjections(insights().prisma);
    expect(await insights().prisma.formDay.count()).toBe(0);
    await deliverAll(events);
    expect(await snapshot()).toEqual(incremental);
    // The events of the rebuilt flags are the same events again: nothing new in the outbox.
    expect(await insights().prisma.outboxEvent.count()).toBe(outboxBefore);
  });

  it('forgets every row of a deleted athlete', async () => {
    const fay = uuidv7();
    await deliverAll(days(3).map((date) => runOn(fay, date, 100)));
    await insights().athletes.setConsent({ userId: fay, roles: ['ATHLETE'] }, { modelTraining: true });
    await insights().deliver(
      createEvent(
        'identity.user.deleted',
        fay,
        { userId: fay, deletedAt: '2026-10-01T00:00:00.000Z' },
        { actorId: fay },
      ),
    );
    for (const table of ['workout', 'dailyLoad', 'formDay', 'periodSummary', 'athlete'] as const)
      expect(
        await (insights().prisma[table] as { count(args: object): Promise<number> }).count({
          where: { userId: fay },
        }),
      ).toBe(0);
  });
});
