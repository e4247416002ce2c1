import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { describeInFieldWords, inFieldWords, timeZoneOptions } from './field-words';

describe('the profile’s messages and choices', () => {
  it('names fields as the form labels them', () => {
    expect(inFieldWords('restingHeartRate must be below maxHeartRate.')).toBe(
      'Resting heart rate must be below maximum heart rate.',
    );
    expect(inFieldWords('maxHeartRate must be an integer from 100 to 250.')).toBe(
      'Maximum heart rate must be an integer from 100 to 250.',
    );
    expect(inFieldWords('That handle is taken.')).toBe('That handle is taken.');
  });

  it('words an API error the same way', () => {
    const error = new CombinedGraphQLErrors({
      errors: [
        {
          message: 'restingHeartRate must be an integer from 25 to 120.',
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
    expect(describeInFieldWords(error)).toBe('Resting heart rate must be an integer from 25 to 120.');
  });

  it('offers every zone, UTC and the athlete’s own among them', () => {
    const zones = timeZoneOptions('Etc/GMT+5').map((option) => option.value);
    expect(zones).toContain('Europe/Ljubljana');
    expect(zones).toContain('UTC');
    expect(zones).toContain('Etc/GMT+5');
    expect(timeZoneOptions(null).find((o) => o.value === 'America/New_York')?.label).toBe('America/New York');
  });
});
