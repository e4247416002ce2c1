/** Challenges and their members. */
import type { GamificationTx } from '../gamification.prisma';
import type { ChallengeGoal } from './challenge-rules';

export interface ChallengeRecord {
  id: string;
  title: string;
  goal: ChallengeGoal;
  target: number;
  sport: string | null;
  startsAt: Date;
  endsAt: Date;
  createdBy: string;
}

export interface MemberRecord {
  challengeId: string;
  userId: string;
  joinedAt: Date;
  leftAt: Date | null;
  completedAt: Date | null;
  boardScore: number;
}

export type ChallengeRepo = ReturnType<typeof createChallengeRepo>;

export function createChallengeRepo(db: GamificationTx) {
  return {
    async create(challenge: ChallengeRecord): Promise<ChallengeRecord> {
      return db.challenge.create({ data: challenge });
    },

    get(id: string): Promise<ChallengeRecord | null> {
      return db.challenge.findUnique({ where: { id } });
    },

    /** Running and future challenges, soonest end first; ended ones too when asked. */
    list(includeEnded: boolean, now: Date): Promise<ChallengeRecord[]> {
      return db.challenge.findMany({
        where: includeEnded ? {} : { endsAt: { gt: now } },
        orderBy: [{ endsAt: 'asc' }, { id: 'asc' }],
      });
    },

    all(): Promise<ChallengeRecord[]> {
      return db.challenge.findMany();
    },

    memberCount(challengeId: string): Promise<number> {
      return db.challengeMember.count({ where: { challengeId, leftAt: null } });
    },

    /** The membership row (current or left), locked until the transaction ends. */
    async lockMember(challengeId: string, userId: string): Promise<MemberRecord | null> {
      const rows = await db.$queryRaw<MemberRecord[]>`
        SELECT "challengeId", "userId", "joinedAt", "leftAt", "completedAt", "boardScore"
        FROM "ChallengeMember" WHERE "challengeId" = ${challengeId}::uuid AND "userId" = ${userId}::uuid
        FOR UPDATE`;
      return rows[0] ?? null;
    },

    member(challengeId: string, userId: string): Promise<MemberRecord | null> {
      return db.challengeMember.findUnique({ where: { challengeId_userId: { challengeId, userId } } });
    },

    async saveMember(member: MemberRecord): Promise<void> {
      const { challengeId, userId, ...data } = member;
      await db.challengeMember.upsert({
        where: { challengeId_userId: { challengeId, userId } },
        create: member,
        update: data,
      });
    },

    /** The athlete's current memberships with their challenges. */
    async activeOf(userId: string): Promise<{ member: MemberRecord; challenge: ChallengeRecord }[]> {
      const rows = await db.challengeMember.findMany({
        where: { userId, leftAt: null },
        include: { challenge: true },
        orderBy: { challengeId: 'asc' },
      });
      return rows.map(({ challenge, ...member }) => ({ member, challenge }));
    },

    /** Every current member of every challenge, for rebuilding boards. */
    async activeMembers(): Promise<{ member: MemberRecord; challenge: ChallengeRecord }[]> {
      const rows = await db.challengeMember.findMany({
        where: { leftAt: null },
        include: { challenge: true },
      });
      return rows.map(({ challenge, ...member }) => ({ member, challenge }));
    },

    async deleteMembershipsOf(userId: string): Promise<void> {
      await db.challengeMember.deleteMany({ where: { userId } });
    },
  };
}
