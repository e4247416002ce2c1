import { contributionsOf, differences, mergeChanges } from './leaderboard-contributions';
import type { WorkoutFact } from '../workout-facts/workout-fact';

const aFact = (overrides: Partial<WorkoutFact> = {}): WorkoutFact => ({
  workoutId: 'w1',
  userId: 'ann',
  sport: 'RUN',
  startedAt: Date.parse('2026-11-20T07:00:00Z'),
  distanceMeters: 10_000.4,
  movingSeconds: 3_500,
  elevationGainMeters: null,
  gearIds: [],
  trackFlags: [],
  visibility: 'FOLLOWERS',
  ...overrides,
});

describe('contributionsOf', () => {
  it('puts each non-zero figure on the week, month and all-time boards of its sport and of all sports', () => {
    const boards = contributionsOf(aFact(), 158);
    expect(boards.get('period:DISTANCE:WEEK:RUN:2026-W47')).toBe(10_000);
    expect(boards.get('period:DISTANCE:MONTH:ALL:2026-11')).toBe(10_000);
    expect(boards.get('period:MOVING_TIME:ALL_TIME:ALL:all')).toBe(3_500);
    expect(boards.get('period:XP:WEEK:ALL:2026-W47')).toBe(158);
    // No elevation: no elevation boards. 3 figures × 3 periods × 2 sport scopes.
    expect([...boards.keys()].some((b) => b.startsWith('period:ELEVATION'))).toBe(false);
    expect(boards.size).toBe(18);
  });

  it('takes the windows of the start in UTC: a run at 23:30 on 31 October in New York is in November', () => {
    const boards = contributionsOf(aFact({ startedAt: Date.parse('2026-11-01T03:30:00Z') }), 0);
    expect(boards.has('period:DISTANCE:MONTH:ALL:2026-11')).toBe(true);
    expect(boards.has('period:DISTANCE:MONTH:ALL:2026-10')).toBe(false);
  });

  it('puts a private workout on no board, and a public or followers one on the same boards', () => {
    expect(contributionsOf(aFact({ visibility: 'PRIVATE' }), 158).size).toBe(0);
    expect(contributionsOf(aFact({ visibility: 'PUBLIC' }), 158)).toEqual(contributionsOf(aFact(), 158));
  });

  it('takes a workout made private off its boards, exactly', () => {
    const changes = differences(
      'ann',
      contributionsOf(aFact(), 158),
      contributionsOf(aFact({ visibility: 'PRIVATE' }), 158),
    );
    expect(changes).toHaveLength(18);
    expect(changes).toContainEqual({
      board: 'period:DISTANCE:ALL_TIME:ALL:all',
      athleteId: 'ann',
      delta: -10_000,
    });
  });
});

describe('differences', () => {
  it('moves exactly the change of an edit, including a change of sport', () => {
    const before = contributionsOf(aFact(), 158);
    const after = contributionsOf(aFact({ sport: 'TRAIL_RUN', distanceMeters: 12_000 }), 158);
    const changes = differences('ann', before, after);
    expect(changes).toContainEqual({
      board: 'period:DISTANCE:WEEK:RUN:2026-W47',
      athleteId: 'ann',
      delta: -10_000,
    });
    expect(changes).toContainEqual({
      board: 'period:DISTANCE:WEEK:TRAIL_RUN:2026-W47',
      athleteId: 'ann',
      delta: 12_000,
    });
    expect(changes).toContainEqual({
      board: 'period:DISTANCE:WEEK:ALL:2026-W47',
      athleteId: 'ann',
      delta: 2_000,
    });
    // Unchanged all-sports boards are not written at all.
    expect(changes.find((c) => c.board === 'period:XP:WEEK:ALL:2026-W47')).toBeUndefined();
  });

  it('takes back everything on a deletion', () => {
    const before = contributionsOf(aFact(), 158);
    const changes = differences('ann', before, contributionsOf(null, 0));
    expect(changes).toHaveLength(before.size);
    expect(changes.every((c) => c.delta === -before.get(c.board)!)).toBe(true);
  });
});

describe('mergeChanges', () => {
  it('sums changes per board and athlete and drops those that cancel out', () => {
    expect(
      mergeChanges([
        { board: 'b', athleteId: 'ann', delta: 5 },
        { board: 'b', athleteId: 'bob', delta: 3 },
        { board: 'b', athleteId: 'ann', delta: 2 },
        { board: 'c', athleteId: 'ann', delta: 4 },
        { board: 'c', athleteId: 'ann', delta: -4 },
      ]),
    ).toEqual([
      { board: 'b', athleteId: 'ann', delta: 7 },
      { board: 'b', athleteId: 'bob', delta: 3 },
    ]);
  });
});
