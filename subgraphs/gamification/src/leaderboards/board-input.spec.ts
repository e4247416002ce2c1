import { boardOfInput } from './board-input';

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
