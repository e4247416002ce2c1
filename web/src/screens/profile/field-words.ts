/**
 * The API's validation messages name fields as the schema does (`restingHeartRate must be below
 * maxHeartRate.`): the profile screen shows them with the fields' labels instead.
 */
import { describeError } from '../../api/errors';

const FIELD_WORDS: Record<string, string> = {
  maxHeartRate: 'maximum heart rate',
  restingHeartRate: 'resting heart rate',
  weightKg: 'weight',
  birthYear: 'year of birth',
  timeZone: 'time zone',
};

export function inFieldWords(sentence: string): string {
  const worded = sentence.replace(/\b[a-z]+(?:[A-Z][a-z]*)+\b/g, (name) => FIELD_WORDS[name] ?? name);
  return worded.charAt(0).toUpperCase() + worded.slice(1);
}

/** describeError, with field names as words. */
export const describeInFieldWords = (error: unknown) => inFieldWords(describeError(error));

/** Every IANA zone the browser knows, with the athlete's own and UTC even where the list leaves them out. */
export function timeZoneOptions(current: string | null | undefined): { value: string; label: string }[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  if (current) zones.add(current);
  return [...zones].sort().map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }));
}
