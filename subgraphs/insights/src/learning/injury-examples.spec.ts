import { addDays } from '../form/calendar-days';
import { featuresOf } from '../models/injury-features';
import { ruleRiskScore } from '../models/rule-model';
import { injuryExamples, ruleScoreOf, type InjuryFormDay } from './injury-examples';

const ANN = 'ann';
const BOB = 'bob';

/** `count` consecutive days of one athlete from day `firstDay`, on 2026-01-01 + (day − 1). */
const days = (
  userId: string,
  count: number,
  firstDay = 1,
  change: Partial<InjuryFormDay> = {},
): InjuryFormDay[] =>
  Array.from({ length: count }, (_, index) => {
    const day = firstDay + index;
    return {
      userId,
      date: addDays('2026-01-01', day - 1),
      day,
      acwrEwma: 1.1,
      chronic: 50,
      tsb: -5,
      monotony: 1.5,
      ...change,
    };
  });
const dateOfDay = (day: number) => addDays('2026-01-01', day - 1);

describe('injuryExamples', () => {
  it('gives one example per day from day 29 on, leaving out the last 7 days (their window is not over)', () => {
    const examples = injuryExamples({ consenting: [ANN], days: days(ANN, 60), injuries: [] });
    // Day 53's window (53, 60] ends on the last FormDay; days 54 to 60 are left out.
    expect(examples.map((example) => example.day)).toEqual(Array.from({ length: 25 }, (_, i) => 29 + i));
    expect(examples[0]).toMatchObject({ athleteId: ANN, date: dateOfDay(29), y: 0 });
  });

  it('labels a day 1 when an injury is reported in (day, day + 7], not on the day itself', () => {
    const injuries = [{ userId: ANN, date: dateOfDay(40) }];
    const examples = injuryExamples({ consenting: [ANN], days: days(ANN, 60), injuries });
    const positives = examples.filter((example) => example.y === 1).map((example) => example.day);
    expect(positives).toEqual([33, 34, 35, 36, 37, 38, 39]);
  });

  it('uses the day’s features and the rule model’s score of the same day', () => {
    const spike = days(ANN, 60, 1, { acwrEwma: 1.6, tsb: -12 });
    const [first] = injuryExamples({ consenting: [ANN], days: spike, injuries: [] });
    expect(first!.x).toEqual(featuresOf(spike[28]!));
    expect(first!.ruleScore).toBe(1);
    expect(ruleScoreOf({ acwrEwma: 1.2, tsb: -12, day: 50 })).toBe(
      ruleRiskScore({ loadSpikeRaised: false, tsb: -12, day: 50 }),
    );
  });

  it('raises the load spike in the rule score only above 1.5 and after day 28', () => {
    expect(ruleScoreOf({ acwrEwma: 1.51, tsb: 0, day: 29 })).toBe(1);
    expect(ruleScoreOf({ acwrEwma: 1.5, tsb: 0, day: 29 })).toBe(0);
    expect(ruleScoreOf({ acwrEwma: 1.9, tsb: 0, day: 28 })).toBe(0);
    expect(ruleScoreOf({ acwrEwma: null, tsb: 0, day: 60 })).toBe(0);
  });

  it('never gives an example of an athlete who did not consent, nor reads their reports', () => {
    const examples = injuryExamples({
      consenting: [ANN],
      days: [...days(BOB, 60), ...days(ANN, 40)],
      injuries: [{ userId: BOB, date: dateOfDay(35) }],
    });
    expect(new Set(examples.map((example) => example.athleteId))).toEqual(new Set([ANN]));
  });

  it('orders the examples by athlete then date, whatever the order of the rows', () => {
    const rows = [...days(BOB, 40), ...days(ANN, 40)].reverse();
    const examples = injuryExamples({ consenting: [BOB, ANN], days: rows, injuries: [] });
    expect(examples.map((example) => `${example.athleteId} ${example.day}`)).toEqual([
      ...[29, 30, 31, 32, 33].map((day) => `ann ${day}`),
      ...[29, 30, 31, 32, 33].map((day) => `bob ${day}`),
    ]);
  });

  it('gives nothing for a history too short to have a labelled day after day 28', () => {
    expect(injuryExamples({ consenting: [ANN], days: days(ANN, 35), injuries: [] })).toEqual([]);
  });
});
