/**
 * Profiles: made when identity registers an account (display name, time zone, a handle of its own), changed
 * by the athlete, and counted (followers, following) as follows come and go.
 */
import type { Prisma } from '../__generated__/prisma/client';
import type { SocialTx } from '../social.prisma';
import { handleCandidates } from './handle';

const withSports = { sports: { orderBy: { sport: 'asc' } } } as const satisfies Prisma.ProfileInclude;
export type ProfileRecord = Prisma.ProfileGetPayload<{ include: typeof withSports }>;

export type ProfileChange = Partial<
  Pick<
    ProfileRecord,
    | 'handle'
    | 'bio'
    | 'homeArea'
    | 'homeLatitude'
    | 'homeLongitude'
    | 'units'
    | 'visibility'
    | 'approveFollowers'
    | 'partnerSearch'
    | 'avatarId'
  >
> & { sports?: { sport: string; level: ProfileRecord['sports'][number]['level'] }[] };

export type ProfileRepo = ReturnType<typeof createProfileRepo>;

export function createProfileRepo(tx: SocialTx) {
  async function freeHandle(displayName: string): Promise<string> {
    for (const candidate of handleCandidates(displayName)) {
      if ((await tx.profile.count({ where: { handle: candidate } })) === 0) return candidate;
    }
    throw new Error('unreachable: handle candidates never end');
  }

  return {
    /** identity.user.registered / .updated: the profile, made with a free handle when it is new. */
    async named(userId: string, displayName: string, timeZone: string): Promise<void> {
      const updated = await tx.profile.updateMany({ where: { userId }, data: { displayName, timeZone } });
      if (updated.count > 0) return;
      await tx.profile.create({
        data: { userId, displayName, timeZone, handle: await freeHandle(displayName) },
      });
    },
    find: (userId: string): Promise<ProfileRecord | null> =>
      tx.profile.findUnique({ where: { userId }, include: withSports }),
    findMany: (userIds: readonly string[]): Promise<ProfileRecord[]> =>
      tx.profile.findMany({ where: { userId: { in: [...userIds] } }, include: withSports }),
    byHandle: (handle: string): Promise<ProfileRecord | null> =>
      tx.profile.findUnique({ where: { handle }, include: withSports }),
    /** userId by handle, for the handles that exist. */
    async idsOfHandles(handles: readonly string[]): Promise<Map<string, string>> {
      if (handles.length === 0) return new Map();
      const rows = await tx.profile.findMany({
        where: { handle: { in: [...handles] } },
        select: { userId: true, handle: true },
      });
      return new Map(rows.map((row) => [row.handle, row.userId]));
    },
    handleTaken: async (handle: string, exceptUserId: string): Promise<boolean> =>
      (await tx.profile.count({ where: { handle, NOT: { userId: exceptUserId } } })) > 0,
    async change(userId: string, { sports, ...fields }: ProfileChange): Promise<ProfileRecord> {
      if (sports) {
        await tx.profileSport.deleteMany({ where: { userId } });
        await tx.profileSport.createMany({ data: sports.map((s) => ({ userId, ...s })) });
      }
      return tx.profile.update({ where: { userId }, data: fields, include: withSports });
    },
    /** Adds `by` (may be negative) to the follower and following counts of a follow's two athletes. */
    async countFollow(followerId: string, followeeId: string, by: number): Promise<void> {
      await tx.profile.updateMany({
        where: { userId: followerId },
        data: { followingCount: { increment: by } },
      });
      await tx.profile.updateMany({
        where: { userId: followeeId },
        data: { followerCount: { increment: by } },
      });
    },
    /** The user leaves: those they followed lose a follower, those who followed them one followed. */
    async uncountFollowsOf(userId: string): Promise<void> {
      await tx.$executeRaw`
        UPDATE "Profile" SET "followerCount" = "followerCount" - 1
        WHERE "userId" IN (SELECT "followeeId" FROM "Follow" WHERE "followerId" = ${userId}::uuid AND "status" = 'ACCEPTED')`;
      await tx.$executeRaw`
        UPDATE "Profile" SET "followingCount" = "followingCount" - 1
        WHERE "userId" IN (SELECT "followerId" FROM "Follow" WHERE "followeeId" = ${userId}::uuid AND "status" = 'ACCEPTED')`;
    },
    remove: async (userId: string): Promise<void> =>
      void (await tx.profile.deleteMany({ where: { userId } })),
    followerCount: async (userId: string): Promise<number> =>
      (await tx.profile.findUnique({ where: { userId }, select: { followerCount: true } }))?.followerCount ??
      0,
  };
}
