/**
 * Brings the leaderboards back when the subgraph starts. An in-process store starts empty, so it is rebuilt from
 * the database (the facts and the ledger are the truth) before the subgraph consumes events or listens.
 * A durable store (Redis) keeps its boards across restarts and is left alone: several instances share it,
 * and one clearing and refilling boards while another writes to them would lose or double those writes.
 * A Redis that lost boards is repaired with `npm run events:replay -- --context gamification`.
 */
import type { Logger } from '../../../../lib/logging/logger';
import type { RebuildResult } from './leaderboard-rebuild';
import type { LeaderboardStore } from './leaderboard-store';

export interface LeaderboardRestoreDeps {
  store: Pick<LeaderboardStore, 'durable'>;
  /** Rebuilds every leaderboard from the database into the store (rebuildLeaderboards). */
  rebuild: () => Promise<RebuildResult>;
  logger: Logger;
  /** A monotonic millisecond timer (default performance.now), to log how long the rebuild took. */
  timer?: () => number;
}

/** Rebuilds the boards of a store that does not outlive the process; null when the store keeps its own. */
export async function restoreLeaderboards(deps: LeaderboardRestoreDeps): Promise<RebuildResult | null> {
  const { store, rebuild, logger, timer = () => performance.now() } = deps;
  if (store.durable) {
    logger.info('leaderboards: the store keeps its boards across restarts, none rebuilt');
    return null;
  }
  const startedAt = timer();
  const rebuilt = await rebuild();
  logger.info(
    { ...rebuilt, ms: Math.round(timer() - startedAt) },
    'leaderboards: in-process boards rebuilt from the database',
  );
  return rebuilt;
}

/** What a replay says of the leaderboards when they live in the subgraph's memory (no REDIS_URL). */
export const IN_PROCESS_LEADERBOARDS_NOTE =
  'gamification: leaderboards not rebuilt by the replay: without REDIS_URL they live in the memory of ' +
  'the gamification subgraph, which rebuilds them from the ledger every time it starts.';
