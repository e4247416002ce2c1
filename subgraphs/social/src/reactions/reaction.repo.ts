/** Kudos (one per athlete and workout) and comments on workouts. */
import type { SocialTx } from '../social.prisma';
import type { TimeKey } from '../../../../lib/graphql/time-key';

export interface CommentRecord {
  id: string;
  workoutId: string;
  authorId: string;
  text: string;
  mentionIds: string[];
  createdAt: Date;
  editedAt: Date | null;
}

export type ReactionRepo = ReturnType<typeof createReactionRepo>;

export function createReactionRepo(tx: SocialTx) {
  return {
    /** Records the kudos; false when this athlete gave it already. */
    giveKudos: async (workoutId: string, giverId: string, at: Date): Promise<boolean> =>
      (await tx.kudos.createMany({ data: [{ workoutId, giverId, givenAt: at }], skipDuplicates: true }))
        .count > 0,
    /** Per workout, its first `limit` givers not blocked either way with the viewer (earliest first). */
    async firstGivers(
      viewerId: string | null,
      workoutIds: readonly string[],
      limit: number,
    ): Promise<Map<string, string[]>> {
      const rows = await tx.$queryRaw<{ workoutId: string; giverId: string }[]>`
        SELECT "workoutId", "giverId" FROM (
          SELECT k."workoutId", k."giverId",
                 row_number() OVER (PARTITION BY k."workoutId" ORDER BY k."givenAt", k."giverId") AS place
          FROM "Kudos" k
          WHERE k."workoutId" = ANY(${[...workoutIds]}::uuid[])
            AND NOT EXISTS (
              SELECT 1 FROM "Block" b
              WHERE (b."blockerId" = ${viewerId}::uuid AND b."blockedId" = k."giverId")
                 OR (b."blockerId" = k."giverId" AND b."blockedId" = ${viewerId}::uuid))
        ) ranked WHERE place <= ${limit} ORDER BY "workoutId", place`;
      const givers = new Map<string, string[]>(workoutIds.map((id) => [id, []]));
      for (const row of rows) givers.get(row.workoutId)!.push(row.giverId);
      return givers;
    },
    /** The workouts among these the athlete gave kudos to. */
    givenBy: async (giverId: string, workoutIds: readonly string[]): Promise<Set<string>> =>
      new Set(
        (
          await tx.kudos.findMany({
            where: { giverId, workoutId: { in: [...workoutIds] } },
            select: { workoutId: true },
          })
        ).map((row) => row.workoutId),
      ),
    addComment: (comment: CommentRecord): Promise<CommentRecord> => tx.comment.create({ data: comment }),
    findComment: (id: string): Promise<CommentRecord | null> => tx.comment.findUnique({ where: { id } }),
    editComment: (id: string, text: string, mentionIds: string[], at: Date): Promise<CommentRecord> =>
      tx.comment.update({ where: { id }, data: { text, mentionIds, editedAt: at } }),
    deleteComment: async (id: string): Promise<void> => void (await tx.comment.deleteMany({ where: { id } })),
    /** A page of a workout's comments, oldest first, without authors blocked either way with the viewer. */
    async comments(
      viewerId: string | null,
      workoutId: string,
      limit: number,
      after: TimeKey | null,
    ): Promise<CommentRecord[]> {
      const hidden = viewerId
        ? [
            ...(await tx.block.findMany({ where: { blockerId: viewerId }, select: { blockedId: true } })).map(
              (b) => b.blockedId,
            ),
            ...(await tx.block.findMany({ where: { blockedId: viewerId }, select: { blockerId: true } })).map(
              (b) => b.blockerId,
            ),
          ]
        : [];
      return tx.comment.findMany({
        where: {
          workoutId,
          authorId: { notIn: hidden },
          ...(after && {
            OR: [
              { createdAt: { gt: new Date(after.at) } },
              { createdAt: new Date(after.at), id: { gt: after.id } },
            ],
          }),
        },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        take: limit,
      });
    },
    /** The user leaves: the workouts they gave kudos to and commented on count them no more. */
    async uncountOfUser(userId: string): Promise<void> {
      await tx.$executeRaw`
        UPDATE "Workout" SET "kudosCount" = "kudosCount" - 1
        WHERE "id" IN (SELECT "workoutId" FROM "Kudos" WHERE "giverId" = ${userId}::uuid)`;
      await tx.$executeRaw`
        UPDATE "Workout" w SET "commentCount" = w."commentCount" - c.n
        FROM (SELECT "workoutId", count(*)::int AS n FROM "Comment" WHERE "authorId" = ${userId}::uuid GROUP BY "workoutId") c
        WHERE w."id" = c."workoutId"`;
    },
    async removeOfUser(userId: string): Promise<void> {
      await tx.kudos.deleteMany({ where: { giverId: userId } });
      await tx.comment.deleteMany({ where: { authorId: userId } });
    },
  };
}
