/**
 * Splits the injury examples by athlete into the side the model trains on and the side it is scored on
 * (every day of one athlete on one side: days of one athlete are strongly correlated), and says why when
 * there is too little data to train or to score: fewer than 20 athletes, or a side without an injured or
 * without an uninjured day (no gradient to learn from, or no AUC to compare).
 */
import { splitByAthlete } from '../models/evaluation';
import type { InjuryExample } from './injury-examples';
import { INJURY_MODEL } from './injury-model';

export interface InjurySplit {
  train: InjuryExample[];
  heldOut: InjuryExample[];
}

export interface SideCounts {
  examples: number;
  positives: number;
  athletes: number;
}

export const countsOf = (examples: readonly InjuryExample[]): SideCounts => ({
  examples: examples.length,
  positives: examples.filter((example) => example.y === 1).length,
  athletes: new Set(examples.map((example) => example.athleteId)).size,
});

/** What is missing from one side, or null. */
function sideProblem(name: string, counts: SideCounts): string | null {
  if (counts.positives === 0) return `the ${name} athletes have no day followed by an injury report`;
  if (counts.positives === counts.examples) return `the ${name} athletes have no day without one`;
  return null;
}

export function splitInjuryExamples(
  examples: readonly InjuryExample[],
  heldOutFraction: number = INJURY_MODEL.heldOutFraction,
): InjurySplit | { problem: string } {
  const athletes = countsOf(examples).athletes;
  if (athletes < INJURY_MODEL.minAthletes) {
    return {
      problem:
        `${athletes} consenting athlete${athletes === 1 ? '' : 's'} with enough history, ` +
        `fewer than the ${INJURY_MODEL.minAthletes} training needs`,
    };
  }
  const split: InjurySplit = { train: [], heldOut: [] };
  for (const example of examples) {
    const side = splitByAthlete(example.athleteId, heldOutFraction) === 'TRAIN' ? split.train : split.heldOut;
    side.push(example);
  }
  const problem =
    sideProblem('training', countsOf(split.train)) ?? sideProblem('held-back', countsOf(split.heldOut));
  return problem === null ? split : { problem };
}
