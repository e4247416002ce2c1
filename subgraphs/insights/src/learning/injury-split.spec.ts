import { splitByAthlete } from '../models/evaluation';
import type { InjuryExample } from './injury-examples';
import { splitInjuryExamples } from './injury-split';

/** Athletes' ids with 'a-0' … ; each gives two days, the first injured when `injured(athlete)`. */
const cohort = (athletes: number, injured: (id: string) => boolean = () => true): InjuryExample[] =>
  Array.from({ length: athletes }, (_, index) => `a-${index}`).flatMap((athleteId) => [
    { athleteId, date: '2026-03-01', day: 40, x: [0, 1], y: injured(athleteId) ? 1 : 0, ruleScore: 0 },
    { athleteId, date: '2026-03-02', day: 41, x: [0, 1], y: 0, ruleScore: 0 },
  ]);

describe('splitInjuryExamples', () => {
  it('keeps all of an athlete’s days on the side splitByAthlete puts them', () => {
    const split = splitInjuryExamples(cohort(40));
    if ('problem' in split) throw new Error(split.problem);
    for (const example of split.train) expect(splitByAthlete(example.athleteId)).toBe('TRAIN');
    for (const example of split.heldOut) expect(splitByAthlete(example.athleteId)).toBe('HELD_OUT');
    expect(split.train.length + split.heldOut.length).toBe(80);
  });

  it('refuses fewer than 20 athletes', () => {
    expect(splitInjuryExamples(cohort(19))).toEqual({
      problem: '19 consenting athletes with enough history, fewer than the 20 training needs',
    });
  });

  it('refuses a side without an injured day', () => {
    const trainOnly = (id: string) => splitByAthlete(id) === 'TRAIN';
    expect(splitInjuryExamples(cohort(40, trainOnly))).toEqual({
      problem: 'the held-back athletes have no day followed by an injury report',
    });
    expect(splitInjuryExamples(cohort(40, () => false))).toEqual({
      problem: 'the training athletes have no day followed by an injury report',
    });
  });

  it('refuses a side where every day is injured', () => {
    const everyDay = cohort(40).map((example) => ({ ...example, y: 1 as const }));
    expect(splitInjuryExamples(everyDay)).toEqual({
      problem: 'the training athletes have no day without one',
    });
  });
});
