import { actorsPhrase } from './actors-phrase';

describe('actorsPhrase', () => {
  it.each([
    [[], 0, 'Someone'],
    [['Ann'], 1, 'Ann'],
    [['Ann', 'Bob'], 2, 'Ann and Bob'],
    [['Ann', 'Bob', 'Cy'], 3, 'Ann, Bob and 1 other'],
    [['Ann', 'Bob', 'Cy', 'Di', 'Ed', 'Fi', 'Gu', 'Hu'], 25, 'Ann, Bob and 23 others'],
  ])('%j of %i actors → %s', (actorNames, actorCount, phrase) => {
    expect(actorsPhrase({ actorNames, actorCount })).toBe(phrase);
  });
});
