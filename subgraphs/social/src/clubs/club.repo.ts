/** Clubs and their members (with roles), requests to join and invitations. */
import type { ClubRole, MembershipStatus } from '../__generated__/prisma/enums';
import type { SocialTx } from '../social.prisma';
import type { TimeKey } from '../../../../lib/graphql/time-key';

export interface ClubRecord {
  id: string;
  name: string;
  description: string | null;
  sport: string | null;
  private: boolean;
  memberCount: number;
  createdAt: Date;
}

export interface MembershipRecord {
  clubId: string;
  userId: string;
  role: ClubRole;
  status: MembershipStatus;
  since: Date;
}

export type ClubRepo = ReturnType<typeof createClubRepo>;

export function createClubRepo(tx: SocialTx) {
  const key = (clubId: string, userId: string) => ({ clubId_userId: { clubId, userId } });
  return {
    create: (club: Omit<ClubRecord, 'memberCount'>): Promise<ClubRecord> =>
      tx.club.create({ data: { ...club, memberCount: 0 } }),
    find: (id: string): Promise<ClubRecord | null> => tx.club.findUnique({ where: { id } }),
    findMany: (ids: readonly string[]): Promise<ClubRecord[]> =>
      tx.club.findMany({ where: { id: { in: [...ids] } } }),
    publicClubs: (sport: string | null, limit: number): Promise<ClubRecord[]> =>
      tx.club.findMany({
        where: { private: false, ...(sport && { sport }) },
        orderBy: [{ memberCount: 'desc' }, { createdAt: 'asc' }],
        take: limit,
      }),
    membership: (clubId: string, userId: string): Promise<MembershipRecord | null> =>
      tx.clubMember.findUnique({ where: key(clubId, userId) }),
    memberships: (userId: string): Promise<MembershipRecord[]> =>
      tx.clubMember.findMany({ where: { userId }, orderBy: { since: 'desc' } }),
    /** Creates or changes a membership; `memberCount` follows whether it is (still) a MEMBER. */
    async put(membership: MembershipRecord): Promise<MembershipRecord> {
      const before = await tx.clubMember.findUnique({ where: key(membership.clubId, membership.userId) });
      const saved = await tx.clubMember.upsert({
        where: key(membership.clubId, membership.userId),
        create: membership,
        update: membership,
      });
      const by = Number(saved.status === 'MEMBER') - Number(before?.status === 'MEMBER');
      if (by !== 0)
        await tx.club.update({ where: { id: membership.clubId }, data: { memberCount: { increment: by } } });
      return saved;
    },
    /** Ends a membership (or request, or invitation); returns what it was. */
    async remove(clubId: string, userId: string): Promise<MembershipRecord | null> {
      const before = await tx.clubMember.findUnique({ where: key(clubId, userId) });
      if (!before) return null;
      await tx.clubMember.delete({ where: key(clubId, userId) });
      if (before.status === 'MEMBER')
        await tx.club.update({ where: { id: clubId }, data: { memberCount: { decrement: 1 } } });
      return before;
    },
    /** Members, longest-standing first. */
    members: (clubId: string, limit: number, after: TimeKey | null): Promise<MembershipRecord[]> =>
      tx.clubMember.findMany({
        where: {
          clubId,
          status: 'MEMBER',
          ...(after && {
            OR: [
              { since: { gt: new Date(after.at) } },
              { since: new Date(after.at), userId: { gt: after.id } },
            ],
          }),
        },
        orderBy: [{ since: 'asc' }, { userId: 'asc' }],
        take: limit,
      }),
    pending: (clubId: string): Promise<MembershipRecord[]> =>
      tx.clubMember.findMany({
        where: { clubId, status: { not: 'MEMBER' } },
        orderBy: { since: 'asc' },
        take: 200,
      }),
    /** The member who takes a club over from its leaving owner: the longest-standing admin, else member. */
    successor: async (clubId: string, leavingId: string): Promise<MembershipRecord | null> =>
      (
        await tx.clubMember.findMany({
          where: { clubId, status: 'MEMBER', NOT: { userId: leavingId } },
          orderBy: [{ role: 'asc' }, { since: 'asc' }, { userId: 'asc' }],
          take: 1,
        })
      )[0] ?? null,
    close: async (clubId: string): Promise<void> =>
      void (await tx.club.deleteMany({ where: { id: clubId } })),
  };
}
