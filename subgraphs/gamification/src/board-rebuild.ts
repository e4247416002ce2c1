/**
 * Rebuilds every leaderboard from the database: period boards from the workout facts and each workout's
 * net XP in the ledger, challenge boards from the members' progress. Boards named by any workout (deleted
 * ones included) or challenge are cleared first, so a board that drifted (a lost write) comes back exact.
 * Run it while no events are being consumed (the replay script does, with the subgraph stopped).
 */
import { createAthleteRepo } from './athlete.repo';
import { contributionsOf, type BoardChange } from './board-contributions';
import { createChallengeRepo } from './challenge.repo';
import { challengeBoardOf, settleMember, standingOf } from './challenge-progress';
import type { GamificationPrisma } from './gamification.prisma';
import { periodBoardsOf, type LeaderboardStore } from './leaderboards';
import type { WorkoutFact } from './rules';
import { createWorkoutFactRepo } from './workout-fact.repo';
import { factOfRow } from './workout-facts';
import { createXpLedgerRepo } from './xp-ledger.repo';

/** Changes sent to the store per call. */
const BATCH = 5_000;

export async function rebuildBoards(
  prisma: GamificationPrisma,
  store: LeaderboardStore,
  now: Date = new Date(),
): Promise<{ boards: number; entries: number }> {
  const factRepo = createWorkoutFactRepo(prisma);
  const challenges = createChallengeRepo(prisma);
  const athletes = createAthleteRepo(prisma);
  const [rows, net, allChallenges] = await Promise.all([
    factRepo.all(),
    createXpLedgerRepo(prisma).netByWorkout(),
    challenges.all(),
  ]);

  const boards = new Set<string>(allChallenges.map((c) => challengeBoardOf(c.id)));
  // Board → athlete → score, each athlete placed where their latest change puts them: ties are ranked by
  // who reached the score first, which the order of the additions reproduces (facts come oldest change first).
  const scores = new Map<string, Map<string, number>>();
  const credit = (board: string, athleteId: string, value: number) => {
    const onBoard = scores.get(board) ?? new Map<string, number>();
    const previous = onBoard.get(athleteId) ?? 0;
    onBoard.delete(athleteId);
    onBoard.set(athleteId, previous + value);
    scores.set(board, onBoard);
  };
  const factsByUser = new Map<string, WorkoutFact[]>();
  const lastChange = new Map<string, number>();
  for (const row of rows) {
    const fact = factOfRow(row);
    for (const { board } of periodBoardsOf(fact.sport, fact.startedAt)) boards.add(board);
    lastChange.set(fact.userId, row.updatedAt.getTime());
    if (row.deletedAt) continue;
    factsByUser.set(fact.userId, [...(factsByUser.get(fact.userId) ?? []), fact]);
    for (const [board, value] of contributionsOf(fact, net.get(fact.workoutId) ?? 0))
      credit(board, fact.userId, value);
  }

  const members = (await challenges.activeMembers()).sort(
    (a, b) => (lastChange.get(a.member.userId) ?? 0) - (lastChange.get(b.member.userId) ?? 0),
  );
  for (const { member, challenge } of members) {
    const standing = standingOf(
      challenge,
      factsByUser.get(member.userId) ?? [],
      await athletes.timeZoneOf(member.userId),
    );
    // The stored score follows the facts too, so that later deltas start from what the board now holds.
    const settled = await settleMember(challenges, challenge, member, standing, now);
    const score = member.boardScore + (settled?.delta ?? 0);
    if (score !== 0) credit(challengeBoardOf(challenge.id), member.userId, score);
  }

  const entries: BoardChange[] = [...scores].flatMap(([board, onBoard]) =>
    [...onBoard]
      .filter(([, score]) => score !== 0)
      .map(([athleteId, delta]) => ({ board, athleteId, delta })),
  );
  await Promise.all([...boards].map((board) => store.clear(board)));
  for (let i = 0; i < entries.length; i += BATCH) await store.add(entries.slice(i, i + BATCH));
  return { boards: boards.size, entries: entries.length };
}
