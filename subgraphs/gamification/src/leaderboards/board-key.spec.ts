import { boardId, parseBoardId, periodBoardsOf, type BoardKey } from './board-key';

describe('boardId', () => {
  it('gives period and challenge boards stable ids that parseBoardId reads back', () => {
    const keys: [BoardKey, string][] = [
      [
        { kind: 'period', metric: 'DISTANCE', period: 'WEEK', sport: 'RUN', window: '2026-W47' },
        'period:DISTANCE:WEEK:RUN:2026-W47',
      ],
      [
        { kind: 'period', metric: 'XP', period: 'ALL_TIME', sport: null, window: 'all' },
        'period:XP:ALL_TIME:ALL:all',
      ],
      [
        {
          kind: 'period',
          metric: 'MOVING_TIME',
          period: 'MONTH',
          sport: 'MOUNTAIN_BIKE_RIDE',
          window: '2026-11',
        },
        'period:MOVING_TIME:MONTH:MOUNTAIN_BIKE_RIDE:2026-11',
      ],
      [
        { kind: 'challenge', challengeId: '0b6f1c2e-9d7a-4f5e-8c3b-2a1d0e9f8a7b' },
        'challenge:0b6f1c2e-9d7a-4f5e-8c3b-2a1d0e9f8a7b',
      ],
    ];
    for (const [key, id] of keys) {
      expect(boardId(key)).toBe(id);
      expect(parseBoardId(id)).toEqual(key);
    }
  });

  it('refuses a key no board has', () => {
    expect(() =>
      boardId({ kind: 'period', metric: 'DISTANCE', period: 'WEEK', sport: 'RUN', window: '2026-11' }),
    ).toThrow(/not a WEEK window/);
    expect(() => boardId({ kind: 'challenge', challengeId: 'a}b' })).toThrow(/challenge id/);
  });
});

describe('parseBoardId', () => {
  it('answers null for anything that is not a board id', () => {
    for (const id of [
      '',
      'period',
      'period:DISTANCE:WEEK:RUN',
      'period:SPEED:WEEK:RUN:2026-W47',
      'period:DISTANCE:DAY:RUN:2026-W47',
      'period:DISTANCE:WEEK:SKATEBOARD:2026-W47',
      'period:DISTANCE:WEEK:RUN:2026-11',
      'period:DISTANCE:ALL_TIME:RUN:2026',
      'period:DISTANCE:WEEK:RUN:2026-W47:extra',
      'challenge:',
      'challenge:a:b',
      'challenge:{x}',
      'friends:DISTANCE',
    ]) {
      expect(parseBoardId(id)).toBeNull();
    }
  });
});

describe('periodBoardsOf', () => {
  it('lists the 24 boards of a workout: 4 metrics × 3 periods × (its sport, all sports)', () => {
    const boards = periodBoardsOf('RUN', Date.parse('2026-11-20T07:00:00Z'));
    expect(boards).toHaveLength(24);
    expect(new Set(boards.map((b) => b.board)).size).toBe(24);
    expect(boards.filter((b) => b.metric === 'ELEVATION').map((b) => b.board)).toEqual([
      'period:ELEVATION:WEEK:RUN:2026-W47',
      'period:ELEVATION:WEEK:ALL:2026-W47',
      'period:ELEVATION:MONTH:RUN:2026-11',
      'period:ELEVATION:MONTH:ALL:2026-11',
      'period:ELEVATION:ALL_TIME:RUN:all',
      'period:ELEVATION:ALL_TIME:ALL:all',
    ]);
  });
});
