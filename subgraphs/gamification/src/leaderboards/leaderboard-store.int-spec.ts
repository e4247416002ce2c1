import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { createLogger } from '../../../../lib/logging/logger';
import { boardId } from './board-key';
import { windowExpiry, windowOf } from './board-window';
import { createInProcessLeaderboardStore } from './in-process-leaderboard-store';
import { describeLeaderboardStoreContract } from './leaderboard-store.contract';
import { createRedisLeaderboardStore } from './redis-leaderboard-store';

const silent = createLogger('silent');

describeLeaderboardStoreContract('in-process', { open: async () => createInProcessLeaderboardStore() });

const redisUrl = process.env.REDIS_URL;
if (redisUrl) {
  // A prefix of its own: the tests never meet the boards of a running platform or of other tests.
  const keyPrefix = `pulse:lb:test:${randomUUID().slice(0, 8)}:`;
  let inspector: Redis;
  beforeAll(() => {
    inspector = new Redis(redisUrl);
  });
  afterAll(async () => {
    const keys = await inspector.keys(`${keyPrefix}*`);
    if (keys.length > 0) await inspector.del(...keys);
    await inspector.quit();
  });

  describeLeaderboardStoreContract(`Redis at ${redisUrl}`, {
    open: async () => createRedisLeaderboardStore(redisUrl, silent, { keyPrefix }),
  });

  describe('Redis leaderboards', () => {
    it('sets period boards to expire two periods after their window and keeps all-time boards', async () => {
      const store = createRedisLeaderboardStore(redisUrl, silent, { keyPrefix });
      const window = windowOf('WEEK', Date.now());
      const week = boardId({ kind: 'period', metric: 'DISTANCE', period: 'WEEK', sport: 'RUN', window });
      const allTime = boardId({
        kind: 'period',
        metric: 'DISTANCE',
        period: 'ALL_TIME',
        sport: 'RUN',
        window: 'all',
      });
      try {
        await store.add([
          { board: week, athleteId: 'ann', delta: 10 },
          { board: allTime, athleteId: 'ann', delta: 10 },
        ]);
        const expiresAt = windowExpiry('WEEK', window)!;
        for (const suffix of ['z', 'h']) {
          expect(await inspector.pexpiretime(`${keyPrefix}{${week}}:${suffix}`)).toBe(expiresAt);
          expect(await inspector.pttl(`${keyPrefix}{${allTime}}:${suffix}`)).toBe(-1);
        }
      } finally {
        await Promise.all([store.clear(week), store.clear(allTime)]);
        await store.close();
      }
    });

    it('sees the writes of another instance, and keeps its boards beyond any one process', async () => {
      const [one, two] = [0, 1].map(() => createRedisLeaderboardStore(redisUrl, silent, { keyPrefix }));
      const board = boardId({ kind: 'challenge', challengeId: randomUUID() });
      try {
        // Durable: the subgraph does not rebuild these boards at start (board-restore.ts).
        expect(one!.durable).toBe(true);
        await one!.add([{ board, athleteId: 'ann', delta: 3 }]);
        await two!.add([{ board, athleteId: 'bob', delta: 3 }]);
        expect((await one!.top(board, 5)).map((e) => e.athleteId)).toEqual(['ann', 'bob']);
      } finally {
        await one!.clear(board);
        await Promise.all([one!.close(), two!.close()]);
      }
    });

    it('rejects reads and writes with an error while Redis is unreachable, and closes cleanly', async () => {
      const store = createRedisLeaderboardStore('redis://127.0.0.1:1', silent, { keyPrefix });
      const board = boardId({ kind: 'challenge', challengeId: 'unreachable' });
      await expect(store.add([{ board, athleteId: 'ann', delta: 1 }])).rejects.toThrow();
      await expect(store.top(board, 10)).rejects.toThrow();
      await store.close();
    });
  });
} else {
  describe('LeaderboardStore contract: Redis', () => {
    it.todo('runs only where REDIS_URL is set (no Redis server on this machine)');
  });
}
