import { describe, expect, it } from 'vitest';
import { sportSourceSentence, isGuessed } from './sport-source';
import { formatCalories, formatHeartRate } from '../../format/units';
import { bestEffortName, paceOrSpeed } from './workout-figures';

describe('a workout’s figures and its sport', () => {
  it('shows pace on foot and speed on wheels, in the athlete’s units', () => {
    expect(paceOrSpeed('RUN', 10_000, 3_000, 'METRIC')).toEqual({ label: 'Pace', value: '5:00 /km' });
    expect(paceOrSpeed('RIDE', 30_000, 3_600, 'METRIC')).toEqual({ label: 'Speed', value: '30.0 km/h' });
    expect(paceOrSpeed('RIDE', 30_000, 3_600, 'IMPERIAL')).toEqual({ label: 'Speed', value: '18.6 mph' });
    expect(paceOrSpeed('WALK', null, 600, 'METRIC')).toEqual({ label: 'Pace', value: '–' });
  });

  it('rounds heart rate and calories, and names best efforts', () => {
    expect(formatHeartRate(142.6)).toBe('143 bpm');
    expect(formatHeartRate(null)).toBe('–');
    expect(formatCalories(301.4)).toBe('301 kcal');
    expect(bestEffortName('half_marathon')).toBe('Half marathon');
    expect(bestEffortName('1mile')).toBe('1 mile');
  });

  it('explains a sport the athlete did not choose, with the import’s reason', () => {
    expect(sportSourceSentence('ATHLETE', null)).toBeNull();
    expect(sportSourceSentence('INFERRED_FROM_SPEED', 'Median 4.9 km/h.')).toBe(
      "Pulse guessed the sport from the track's speed, as the file names none. Median 4.9 km/h.",
    );
    expect(sportSourceSentence('FILE', null)).toBe('The sport comes from the imported file.');
    expect(isGuessed('UNKNOWN')).toBe(true);
    expect(isGuessed('FILE')).toBe(false);
  });
});
