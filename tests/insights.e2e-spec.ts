import { eventually } from '../lib/testing/eventually';
import {
  InsightModelsDocument,
  InsightsOfPublicAthleteDocument,
  LogManualDocument,
  MyInsightsDocument,
  RateWorkoutEffortDocument,
  ReportInjuryDocument,
  SetInsightsConsentDocument,
  SetTimeZoneDocument,
} from './__generated__/operations';
import { anAthlete } from './support/athletes';
import { errorCodes, useTestPlatform } from './support/test-platform';

const pulse = useTestPlatform();
const RANGE = { from: '2026-11-16', to: '2026-11-22' };

/** A 45-minute 9 km run logged at `startedAt`, without heart rate. */
const logRun = async (token: string, startedAt: string, visibility: 'PUBLIC' | 'PRIVATE' = 'PRIVATE') =>
  (
    await pulse().send(
      LogManualDocument,
      { input: { sport: 'RUN', startedAt, durationSeconds: 2_700, distanceMeters: 9_000, visibility } },
      token,
    )
  ).data!.logManualWorkout.id;

describe('insights through the gateway (training → events → insights)', () => {
  it("shows an athlete their load, form and weeks in their time zone, and a session RPE's effect", async () => {
    const ann = await anAthlete(pulse(), 'Ann Insights');
    const zone = await pulse().send(SetTimeZoneDocument, { timeZone: 'asia/tokyo' }, ann.accessToken);
    expect(zone.data!.setTimeZone.timeZone).toBe('Asia/Tokyo');
    // 2026-11-17 20:00 UTC is the 18th in Tokyo.
    const workoutId = await logRun(ann.accessToken, '2026-11-17T20:00:00Z');

    const mine = async () => (await pulse().send(MyInsightsDocument, RANGE, ann.accessToken)).data!.me;
    await eventually(async () => {
      const me = await mine();
      const trained = me.trainingLoad!.filter((day) => day.workouts > 0);
      expect(trained).toEqual([
        { date: '2026-11-18', load: expect.any(Number), method: 'PACE', workouts: 1 },
      ]);
      expect(trained[0]!.load).toBeGreaterThan(0);
    });
    const me = await mine();
    expect(me.trainingLoad).toHaveLength(7);
    expect(me.weeklySummaries).toEqual([
      { start: '2026-11-16', workouts: 1, distanceMeters: 9_000, load: me.trainingLoad![2]!.load },
    ]);
    expect(me.form).toMatchObject({ historyDays: expect.any(Number) });
    expect(me.insightsConsent).toEqual({ modelTraining: false, cohortBenchmarks: false });

    const rated = await pulse().send(
      RateWorkoutEffortDocument,
      { workoutId, sessionRpe: 8 },
      ann.accessToken,
    );
    expect(rated.data!.rateWorkoutEffort).toMatchObject({ workoutId, sessionRpe: 8, method: 'SESSION_RPE' });
    const afterRating = (await mine()).trainingLoad![2]!;
    expect(afterRating).toMatchObject({ method: 'SESSION_RPE', load: rated.data!.rateWorkoutEffort.load });

    const bad = await pulse().send(RateWorkoutEffortDocument, { workoutId, sessionRpe: 11 }, ann.accessToken);
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    // Both ranged fields refuse a reversed range; a day that does not exist is refused before any subgraph.
    const reversed = await pulse().send(
      MyInsightsDocument,
      { from: RANGE.to, to: RANGE.from },
      ann.accessToken,
    );
    expect(new Set(errorCodes(reversed))).toEqual(new Set(['BAD_USER_INPUT']));
    expect(reversed.errors!.map((e) => e.extensions?.field)).toEqual(['to', 'to']);
    const notADay = await pulse().send(
      MyInsightsDocument,
      { from: '2026-02-30', to: RANGE.to },
      ann.accessToken,
    );
    expect(errorCodes(notADay)).toEqual(['BAD_USER_INPUT']);
  });

  it('keeps every insight of an athlete from other athletes and from anonymous callers (authorization matrix)', async () => {
    const ann = await anAthlete(pulse(), 'Ann Owner');
    const bob = await anAthlete(pulse(), 'Bob Other');
    await logRun(ann.accessToken, '2026-11-18T06:00:00Z', 'PUBLIC');
    await pulse().send(
      ReportInjuryDocument,
      { input: { date: '2026-11-19', bodyArea: 'KNEE', severity: 3 } },
      ann.accessToken,
    );
    await pulse().send(SetInsightsConsentDocument, { input: { modelTraining: true } }, ann.accessToken);
    const read = (token?: string) =>
      pulse().send(InsightsOfPublicAthleteDocument, { userId: ann.user.id, ...RANGE }, token);
    const athleteIn = (result: Awaited<ReturnType<typeof read>>) =>
      result.data!.publicWorkouts.edges[0]!.node.athlete;

    await eventually(async () => {
      expect(athleteIn(await read(ann.accessToken)).form).not.toBeNull();
    });
    const own = athleteIn(await read(ann.accessToken));
    expect(own).toMatchObject({
      loadFlags: { raisedCount: 0 },
      recommendations: { edges: [] },
      insightsConsent: { modelTraining: true },
      injuryReports: [{ id: expect.any(String) }],
      yearOverYear: { year: expect.any(Number) },
    });
    expect(own.trainingLoad).toHaveLength(7);

    const seenByBob = await read(bob.accessToken);
    expect(seenByBob.errors).toBeUndefined();
    expect(athleteIn(seenByBob)).toEqual({
      id: ann.user.id,
      form: null,
      trainingLoad: null,
      loadFlags: null,
      recommendations: null,
      racePredictions: null,
      weeklySummaries: null,
      monthlySummaries: null,
      yearOverYear: null,
      cohortBenchmark: null,
      insightsConsent: null,
      injuryReports: null,
    });

    const anonymous = await read();
    expect(anonymous.data?.publicWorkouts ?? null).toBeNull();
    expect(errorCodes(anonymous)).toContain('UNAUTHENTICATED');
  });

  it('lists the model registry with the rule models serving', async () => {
    const { accessToken } = await anAthlete(pulse());
    const models = (await pulse().send(InsightModelsDocument, {}, accessToken)).data!.insightModels;
    expect(models).toEqual(
      expect.arrayContaining([
        { name: 'recommendations', version: 1, kind: 'RULES', serving: true },
        { name: 'load-spike', version: 1, kind: 'RULES', serving: true },
      ]),
    );
  });
});
