/** The sport taxonomy (lib/sports.ts) as the `sports` query returns it. */
import { SPORT_TAXONOMY, SPORTS } from '../../../lib/sports';

export const sportTaxonomy = () => SPORTS.map((sport) => ({ sport, ...SPORT_TAXONOMY[sport] }));
