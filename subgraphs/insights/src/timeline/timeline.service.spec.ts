/** The timeline reads on in-memory repositories: daily loads with rest days, the form on a day, race predictions. */
import { v7 as uuidv7 } from 'uuid';
import { fixedClock } from '../../../../lib/clock';
import { aWorkoutSummary } from '../../../../lib/testing/workout-summaries';
import { addDays } from '../form/calendar-days';
import { fakeInsightsRepos } from '../insights.fakes';
import { projectWorkout } from '../projection/athlete-projection';
import { aWorkout } from '../summaries/summaries.builders';
import { ALL_SPORTS, type DailyLoadRow } from './daily-load.repo';
import { createTimelineService, MAX_LOAD_DAYS } from './timeline.service';

const ann = uuidv7();

function newTestTimeline(now = '2026-11-20T12:00:00Z') {
  const repos = fakeInsightsRepos();
  const timeline = createTimelineService({ repos, clock: fixedClock(now) });
  /** A heart-rate run of `trimp` AU at 07:00 UTC on `date`, projected as the consumer does. */
  const runOn = (date: string, trimp: number) =>
    projectWorkout(
      repos,
      aWorkoutSummary({ userId: ann, startedAt: `${date}T07:00:00.000Z`, finishedAt: null, trimp }),
      { id: uuidv7(), at: new Date(), origin: { actorId: null } },
    );
  return { timeline, repos, runOn };
}

const aDay = (overrides: Partial<DailyLoadRow>): DailyLoadRow => ({
  userId: ann,
  date: '2026-11-02',
  sport: ALL_SPORTS,
  load: 80,
  method: 'HEART_RATE',
  workouts: 1,
  ...overrides,
});

describe('trainingLoad', () => {
  it('gives every day of the range, rest days as zeros with method NONE', async () => {
    const { timeline, repos } = newTestTimeline();
    await repos.dailyLoads.replaceDays(
      ann,
      ['2026-11-02', '2026-11-04'],
      [aDay({ date: '2026-11-02' }), aDay({ date: '2026-11-04', load: 150, method: 'MIXED', workouts: 2 })],
    );
    expect(await timeline.trainingLoad(ann, '2026-11-01', '2026-11-05', null)).toEqual([
      { date: '2026-11-01', sport: null, load: 0, method: 'NONE', workouts: 0 },
      { date: '2026-11-02', sport: null, load: 80, method: 'HEART_RATE', workouts: 1 },
      { date: '2026-11-03', sport: null, load: 0, method: 'NONE', workouts: 0 },
      { date: '2026-11-04', sport: null, load: 150, method: 'MIXED', workouts: 2 },
      { date: '2026-11-05', sport: null, load: 0, method: 'NONE', workouts: 0 },
    ]);
  });

  it("reads one sport's rows when a sport is given", async () => {
    const { timeline, repos } = newTestTimeline();
    await repos.dailyLoads.replaceDays(
      ann,
      ['2026-11-02'],
      [aDay({ load: 130, workouts: 2 }), aDay({ sport: 'RUN', load: 50 }), aDay({ sport: 'RIDE' })],
    );
    expect(await timeline.trainingLoad(ann, '2026-11-02', '2026-11-03', 'RUN')).toEqual([
      { date: '2026-11-02', sport: 'RUN', load: 50, method: 'HEART_RATE', workouts: 1 },
      { date: '2026-11-03', sport: 'RUN', load: 0, method: 'NONE', workouts: 0 },
    ]);
  });

  it('refuses a range that ends before it starts, naming `to`', async () => {
    const { timeline } = newTestTimeline();
    await expect(timeline.trainingLoad(ann, '2026-11-05', '2026-11-04', null)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'to' },
    });
  });

  it(`reads up to ${MAX_LOAD_DAYS} days and refuses one more, naming \`to\``, async () => {
    const { timeline } = newTestTimeline();
    const from = '2025-01-01';
    const longest = await timeline.trainingLoad(ann, from, addDays(from, MAX_LOAD_DAYS - 1), null);
    expect(longest).toHaveLength(MAX_LOAD_DAYS);
    await expect(timeline.trainingLoad(ann, from, addDays(from, MAX_LOAD_DAYS), null)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'to' },
    });
  });
});

