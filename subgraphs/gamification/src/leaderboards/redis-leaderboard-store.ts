/**
 * Leaderboards in Redis sorted sets, shared by every process: one atomic script call per board and
 * `add` (all boards of one `add` go in one pipeline: one round trip), O(log n) ranks with ZREVRANK, and
 * period boards that expire on their own (PEXPIREAT) two periods after their window. Key layout and
 * tie-breaking: see redis-leaderboard-scripts.ts and the README.
 */
import Redis, { type ChainableCommander } from 'ioredis';
import type { Logger } from '../../../../lib/logging/logger';
import { createRedisClient } from '../../../../lib/redis/redis-client';
import { type LeaderboardStore, checkPage, expiryOfBoard, groupChanges } from './leaderboard-store';
import { ADD_SCRIPT, RANK_SCRIPT, RANKS_SCRIPT, TIE_PREFIX_LENGTH } from './redis-leaderboard-scripts';

export const REDIS_LEADERBOARD_PREFIX = 'pulse:lb:';
/** Athletes per script call of `entriesOf` (Lua's unpack has a stack limit; calls share one pipeline). */
const RANKS_CHUNK = 1_000;

type ScriptReply = Promise<unknown>;
interface LeaderboardScripts {
  pulseBoardAdd(z: string, h: string, ...args: (string | number)[]): ScriptReply;
  pulseBoardRank(z: string, h: string, athleteId: string): ScriptReply;
}
type ScriptCall = (z: string, h: string, ...args: string[]) => ChainableCommander;
type PipelineScripts = {
  pulseBoardAdd(z: string, h: string, ...args: (string | number)[]): ChainableCommander;
};

export interface RedisLeaderboardOptions {
  /** Prefix of every key (default `pulse:lb:`); tests and benchmarks use their own. */
  keyPrefix?: string;
}

export function createRedisLeaderboardStore(
  url: string,
  logger: Logger,
  options: RedisLeaderboardOptions = {},
): LeaderboardStore {
  const prefix = options.keyPrefix ?? REDIS_LEADERBOARD_PREFIX;
  const client = createRedisClient(
    url,
    { maxRetriesPerRequest: 1 },
    {
      logger,
      whenDown: 'Redis for leaderboards is unreachable: board reads and writes fail until it is back',
    },
  ) as Redis & LeaderboardScripts;
  client.defineCommand('pulseBoardAdd', { numberOfKeys: 2, lua: ADD_SCRIPT });
  client.defineCommand('pulseBoardRank', { numberOfKeys: 2, lua: RANK_SCRIPT });
  client.defineCommand('pulseBoardRanks', { numberOfKeys: 2, lua: RANKS_SCRIPT });

  /** The two keys of a board, after checking that `board` is a board id. */
  const keysOf = (board: string) => {
    const expiresAt = expiryOfBoard(board);
    return { z: `${prefix}{${board}}:z`, h: `${prefix}{${board}}:h`, expiresAt };
  };

  return {
    durable: true,
    async add(changes) {
      const grouped = groupChanges(changes);
      if (grouped.size === 0) return;
      const pipeline = client.pipeline() as ChainableCommander & PipelineScripts;
      for (const [board, deltas] of grouped) {
        const { z, h, expiresAt } = keysOf(board);
        const pairs = [...deltas].flatMap(([athleteId, delta]) => [athleteId, String(delta)]);
        pipeline.pulseBoardAdd(z, h, expiresAt === null ? '' : String(expiresAt), ...pairs);
      }
      const results = (await pipeline.exec()) ?? [];
      const failure = results.find(([error]) => error)?.[0];
      if (failure) throw failure;
    },
    async top(board, limit, offset = 0) {
      checkPage(limit, offset);
      const { z } = keysOf(board);
      if (limit === 0) return [];
      const flat = await client.zrevrange(z, offset, offset + limit - 1, 'WITHSCORES');
      const entries = [];
      for (let i = 0; i + 1 < flat.length; i += 2) {
        entries.push({
          athleteId: flat[i]!.slice(TIE_PREFIX_LENGTH),
          score: Number(flat[i + 1]),
          rank: offset + i / 2 + 1,
        });
      }
      return entries;
    },
    async rankOf(board, athleteId) {
      const { z, h } = keysOf(board);
      const reply = (await client.pulseBoardRank(z, h, athleteId)) as [number, string] | null;
      return reply ? { athleteId, score: Number(reply[1]), rank: Number(reply[0]) + 1 } : null;
    },
    async entriesOf(board, athleteIds) {
      const { z, h } = keysOf(board);
      const ids = [...new Set(athleteIds)];
      if (ids.length === 0) return [];
      const pipeline = client.pipeline() as ChainableCommander & { pulseBoardRanks: ScriptCall };
      for (let i = 0; i < ids.length; i += RANKS_CHUNK)
        pipeline.pulseBoardRanks(z, h, ...ids.slice(i, i + RANKS_CHUNK));
      const entries = [];
      for (const [error, reply] of (await pipeline.exec()) ?? []) {
        if (error) throw error;
        const flat = reply as (string | number)[];
        for (let i = 0; i + 2 < flat.length; i += 3)
          entries.push({
            athleteId: String(flat[i]),
            score: Number(flat[i + 2]),
            rank: Number(flat[i + 1]) + 1,
          });
      }
      return entries.sort((a, b) => a.rank - b.rank);
    },
    async size(board) {
      return client.zcard(keysOf(board).z);
    },
    async clear(board) {
      const { z, h } = keysOf(board);
      await client.del(z, h);
    },
    async close() {
      if (client.status === 'ready') await client.quit();
      else client.disconnect();
    },
  };
}
