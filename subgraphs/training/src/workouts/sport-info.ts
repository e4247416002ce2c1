/** The sport taxonomy (lib/sports.ts) as the `sports` query returns it, and how a workout's sport was chosen. */
import { SPORT_TAXONOMY, SPORTS } from '../../../../lib/sports';

export const sportTaxonomy = () => SPORTS.map((sport) => ({ sport, ...SPORT_TAXONOMY[sport] }));

/**
 * Who chose a workout's sport (`SportSource` in the schema): the athlete (a recording, a manual entry,
 * `?sport=` at upload, `updateWorkout(sport:)`), the imported file's own words, a guess from the file's
 * moving speed, or nobody (the file said nothing and its speed did not decide: OTHER).
 */
export const SPORT_SOURCES = ['ATHLETE', 'FILE', 'INFERRED_FROM_SPEED', 'UNKNOWN'] as const;
export type SportSource = (typeof SPORT_SOURCES)[number];
