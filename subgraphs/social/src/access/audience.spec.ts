import { canSeeProfile, canSeeWorkout, SELF, STRANGER, type Relation } from './audience';

const follower: Relation = { self: false, blocked: false, follow: 'ACCEPTED' };
const pending: Relation = { self: false, blocked: false, follow: 'PENDING' };
const blocked: Relation = { self: false, blocked: true, follow: null };

describe('who may see a workout', () => {
  it.each([
    ['the owner', SELF, [true, true, true]],
    ['an accepted follower', follower, [true, true, false]],
    ['a pending follower', pending, [true, false, false]],
    ['a stranger (or anonymous)', STRANGER, [true, false, false]],
    ['a blocked pair', blocked, [false, false, false]],
  ] as const)('%s sees PUBLIC, FOLLOWERS, PRIVATE as %j', (_who, relation, expected) => {
    expect((['PUBLIC', 'FOLLOWERS', 'PRIVATE'] as const).map((v) => canSeeWorkout(relation, v))).toEqual(
      expected,
    );
  });

  it('a block hides even a followed athlete', () => {
    expect(canSeeWorkout({ ...follower, blocked: true }, 'PUBLIC')).toBe(false);
  });
});

describe('who may see a profile', () => {
  it.each([
    ['the owner', SELF, [true, true, true]],
    ['an accepted follower', follower, [true, true, false]],
    ['a pending follower', pending, [true, false, false]],
    ['a stranger (or anonymous)', STRANGER, [true, false, false]],
    ['a blocked pair', blocked, [false, false, false]],
  ] as const)('%s sees EVERYONE, FOLLOWERS, ONLY_ME as %j', (_who, relation, expected) => {
    expect((['EVERYONE', 'FOLLOWERS', 'ONLY_ME'] as const).map((v) => canSeeProfile(relation, v))).toEqual(
      expected,
    );
  });
});
