import { backGradually, gearRetirement, longRunCap, restOrEasy } from './rule-messages';

describe('rule messages', () => {
  it('gives the load spike as the reason to rest', () => {
    const recommendation = restOrEasy(['REST_WHEN_LOAD_SPIKE'], { tsb: -12, acwrEwma: 1.62 }, -30);
    expect(recommendation.message).toBe('Your training load has spiked: take a rest day or keep today easy.');
    expect(recommendation.details).toEqual({ tsbThreshold: -30, tsb: -12, acwrEwma: 1.62 });
  });

  it('quotes TSB to one decimal when form is the reason', () => {
    const recommendation = restOrEasy(['EASY_WHEN_FORM_VERY_NEGATIVE'], { tsb: -30.04, acwrEwma: null }, -30);
    expect(recommendation.message).toBe(
      'Your form is very negative (TSB -30.0): take a rest day or keep today easy.',
    );
    expect(recommendation.details).toEqual({ tsbThreshold: -30, tsb: -30.04 });
  });

  it('gives both reasons in one sentence when both rules fire', () => {
    const rules = ['REST_WHEN_LOAD_SPIKE', 'EASY_WHEN_FORM_VERY_NEGATIVE'] as const;
    expect(restOrEasy([...rules], { tsb: -41.26, acwrEwma: 1.7 }, -30).message).toBe(
      'Your training load has spiked and your form is very negative (TSB -41.3): take a rest day or keep today easy.',
    );
  });

  it('suggests coming back at about half the previous volume', () => {
    expect(backGradually(21, 0.5).message).toBe(
      'It has been 21 days since your last workout: come back gradually, starting at about 50 % of your previous volume.',
    );
  });

  it('names both long runs and the suggested cap', () => {
    expect(longRunCap({ thisWeekMeters: 15_000, previousWeeksMeters: 10_000 }, 10).message).toBe(
      'Your longest run this week (15.0 km) is 50 % longer than your longest of the previous three weeks ' +
        '(10.0 km): keep your next long run to 16.5 km at most (+10 %).',
    );
  });

  it('names the gear, and says when it has passed its retirement distance', () => {
    expect(gearRetirement({ gearId: 'g1', gearName: 'Pegasus 40', percent: 86.7 }).message).toBe(
      'Your Pegasus 40 is at 86 % of its retirement distance: plan to replace it soon.',
    );
    expect(gearRetirement({ gearId: 'g1', gearName: 'Pegasus 40', percent: 104 }).message).toBe(
      'Your Pegasus 40 has passed its retirement distance (104 %): time to replace it.',
    );
  });
});