describe('form', () => {
  it('returns the stored state of a day in the history, a rest day included', async () => {
    const { timeline, repos, runOn } = newTestTimeline();
    await runOn('2026-11-02', 100);
    await runOn('2026-11-04', 120);
    const stored = await repos.formDays.onOrBefore(ann, '2026-11-03');
    expect(stored).toMatchObject({ date: '2026-11-03', day: 2, load: 0 });
    expect(await timeline.form(ann, '2026-11-03')).toEqual(stored);
  });

  it('decays over the rest days after the last training day', async () => {
    const { timeline, repos, runOn } = newTestTimeline();
    await runOn('2026-11-02', 100);
    await runOn('2026-11-04', 120);
    const last = (await repos.formDays.onOrBefore(ann, '2026-11-30'))!;
    expect(last.date).toBe('2026-11-04');

    const rested = (await timeline.form(ann, '2026-11-10'))!;
    expect(rested).toMatchObject({ date: '2026-11-10', day: 9, load: 0 });
    expect(rested.acute).toBeLessThan(last.acute);
    expect(rested.atl).toBeLessThan(last.atl);
    expect(await repos.formDays.between(ann, '2026-11-05', '2026-11-10')).toEqual([]);
  });

  it('is null before the first training day', async () => {
    const { timeline, runOn } = newTestTimeline();
    await runOn('2026-11-02', 100);
    expect(await timeline.form(ann, '2026-11-01')).toBeNull();
  });

  it("reads today by the clock in the athlete's time zone", async () => {
    // 23:30 UTC on the 4th is already the 5th in Tokyo: a rest day after the last training day.
    const { timeline, repos, runOn } = newTestTimeline('2026-11-04T23:30:00Z');
    await runOn('2026-11-02', 100);
    await runOn('2026-11-04', 120);
    expect(await timeline.form(ann, null)).toMatchObject({ date: '2026-11-04', load: 120 });
    await repos.athletes.update(ann, { timeZone: 'Asia/Tokyo' });
    expect(await timeline.form(ann, null)).toMatchObject({ date: '2026-11-05', load: 0 });
  });
});

describe('racePredictions', () => {
  const effort = (name: string, distanceMeters: number, seconds: number) => ({
    name,
    distanceMeters,
    seconds,
  });

  it('predicts from the running best efforts of the last 365 days only', async () => {
    const { timeline, repos } = newTestTimeline('2026-11-20T12:00:00Z');
    const recent = aWorkout({
      userId: ann,
      localDate: '2026-10-20',
      bestEfforts: [effort('5k', 5000, 1500)],
    });
    await repos.workouts.save(recent);
    // Faster, but 366 days before today; and a ride, faster still, that is no running.
    await repos.workouts.save(
      aWorkout({ userId: ann, localDate: '2025-11-19', bestEfforts: [effort('5k', 5000, 1100)] }),
    );
    await repos.workouts.save(
      aWorkout({
        userId: ann,
        sport: 'RIDE',
        localDate: '2026-11-01',
        bestEfforts: [effort('5k', 5000, 420)],
      }),
    );

    const predictions = await timeline.racePredictions(ann);
    expect(predictions.map((p) => p.targetName)).toEqual(['5k', '10k', 'half_marathon', 'marathon']);
    expect(predictions.every((p) => p.from.workoutId === recent.id)).toBe(true);
    expect(predictions[0]).toMatchObject({
      predictedSeconds: 1500,
      from: { name: '5k', workoutId: recent.id, date: '2026-10-20' },
    });
  });

  it('predicts nothing without running efforts', async () => {
    const { timeline } = newTestTimeline();
    expect(await timeline.racePredictions(ann)).toEqual([]);
  });
});
