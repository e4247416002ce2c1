import { aWorkoutRecord } from '../workouts/workout.builders';
import type { Visibility } from '../workouts/workout.repo';
import { asSeenBy, maySee, STRANGERS, visibilitiesFor, type Relation } from './visibility-policy';

const ann = '01a1fb5a-fdb9-7073-b8d6-1cd4878c2c91';
const bob = '01a1fb5a-fdb9-7073-b8d6-1cd4878c2c92';
const FOLLOWER: Relation = { follows: true, blocked: false };
const BLOCKED: Relation = { follows: false, blocked: true };
const BLOCKED_FOLLOWER: Relation = { follows: true, blocked: true };

describe('maySee', () => {
  const workout = (visibility: Visibility) => aWorkoutRecord({ userId: ann, visibility });

  it.each<[string, string | null, Relation, Record<Visibility, boolean>]>([
    ['the athlete', ann, STRANGERS, { PUBLIC: true, FOLLOWERS: true, PRIVATE: true }],
    ['an accepted follower', bob, FOLLOWER, { PUBLIC: true, FOLLOWERS: true, PRIVATE: false }],
    ['a stranger', bob, STRANGERS, { PUBLIC: true, FOLLOWERS: false, PRIVATE: false }],
    ['a blocked viewer', bob, BLOCKED, { PUBLIC: false, FOLLOWERS: false, PRIVATE: false }],
    ['a follower blocked since', bob, BLOCKED_FOLLOWER, { PUBLIC: false, FOLLOWERS: false, PRIVATE: false }],
    ['anonymous', null, STRANGERS, { PUBLIC: true, FOLLOWERS: false, PRIVATE: false }],
  ])('lets %s see exactly the workouts the policy grants', (_who, viewer, relation, expected) => {
    for (const visibility of ['PUBLIC', 'FOLLOWERS', 'PRIVATE'] as const)
      expect([visibility, maySee(viewer, workout(visibility), relation)]).toEqual([
        visibility,
        expected[visibility],
      ]);
  });

  it('never lets anonymous count as a follower', () => {
    expect(visibilitiesFor(null, ann, FOLLOWER)).toEqual(['PUBLIC']);
  });
});

describe('asSeenBy', () => {
  const workout = aWorkoutRecord({
    userId: ann,
    notes: 'knee hurt',
    device: 'Garmin',
    gearIds: ['01a1fb5a-fdb9-7073-b8d6-1cd4878c2c99'],
    calories: 500,
    title: 'Morning Run',
  });

  it('gives the athlete their workout unchanged', () => {
    expect(asSeenBy(ann, workout)).toBe(workout);
  });

  it("blanks the athlete's own fields for anyone else, and keeps the rest", () => {
    expect(asSeenBy(bob, workout)).toEqual({
      ...workout,
      notes: null,
      device: null,
      gearIds: [],
      calories: null,
      deviceCalories: null,
    });
    expect(asSeenBy(null, workout).title).toBe('Morning Run');
  });
});
