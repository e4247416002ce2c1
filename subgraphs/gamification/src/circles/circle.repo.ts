/**
 * Who follows, blocks and is in a club with whom, as social's events told gamification: the sets that friends
 * and club boards show. Each write is a last-writer-wins upsert on the time social gave the change, so that
 * an older event delivered late (another partition, a retry) never undoes a newer one; an ended relation
 * keeps its row (`following`, `blocking`, `member` false) for that comparison.
 */
import type { GamificationTx } from '../gamification.prisma';

export type CircleRepo = ReturnType<typeof createCircleRepo>;

export function createCircleRepo(db: GamificationTx) {
  return {
    /** Records that followerId follows followeeId (`following`) or no longer does, as of `at`. */
    async setFollow(followerId: string, followeeId: string, following: boolean, at: Date): Promise<void> {
      await db.$executeRaw`
        INSERT INTO "Follow" ("followerId", "followeeId", "following", "changedAt")
        VALUES (${followerId}::uuid, ${followeeId}::uuid, ${following}, ${at})
        ON CONFLICT ("followerId", "followeeId") DO UPDATE
          SET "following" = EXCLUDED."following", "changedAt" = EXCLUDED."changedAt"
          WHERE "Follow"."changedAt" <= EXCLUDED."changedAt"`;
    },

    /** Records that blockerId blocked blockedId (`blocking`) or unblocked them, as of `at`. */
    async setBlock(blockerId: string, blockedId: string, blocking: boolean, at: Date): Promise<void> {
      await db.$executeRaw`
        INSERT INTO "Block" ("blockerId", "blockedId", "blocking", "changedAt")
        VALUES (${blockerId}::uuid, ${blockedId}::uuid, ${blocking}, ${at})
        ON CONFLICT ("blockerId", "blockedId") DO UPDATE
          SET "blocking" = EXCLUDED."blocking", "changedAt" = EXCLUDED."changedAt"
          WHERE "Block"."changedAt" <= EXCLUDED."changedAt"`;
    },

    /** Records that userId joined the club (`member`) or left it, as of `at`. */
    async setClubMember(clubId: string, userId: string, member: boolean, at: Date): Promise<void> {
      await db.$executeRaw`
        INSERT INTO "ClubMember" ("clubId", "userId", "member", "changedAt")
        VALUES (${clubId}::uuid, ${userId}::uuid, ${member}, ${at})
        ON CONFLICT ("clubId", "userId") DO UPDATE
          SET "member" = EXCLUDED."member", "changedAt" = EXCLUDED."changedAt"
          WHERE "ClubMember"."changedAt" <= EXCLUDED."changedAt"`;
    },

    /** Whom userId follows, less anyone in a block with them (either way round). */
    async followeesOf(userId: string): Promise<string[]> {
      const rows = await db.$queryRaw<{ id: string }[]>`
        SELECT f."followeeId"::text AS id FROM "Follow" f
        WHERE f."followerId" = ${userId}::uuid AND f."following"
          AND NOT EXISTS (
            SELECT 1 FROM "Block" b
            WHERE b."blocking"
              AND ((b."blockerId" = f."followerId" AND b."blockedId" = f."followeeId")
                OR (b."blockerId" = f."followeeId" AND b."blockedId" = f."followerId")))
        ORDER BY f."followeeId"`;
      return rows.map((row) => row.id);
    },

    /** The club's current members. */
    async clubMembers(clubId: string): Promise<string[]> {
      const rows = await db.clubMember.findMany({
        where: { clubId, member: true },
        select: { userId: true },
        orderBy: { userId: 'asc' },
      });
      return rows.map((row) => row.userId);
    },

    async isClubMember(clubId: string, userId: string): Promise<boolean> {
      const row = await db.clubMember.findUnique({ where: { clubId_userId: { clubId, userId } } });
      return row?.member ?? false;
    },

    /** Erasure: every follow, block and membership the user is on either side of. */
    async deleteOfUser(userId: string): Promise<void> {
      await db.follow.deleteMany({ where: { OR: [{ followerId: userId }, { followeeId: userId }] } });
      await db.block.deleteMany({ where: { OR: [{ blockerId: userId }, { blockedId: userId }] } });
      await db.clubMember.deleteMany({ where: { userId } });
    },
  };
}
