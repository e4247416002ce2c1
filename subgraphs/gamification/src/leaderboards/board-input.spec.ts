import { boardOfInput, scopeOfInput } from './board-input';

const now = new Date('2026-11-20T12:00:00Z');

describe('boardOfInput', () => {
  it('names the current window when none is given, and the given one otherwise', () => {
    expect(boardOfInput({ metric: 'DISTANCE', period: 'WEEK' }, now).board).toBe(
      'period:DISTANCE:WEEK:ALL:2026-W47',
    );
    expect(boardOfInput({ metric: 'XP', period: 'MONTH', sport: 'RIDE', window: '2026-10' }, now).board).toBe(
      'period:XP:MONTH:RIDE:2026-10',
    );
    expect(boardOfInput({ metric: 'ELEVATION', period: 'ALL_TIME' }, now).board).toBe(
      'period:ELEVATION:ALL_TIME:ALL:all',
    );
  });

  it('names a challenge board by the challenge id alone', () => {
    const challengeId = '01a1fc18-bfa9-72b4-b5bf-db72a03cca6f';
    expect(boardOfInput({ challengeId }, now)).toEqual({ board: `challenge:${challengeId}`, challengeId });
    expect(() => boardOfInput({ challengeId, metric: 'XP' }, now)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
    expect(() => boardOfInput({ challengeId: 'x:y' }, now)).toThrow(
      expect.objectContaining({ details: { field: 'board.challengeId' } }),
    );
  });

  it.each([
    ['WEEK', '2026-11'],
    ['WEEK', '2027-W53'],
    ['MONTH', '2026-13'],
    ['ALL_TIME', '2026'],
  ] as const)('refuses a %s window written %s, saying how to write one', (period, window) => {
    expect(() => boardOfInput({ metric: 'DISTANCE', period, window }, now)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'board.window' } }),
    );
  });

  it('needs a metric and a period without a challenge', () => {
    expect(() => boardOfInput({ metric: 'DISTANCE' }, now)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'board' } }),
    );
  });
});

describe('scopeOfInput', () => {
  const clubId = '01a1fc18-bfa9-72b4-b5bf-db72a03cca6f';

  it('reads everyone by default, friends, and a club with its id', () => {
    expect(scopeOfInput({})).toEqual({ kind: 'everyone' });
    expect(scopeOfInput({ scope: 'EVERYONE' })).toEqual({ kind: 'everyone' });
    expect(scopeOfInput({ scope: 'FRIENDS' })).toEqual({ kind: 'friends' });
    expect(scopeOfInput({ scope: 'CLUB', clubId })).toEqual({ kind: 'club', clubId });
  });

  it.each([
    [{ scope: 'CLUB' as const }],
    [{ scope: 'CLUB' as const, clubId: 'not-a-uuid' }],
    [{ scope: 'FRIENDS' as const, clubId }],
    [{ clubId }],
  ])('refuses %j naming board.clubId', (input) => {
    expect(() => scopeOfInput(input)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'board.clubId' } }),
    );
  });
});
