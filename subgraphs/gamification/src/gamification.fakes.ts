/** In-memory repositories with the behaviour of the real ones, for unit tests of the gamification services. */
import type { ConsumeOnce, InTransaction } from '../../../lib/db/unit-of-work';
import type { EventEnvelope } from '../../../lib/events/envelope';
import type { UnlockedRow } from './achievements/achievement.repo';
import { DEFAULT_TIME_ZONE } from './athletes/athlete.repo';
import type { ChallengeRecord, MemberRecord } from './challenges/challenge.repo';
import type { GamificationRepos } from './gamification.repos';
import type { ScoreChange } from './leaderboards/leaderboard-store';
import type { LedgerEntry } from './ledger/xp-ledger.repo';
import { factOfRow, type WorkoutFact, type WorkoutFactRow } from './workout-facts/workout-fact';

type FactRow = WorkoutFactRow & { updatedAt: Date };
/** A follow, block or club membership: on or ended, as of `at`. */
interface Relation {
  on: boolean;
  at: Date;
}

/** Last writer wins on the time social gave the change, as the repository's upsert does. */
function setRelation(relations: Map<string, Relation>, a: string, b: string, on: boolean, at: Date) {
  const key = `${a} ${b}`;
  const current = relations.get(key);
  if (!current || current.at.getTime() <= at.getTime()) relations.set(key, { on, at });
}
const pairsOn = (relations: Map<string, Relation>) =>
  [...relations].filter(([, r]) => r.on).map(([key]) => key.split(' ') as [string, string]);

