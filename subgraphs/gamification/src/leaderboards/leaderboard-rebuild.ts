/**
 * Rebuilds every leaderboard from the database: period boards from the workout facts and each workout's
 * net XP in the ledger, challenge boards from the members' progress. Boards named by any workout (deleted
 * ones included) or challenge are cleared first, so a leaderboard that drifted (a lost write) comes back
 * exact. Run it while no events are being consumed: the subgraph runs it at start for an in-process store,
 * before it consumes or listens (leaderboard-restore.ts); the replay runs it for Redis, with the subgraph
 * stopped. A member whose completion the rebuild finds first has it recorded and announced
 * (gamification.challenge.completed), one transaction per page of members; the relay publishes those rows
 * when it starts (after the subgraph's preparation, or at the next start after a replay).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Clock } from '../../../../lib/clock';
import type { InTransaction } from '../../../../lib/db/unit-of-work';
import { challengeBoardId, settleMember, standingOf, type SettleRepos } from '../challenges/member-standing';
import type { GamificationRepos } from '../gamification.repos';
import { factOfRow, type WorkoutFact } from '../workout-facts/workout-fact';
import { periodBoardsOf } from './board-key';
import { contributionsOf } from './leaderboard-contributions';
import type { LeaderboardStore, ScoreChange } from './leaderboard-store';

/** What a rebuild reads (outside a transaction: one statement at a time). */
export interface RebuildRepos {
  facts: Pick<GamificationRepos['facts'], 'page'>;
  ledger: Pick<GamificationRepos['ledger'], 'netOf'>;
  athletes: Pick<GamificationRepos['athletes'], 'timeZonesOf'>;
  challenges: Pick<GamificationRepos['challenges'], 'all' | 'activeMembers'>;
}

export interface RebuildOptions {
  /** Workout facts read per query; the rebuild gives the event loop a turn after each page. */
  pageSize?: number;
  /** Changes sent to the store per call, with a turn of the event loop after each call. */
  batchSize?: number;
}

export interface RebuildResult {
  /** Boards cleared and rebuilt (every board a workout or a challenge names, even left empty). */
  boards: number;
  /** Entries written (athlete scores on those boards). */
  entries: number;
  /** Workout facts read, tombstones included. */
  workouts: number;
}

/** The last change behind an entry: when a workout changed, and its id to order equal instants. */
interface Change {
  at: number;
  workoutId: string;
}

const NO_CHANGE: Change = { at: 0, workoutId: '' };

const compareChanges = (a: Change, b: Change) =>
  a.at - b.at || (a.workoutId < b.workoutId ? -1 : a.workoutId > b.workoutId ? 1 : 0);

/**
 * Challenge members settled in one transaction (a settle may write the membership and a completion event),
 * between two turns of the event loop.
 */
const MEMBERS_PER_TURN = 25;

/** A UTC day, in which every week and month window is the same. */
const DAY_MS = 86_400_000;

/** periodBoardsOf, computed once per sport and UTC day (a ledger holds many workouts per day). */
function memoisedBoards(onNewBoards: (boards: readonly string[]) => void): typeof periodBoardsOf {
  const memo = new Map<string, ReturnType<typeof periodBoardsOf>>();
  return (sport, at) => {
    const key = `${sport}:${Math.floor(at / DAY_MS)}`;
    let boards = memo.get(key);
    if (!boards) {
      boards = periodBoardsOf(sport, at);
      memo.set(key, boards);
      onNewBoards(boards.map((b) => b.board));
    }
    return boards;
  };
}

