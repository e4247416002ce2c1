/**
 * Training's copy of social's follow graph and blocks (tables "Follow" and "Block"), written by training's
 * consumers and read by the visibility policy. Each pair is one row whose state is last-writer-wins by the
 * time the event names, so events of a pair applied out of order still leave the newest state.
 */
import type { TrainingDb } from '../training.prisma';
import type { Relation } from './visibility-policy';

export type SocialGraphRepo = ReturnType<typeof createSocialGraphRepo>;

export function createSocialGraphRepo(prisma: TrainingDb) {
  /** Writes `state` for the pair unless a newer change is stored already. */
  const setFollow = async (followerId: string, followeeId: string, following: boolean, at: Date) => {
    const key = { followerId, followeeId };
    const { count } = await prisma.follow.updateMany({
      where: { ...key, changedAt: { lte: at } },
      data: { following, changedAt: at },
    });
    if (count > 0) return;
    const created = await prisma.follow.createMany({
      data: [{ ...key, following, changedAt: at }],
      skipDuplicates: true,
    });
    // Created meanwhile by another event of the pair: apply this one if it is the newer.
    if (created.count === 0)
      await prisma.follow.updateMany({
        where: { ...key, changedAt: { lte: at } },
        data: { following, changedAt: at },
      });
  };
  const setBlock = async (blockerId: string, blockedId: string, blocked: boolean, at: Date) => {
    const key = { blockerId, blockedId };
    const { count } = await prisma.block.updateMany({
      where: { ...key, changedAt: { lte: at } },
      data: { blocked, changedAt: at },
    });
    if (count > 0) return;
    const created = await prisma.block.createMany({
      data: [{ ...key, blocked, changedAt: at }],
      skipDuplicates: true,
    });
    if (created.count === 0)
      await prisma.block.updateMany({
        where: { ...key, changedAt: { lte: at } },
        data: { blocked, changedAt: at },
      });
  };

  return {
    followAccepted: (followerId: string, followeeId: string, at: Date) =>
      setFollow(followerId, followeeId, true, at),
    followRemoved: (followerId: string, followeeId: string, at: Date) =>
      setFollow(followerId, followeeId, false, at),
    blocked: (blockerId: string, blockedId: string, at: Date) => setBlock(blockerId, blockedId, true, at),
    unblocked: (blockerId: string, blockedId: string, at: Date) => setBlock(blockerId, blockedId, false, at),

    /** Whether `viewerId` follows `athleteId`, and whether either blocked the other. */
    relationOf: async (viewerId: string, athleteId: string): Promise<Relation> => {
      const follow = await prisma.follow.findUnique({
        where: { followerId_followeeId: { followerId: viewerId, followeeId: athleteId } },
        select: { following: true },
      });
      const block = await prisma.block.findFirst({
        where: {
          blocked: true,
          OR: [
            { blockerId: viewerId, blockedId: athleteId },
            { blockerId: athleteId, blockedId: viewerId },
          ],
        },
        select: { blockerId: true },
      });
      return { follows: follow?.following ?? false, blocked: block !== null };
    },
  };
}
