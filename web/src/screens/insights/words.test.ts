import { describe, expect, it } from 'vitest';
import { adviceName, ANSWERS, answerSentence } from './advice-words';
import { flagSentence, raisedCountSentence } from './flag-words';
import { predictedPace, raceName } from './race-words';

const day = (localDate: string) => `day ${localDate}`;

describe('load spikes, advice and races in sentences', () => {
  it('says when a spike was raised, at what ratio, and when it cleared or will', () => {
    const flag = { raisedOn: '2026-03-02', ratio: 1.7345, raiseAbove: 1.5, clearBelow: 1.3 };
    expect(flagSentence(flag, day)).toBe(
      'Load spike on day 2026-03-02: your acute:chronic ratio was 1.73, above 1.5. ' +
        'It is still raised, until the ratio falls below 1.3.',
    );
    expect(flagSentence({ ...flag, clearedOn: '2026-03-09' }, day)).toBe(
      'Load spike on day 2026-03-02: your acute:chronic ratio was 1.73, above 1.5. It cleared on day 2026-03-09.',
    );
    expect(raisedCountSentence(0)).toBe('No load spike is raised now.');
    expect(raisedCountSentence(1)).toBe('One load spike is raised now.');
    expect(raisedCountSentence(2)).toBe('2 load spikes are raised now.');
  });

  it('offers accepting or dismissing an open recommendation, and says which was chosen', () => {
    expect(ANSWERS.map((a) => a.status)).toEqual(['ACCEPTED', 'DISMISSED']);
    expect(adviceName('BACK_GRADUALLY')).toBe('Build back gradually');
    expect(answerSentence('OPEN', null, day)).toBeNull();
    expect(answerSentence('ACCEPTED', '2026-03-02T08:00:00Z', day)).toBe(
      'You accepted this on day 2026-03-02T08:00:00Z.',
    );
    expect(answerSentence('DISMISSED', null, day)).toBe('You dismissed this.');
  });

  it('names races and their pace per kilometre', () => {
    expect(raceName('half_marathon')).toBe('Half marathon');
    expect(raceName('5k')).toBe('5 km');
    expect(predictedPace({ race: '10k', distanceMeters: 10_000, predictedSeconds: 3_000 })).toBe(300);
    expect(predictedPace({ race: 'x', distanceMeters: 0, predictedSeconds: 3_000 })).toBeNull();
  });
});
