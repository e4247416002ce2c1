/** The viewer's relations to athletes (their follows of them, blocks either way), in two statements. */
import type { SocialTx } from '../social.prisma';
import { SELF, STRANGER, type Relation } from './audience';

export type RelationRepo = ReturnType<typeof createRelationRepo>;

export function createRelationRepo(tx: SocialTx) {
  async function relationsTo(
    viewerId: string | null,
    userIds: readonly string[],
  ): Promise<Map<string, Relation>> {
    const relations = new Map<string, Relation>(userIds.map((id) => [id, id === viewerId ? SELF : STRANGER]));
    const others = userIds.filter((id) => id !== viewerId);
    if (viewerId === null || others.length === 0) return relations;
    const [follows, blocks] = [
      await tx.follow.findMany({
        where: { followerId: viewerId, followeeId: { in: others } },
        select: { followeeId: true, status: true },
      }),
      await tx.block.findMany({
        where: {
          OR: [
            { blockerId: viewerId, blockedId: { in: others } },
            { blockedId: viewerId, blockerId: { in: others } },
          ],
        },
      }),
    ];
    for (const { followeeId, status } of follows)
      relations.set(followeeId, { ...relations.get(followeeId)!, follow: status });
    for (const { blockerId, blockedId } of blocks) {
      const other = blockerId === viewerId ? blockedId : blockerId;
      relations.set(other, { ...relations.get(other)!, blocked: true });
    }
    return relations;
  }

  return {
    relationsTo,
    relationTo: async (viewerId: string | null, userId: string): Promise<Relation> =>
      (await relationsTo(viewerId, [userId])).get(userId)!,
    /** Whether either of the two blocked the other. */
    blockedEitherWay: async (a: string, b: string): Promise<boolean> =>
      (await tx.block.count({
        where: {
          OR: [
            { blockerId: a, blockedId: b },
            { blockerId: b, blockedId: a },
          ],
        },
      })) > 0,
  };
}
