/**
 * Brings the boards back when the subgraph starts. An in-process store starts empty, so it is rebuilt from
 * the database (the facts and the ledger are the truth) before the subgraph consumes events or listens.
 * A durable store (Redis) keeps its boards across restarts and is left alone: several instances share it,
 * and one clearing and refilling boards while another writes to them would lose or double those writes.
 * A Redis that lost boards is repaired with `npm run events:replay -- --context gamification`.
 */
import type { Logger } from '../../../lib/logging/logger';
import type { RebuildResult } from './board-rebuild';
import type { LeaderboardStore } from './leaderboards';

export interface BoardRestoreDeps {
  store: Pick<LeaderboardStore, 'durable'>;
  /** Rebuilds every board from the database into the store (rebuildBoards). */
  rebuild: () => Promise<RebuildResult>;
  logger: Logger;
  /** A millisecond clock (default performance.now), to log how long the rebuild took. */
  now?: () => number;
}

/** Rebuilds the boards of a store that does not outlive the process; null when the store keeps its own. */
export async function restoreBoards(deps: BoardRestoreDeps): Promise<RebuildResult | null> {
  const { store, rebuild, logger, now = () => performance.now() } = deps;
  if (store.durable) {
    logger.info('leaderboards: the store keeps its boards across restarts, none rebuilt');
    return null;
  }
  const startedAt = now();
  const rebuilt = await rebuild();
  logger.info(
    { ...rebuilt, ms: Math.round(now() - startedAt) },
    'leaderboards: in-process boards rebuilt from the database',
  );
  return rebuilt;
}