/** Rebuilds every leaderboard into `store`; member completions it finds are dated by `clock`. */
export async function rebuildLeaderboards(
  deps: {
    repos: RebuildRepos;
    /** The unit of work the members' standings (and completions) are written in. */
    inTransaction: InTransaction<SettleRepos>;
    store: LeaderboardStore;
    clock: Clock;
  },
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const { repos, inTransaction, store, clock } = deps;
  const { pageSize = 500, batchSize = 5_000 } = options;
  const { facts, ledger, challenges, athletes } = repos;
  const now = clock.now();
  const [allChallenges, members] = await Promise.all([challenges.all(), challenges.activeMembers()]);

  const boards = new Set<string>(allChallenges.map((c) => challengeBoardId(c.id)));
  const boardsOf = memoisedBoards((named) => named.forEach((board) => boards.add(board)));
  // Board → athlete → score and the last change behind it. Ties are ranked by who reached the score
  // first, which adding the entries in the order of their last change reproduces.
  const tally = new Map<string, Map<string, { score: number; last: Change }>>();
  const credit = (board: string, athleteId: string, value: number, change: Change) => {
    const onBoard = tally.get(board) ?? new Map<string, { score: number; last: Change }>();
    tally.set(board, onBoard);
    const entry = onBoard.get(athleteId);
    if (!entry) onBoard.set(athleteId, { score: value, last: change });
    else {
      entry.score += value;
      if (compareChanges(change, entry.last) > 0) entry.last = change;
    }
  };

  const memberIds = new Set(members.map(({ member }) => member.userId));
  const factsOfMembers = new Map<string, WorkoutFact[]>();
  const lastChangeOf = new Map<string, Change>();
  let workouts = 0;
  for (let after: string | null = null; ;) {
    const rows = await facts.page(after, pageSize);
    if (rows.length === 0) break;
    const net = await ledger.netOf(rows.map((row) => row.workoutId));
    for (const row of rows) {
      const fact = factOfRow(row);
      const change = { at: row.updatedAt.getTime(), workoutId: row.workoutId };
      boardsOf(fact.sport, fact.startedAt); // a tombstone names boards to clear too
      const last = lastChangeOf.get(fact.userId);
      if (!last || compareChanges(change, last) > 0) lastChangeOf.set(fact.userId, change);
      if (row.deletedAt) continue;
      if (memberIds.has(fact.userId)) {
        const own = factsOfMembers.get(fact.userId);
        if (own) own.push(fact);
        else factsOfMembers.set(fact.userId, [fact]);
      }
      for (const [board, value] of contributionsOf(fact, net.get(fact.workoutId) ?? 0, boardsOf))
        credit(board, fact.userId, value, change);
    }
    workouts += rows.length;
    after = rows.at(-1)!.workoutId;
    await nextTurn();
    if (rows.length < pageSize) break;
  }

  for (let i = 0; i < members.length; i += MEMBERS_PER_TURN) {
    const page = members.slice(i, i + MEMBERS_PER_TURN);
    const zones = await athletes.timeZonesOf([...new Set(page.map(({ member }) => member.userId))]);
    await inTransaction(async (tx) => {
      for (const { member, challenge } of page) {
        const { userId } = member;
        const standing = standingOf(challenge, factsOfMembers.get(userId) ?? [], zones.get(userId)!);
        // The stored score follows the facts too, so that later deltas start from what the board now holds.
        const { change } = await settleMember(tx, challenge, member, standing, { actorId: null }, now);
        const score = member.boardScore + (change?.delta ?? 0);
        if (score !== 0)
          credit(challengeBoardId(challenge.id), userId, score, lastChangeOf.get(userId) ?? NO_CHANGE);
      }
    });
    await nextTurn();
  }

  await Promise.all([...boards].map((board) => store.clear(board)));
  let batch: ScoreChange[] = [];
  let entries = 0;
  const flush = async () => {
    await store.add(batch);
    entries += batch.length;
    batch = [];
    await nextTurn();
  };
  for (const [board, onBoard] of tally) {
    const ordered = [...onBoard].sort(([, a], [, b]) => compareChanges(a.last, b.last));
    for (const [athleteId, { score }] of ordered) {
      if (score === 0) continue;
      batch.push({ board, athleteId, delta: score });
      if (batch.length === batchSize) await flush();
    }
  }
  if (batch.length > 0) await flush();
  return { boards: boards.size, entries, workouts };
}
