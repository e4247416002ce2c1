import { boardId } from './board-key';
import { windowOf } from './board-window';
import { createInProcessLeaderboardStore } from './in-process-leaderboard-store';

describe('in-process leaderboards', () => {
  it('drops the board of a window once its retention has passed, as Redis expires it', async () => {
    let now = Date.parse('2026-11-20T07:00:00Z');
    const store = createInProcessLeaderboardStore({ now: () => now });
    const week = boardId({
      kind: 'period',
      metric: 'XP',
      period: 'WEEK',
      sport: null,
      window: windowOf('WEEK', now),
    });
    const allTime = boardId({ kind: 'period', metric: 'XP', period: 'ALL_TIME', sport: null, window: 'all' });
    await store.add([
      { board: week, athleteId: 'ann', delta: 40 },
      { board: allTime, athleteId: 'ann', delta: 40 },
    ]);
    now = Date.parse('2026-12-06T23:59:59Z'); // two weeks after 2026-W47 ended: still kept
    expect(await store.size(week)).toBe(1);
    now = Date.parse('2026-12-07T00:00:00Z');
    expect(await store.size(week)).toBe(0);
    expect(await store.rankOf(week, 'ann')).toBeNull();
    expect(await store.rankOf(allTime, 'ann')).toEqual({ athleteId: 'ann', score: 40, rank: 1 });
    await store.close();
  });

  it('refuses to work once closed', async () => {
    const store = createInProcessLeaderboardStore();
    await store.close();
    await expect(store.size('challenge:c1')).rejects.toThrow(/closed/);
  });
});
