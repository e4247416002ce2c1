/** The follow graph: who follows whom, accepted or waiting for approval; and blocks. */
import type { FollowStatus } from '../__generated__/prisma/enums';
import type { SocialTx } from '../social.prisma';
import type { TimeKey } from '../../../../lib/graphql/time-key';

export interface FollowRecord {
  followerId: string;
  followeeId: string;
  status: FollowStatus;
  requestedAt: Date;
  acceptedAt: Date | null;
}

/** One athlete of a list, with the instant the list is ordered by. */
export interface ListedUser {
  userId: string;
  since: Date;
}

export type FollowRepo = ReturnType<typeof createFollowRepo>;

export function createFollowRepo(tx: SocialTx) {
  const pair = (followerId: string, followeeId: string) => ({
    followerId_followeeId: { followerId, followeeId },
  });

  /** A page of one side of the graph, newest first (oldest first for requests), keyed by (instant, id). */
  async function listed(
    side: 'followers' | 'following',
    userId: string,
    status: FollowStatus,
    limit: number,
    after: TimeKey | null,
  ): Promise<ListedUser[]> {
    const other = side === 'followers' ? 'followerId' : 'followeeId';
    const own = side === 'followers' ? 'followeeId' : 'followerId';
    const oldestFirst = status === 'PENDING';
    const beyond = oldestFirst ? 'gt' : 'lt';
    const rows = await tx.follow.findMany({
      where: {
        [own]: userId,
        status,
        ...(after && {
          OR: [
            { requestedAt: { [beyond]: new Date(after.at) } },
            { requestedAt: new Date(after.at), [other]: { [beyond]: after.id } },
          ],
        }),
      },
      orderBy: [{ requestedAt: oldestFirst ? 'asc' : 'desc' }, { [other]: oldestFirst ? 'asc' : 'desc' }],
      take: limit + 1,
    });
    return rows.map((row) => ({ userId: row[other], since: row.requestedAt }));
  }

  return {
    find: (followerId: string, followeeId: string): Promise<FollowRecord | null> =>
      tx.follow.findUnique({ where: pair(followerId, followeeId) }),
    request: (record: FollowRecord): Promise<FollowRecord> => tx.follow.create({ data: record }),
    accept: (followerId: string, followeeId: string, at: Date): Promise<FollowRecord> =>
      tx.follow.update({ where: pair(followerId, followeeId), data: { status: 'ACCEPTED', acceptedAt: at } }),
    /** Deletes the follow (or request) and returns what it was; null when there was none. */
    async remove(followerId: string, followeeId: string): Promise<FollowRecord | null> {
      const found = await tx.follow.findUnique({ where: pair(followerId, followeeId) });
      if (found) await tx.follow.delete({ where: pair(followerId, followeeId) });
      return found;
    },
    followers: (userId: string, limit: number, after: TimeKey | null) =>
      listed('followers', userId, 'ACCEPTED', limit, after),
    following: (userId: string, limit: number, after: TimeKey | null) =>
      listed('following', userId, 'ACCEPTED', limit, after),
    requests: (userId: string, limit: number, after: TimeKey | null) =>
      listed('followers', userId, 'PENDING', limit, after),
    requestCount: (userId: string): Promise<number> =>
      tx.follow.count({ where: { followeeId: userId, status: 'PENDING' } }),
    removeTouching: async (userId: string): Promise<void> =>
      void (await tx.follow.deleteMany({ where: { OR: [{ followerId: userId }, { followeeId: userId }] } })),
  };
}

export type BlockRepo = ReturnType<typeof createBlockRepo>;

export function createBlockRepo(tx: SocialTx) {
  return {
    /** Records the block; false when it was there already. */
    async block(blockerId: string, blockedId: string, at: Date): Promise<boolean> {
      const { count } = await tx.block.createMany({
        data: [{ blockerId, blockedId, blockedAt: at }],
        skipDuplicates: true,
      });
      return count > 0;
    },
    /** Removes the block; false when there was none. */
    unblock: async (blockerId: string, blockedId: string): Promise<boolean> =>
      (await tx.block.deleteMany({ where: { blockerId, blockedId } })).count > 0,
    blockedBy: async (blockerId: string): Promise<string[]> =>
      (
        await tx.block.findMany({
          where: { blockerId },
          orderBy: { blockedAt: 'desc' },
          select: { blockedId: true },
        })
      ).map((row) => row.blockedId),
    removeTouching: async (userId: string): Promise<void> =>
      void (await tx.block.deleteMany({ where: { OR: [{ blockerId: userId }, { blockedId: userId }] } })),
  };
}