/** Every repository of the context in memory, with its rows open to the test. */
export function fakeGamificationRepos() {
  const facts = new Map<string, FactRow>();
  const ledger: (LedgerEntry & { id: bigint; recordedAt: Date })[] = [];
  const levels = new Map<string, number>();
  const zones = new Map<string, string>();
  const unlocked = new Map<string, Map<string, UnlockedRow>>();
  const challenges: ChallengeRecord[] = [];
  const members: MemberRecord[] = [];
  const outbox: EventEnvelope[] = [];
  /** Follows, blocks and club memberships by `a b` (follower followee, blocker blocked, club user). */
  const follows = new Map<string, Relation>();
  const blocks = new Map<string, Relation>();
  const clubMembers = new Map<string, Relation>();
  let tick = 0;
  const byWorkoutId = (a: { workoutId: string }, b: { workoutId: string }) =>
    a.workoutId < b.workoutId ? -1 : a.workoutId > b.workoutId ? 1 : 0;
  const sumPoints = (rows: readonly { points: number }[]) => rows.reduce((sum, r) => sum + r.points, 0);
  const memberIndex = (challengeId: string, userId: string) =>
    members.findIndex((m) => m.challengeId === challengeId && m.userId === userId);
  const withChallenge = (member: MemberRecord) => ({
    member: { ...member },
    challenge: challenges.find((c) => c.id === member.challengeId)!,
  });

  const repos: GamificationRepos = {
    athletes: {
      async lock(userId) {
        if (!levels.has(userId)) levels.set(userId, 1);
        return levels.get(userId)!;
      },
      setHighestLevel: async (userId, level) => void levels.set(userId, level),
      timeZoneOf: async (userId) => zones.get(userId) ?? DEFAULT_TIME_ZONE,
      timeZonesOf: async (userIds) => new Map(userIds.map((id) => [id, zones.get(id) ?? DEFAULT_TIME_ZONE])),
      setTimeZone: async (userId, timeZone) => void zones.set(userId, timeZone),
      async deleteOfUser(userId) {
        levels.delete(userId);
        zones.delete(userId);
      },
    },
    achievements: {
      unlockedOf: async (userId) => new Map(unlocked.get(userId) ?? []),
      async unlock(userId, rows) {
        const own = unlocked.get(userId) ?? new Map<string, UnlockedRow>();
        for (const row of rows) if (!own.has(row.code)) own.set(row.code, { ...row });
        unlocked.set(userId, own);
      },
      deleteOfUser: async (userId) => void unlocked.delete(userId),
    },
    facts: {
      lock: async (workoutId) => (facts.has(workoutId) ? { ...facts.get(workoutId)! } : null),
      find: async (workoutId) => (facts.has(workoutId) ? { ...facts.get(workoutId)! } : null),
      async save(fact: WorkoutFact) {
        facts.set(fact.workoutId, {
          ...fact,
          startedAt: new Date(fact.startedAt),
          deletedAt: facts.get(fact.workoutId)?.deletedAt ?? null,
          updatedAt: new Date(++tick),
        });
      },
      async markDeleted(workoutId, userId, deletedAt) {
        const row = facts.get(workoutId);
        facts.set(
          workoutId,
          row
            ? { ...row, deletedAt, updatedAt: new Date(++tick) }
            : {
                workoutId,
                userId,
                sport: 'OTHER',
                startedAt: deletedAt,
                distanceMeters: null,
                movingSeconds: null,
                elevationGainMeters: null,
                gearIds: [],
                trackFlags: [],
                visibility: 'FOLLOWERS',
                deletedAt,
                updatedAt: new Date(++tick),
              },
        );
      },
      factsOf: async (userId) =>
        [...facts.values()]
          .filter((r) => r.userId === userId && !r.deletedAt)
          .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || byWorkoutId(a, b))
          .map(factOfRow),
      page: async (after, limit) =>
        [...facts.values()]
          .filter((r) => after === null || r.workoutId > after)
          .sort(byWorkoutId)
          .slice(0, limit)
          .map((r) => ({ ...r })),
      async deleteOfUser(userId) {
        for (const [id, row] of facts) if (row.userId === userId) facts.delete(id);
      },
    },
    ledger: {
      append: async (entry) =>
        void ledger.push({ ...entry, id: BigInt(ledger.length + 1), recordedAt: new Date() }),
      async ofWorkout(workoutId) {
        const rows = ledger.filter((e) => e.workoutId === workoutId);
        return { net: sumPoints(rows), entries: rows.length };
      },
      totalOf: async (userId) => sumPoints(ledger.filter((e) => e.userId === userId)),
      entriesOfWorkout: async (workoutId) => ledger.filter((e) => e.workoutId === workoutId),
      async netOf(workoutIds) {
        const net = new Map<string, number>();
        for (const e of ledger)
          if (workoutIds.includes(e.workoutId)) net.set(e.workoutId, (net.get(e.workoutId) ?? 0) + e.points);
        return net;
      },
      async deleteOfUser(userId) {
        for (let i = ledger.length - 1; i >= 0; i -= 1) if (ledger[i]!.userId === userId) ledger.splice(i, 1);
      },
    },
    challenges: {
      async create(challenge) {
        challenges.push({ ...challenge });
        return { ...challenge };
      },
      get: async (id) => challenges.find((c) => c.id === id) ?? null,
      list: async (includeEnded, now) =>
        challenges
          .filter((c) => includeEnded || c.endsAt > now)
          .sort((a, b) => a.endsAt.getTime() - b.endsAt.getTime() || (a.id < b.id ? -1 : 1)),
      all: async () => [...challenges],
      memberCount: async (challengeId) =>
        members.filter((m) => m.challengeId === challengeId && m.leftAt === null).length,
      lockMember: async (challengeId, userId) => {
        const i = memberIndex(challengeId, userId);
        return i < 0 ? null : { ...members[i]! };
      },
      member: async (challengeId, userId) => {
        const i = memberIndex(challengeId, userId);
        return i < 0 ? null : { ...members[i]! };
      },
      async saveMember(member) {
        const i = memberIndex(member.challengeId, member.userId);
        if (i < 0) members.push({ ...member });
        else members[i] = { ...member };
      },
      activeOf: async (userId) =>
        members
          .filter((m) => m.userId === userId && m.leftAt === null)
          .sort((a, b) => (a.challengeId < b.challengeId ? -1 : 1))
          .map(withChallenge),
      activeMembers: async () => members.filter((m) => m.leftAt === null).map(withChallenge),
      async deleteMembershipsOf(userId) {
        for (let i = members.length - 1; i >= 0; i -= 1)
          if (members[i]!.userId === userId) members.splice(i, 1);
      },
    },
    circles: {
      setFollow: async (followerId, followeeId, on, at) =>
        setRelation(follows, followerId, followeeId, on, at),
      setBlock: async (blockerId, blockedId, on, at) => setRelation(blocks, blockerId, blockedId, on, at),
      setClubMember: async (clubId, userId, on, at) => setRelation(clubMembers, clubId, userId, on, at),
      async followeesOf(userId) {
        const blocked = (other: string) =>
          pairsOn(blocks).some(([a, b]) => (a === userId && b === other) || (a === other && b === userId));
        return pairsOn(follows)
          .filter(([follower, followee]) => follower === userId && !blocked(followee))
          .map(([, followee]) => followee)
          .sort();
      },
      clubMembers: async (clubId) =>
        pairsOn(clubMembers)
          .filter(([club]) => club === clubId)
          .map(([, userId]) => userId)
          .sort(),
      isClubMember: async (clubId, userId) => clubMembers.get(`${clubId} ${userId}`)?.on ?? false,
      async deleteOfUser(userId) {
        for (const relations of [follows, blocks])
          for (const key of relations.keys()) if (key.split(' ').includes(userId)) relations.delete(key);
        for (const key of clubMembers.keys()) if (key.endsWith(` ${userId}`)) clubMembers.delete(key);
      },
    },
    outbox: { write: async (events) => void outbox.push(...events) },
  };
  return {
    repos,
    rows: {
      facts,
      ledger,
      levels,
      zones,
      unlocked,
      challenges,
      members,
      outbox,
      follows,
      blocks,
      clubMembers,
    },
  };
}

export type FakeGamificationRepos = ReturnType<typeof fakeGamificationRepos>;

/** Runs the work with the fakes themselves: a fake has nothing to roll back, so tests check effects of failures apart. */
export const fakeTransaction =
  <Repos>(repos: Repos): InTransaction<Repos> =>
  (work) =>
    work(repos);

/** consumeOnce over the fakes: an event id seen before is a duplicate and its work does not run. */
export function fakeConsumeOnce<Repos>(repos: Repos): ConsumeOnce<Repos> {
  const seen = new Set<string>();
  return async (eventId, work) => {
    if (seen.has(eventId)) return 'duplicate';
    await work(repos);
    seen.add(eventId);
    return 'applied';
  };
}

/** A leaderboard updater that keeps the score changes it was given. */
export function fakeLeaderboardUpdater() {
  const applied: ScoreChange[] = [];
  return { applied, apply: async (changes: readonly ScoreChange[]) => void applied.push(...changes) };
}
