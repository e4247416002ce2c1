/**
 * Clubs: created public or private; joined at once (public, or invited), by request (private), left; owners
 * and admins invite, approve and remove; the owner gives roles and may hand the club over. A member's arrival
 * and departure are events (gamification's club boards follow them), as are invitations (notifications).
 */
import { randomUUID } from 'node:crypto';
import { createEvent, type EventEnvelope } from '../../../../lib/events/envelope';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
} from '../../../../lib/errors/domain-error';
import { checkedId } from '../../../../lib/graphql/checked-id';
import type { SocialRepos } from '../social.repos';
import { publishingIn, type SocialServiceDeps } from '../social.service-deps';
import type { ClubRecord, MembershipRecord } from './club.repo';

type ClubRole = MembershipRecord['role'];

export interface NewClub {
  name: string;
  description?: string | null;
  sport?: string | null;
  private?: boolean | null;
}

const joined = (m: MembershipRecord, actorId: string) =>
  createEvent(
    'social.club.joined',
    m.clubId,
    { clubId: m.clubId, userId: m.userId, joinedAt: m.since.toISOString() },
    { actorId },
  );

const left = (m: Pick<MembershipRecord, 'clubId' | 'userId'>, actorId: string, at: Date) =>
  createEvent(
    'social.club.left',
    m.clubId,
    { clubId: m.clubId, userId: m.userId, leftAt: at.toISOString() },
    { actorId },
  );

export type ClubService = ReturnType<typeof createClubService>;

export function createClubService(deps: SocialServiceDeps) {
  const { clock } = deps;
  const publishing = publishingIn(deps);

  async function clubOf(tx: SocialRepos, clubId: string): Promise<ClubRecord> {
    checkedId('clubId', clubId, 'a club');
    const club = await tx.clubs.find(clubId);
    if (!club) throw new NotFoundError('Club', clubId);
    return club;
  }

  /** The viewer's membership when they own or administer the club: FORBIDDEN otherwise. */
  async function managing(
    tx: SocialRepos,
    clubId: string,
    viewerId: string,
    roles: ClubRole[] = ['OWNER', 'ADMIN'],
  ) {
    const club = await clubOf(tx, clubId);
    const mine = await tx.clubs.membership(clubId, viewerId);
    if (mine?.status !== 'MEMBER' || !roles.includes(mine.role))
      throw new ForbiddenError(
        `Only the club's ${roles.map((r) => r.toLowerCase()).join(' or ')} can do this.`,
      );
    return club;
  }

  /** Ends a membership; a leaving member is an event. */
  async function removeMember(
    tx: SocialRepos,
    events: EventEnvelope[],
    clubId: string,
    userId: string,
    actorId: string,
  ) {
    const before = await tx.clubs.remove(clubId, userId);
    if (before?.status === 'MEMBER') events.push(left(before, actorId, clock.now()));
    return before;
  }

  /** The owner leaves (or is deleted): the longest-standing admin, else member, takes over; else it closes. */
  async function handOver(tx: SocialRepos, events: EventEnvelope[], clubId: string, ownerId: string) {
    const successor = await tx.clubs.successor(clubId, ownerId);
    if (successor) await tx.clubs.put({ ...successor, role: 'OWNER' });
    await removeMember(tx, events, clubId, ownerId, ownerId);
    if (!successor) await tx.clubs.close(clubId);
  }

  return {
    create: (viewerId: string, input: NewClub): Promise<ClubRecord> =>
      publishing(async (tx, events) => {
        const name = input.name.trim();
        if (name.length === 0) throw new BadUserInputError('name', 'name must not be empty.');
        const now = clock.now();
        const club = await tx.clubs.create({
          id: randomUUID(),
          name,
          description: input.description?.trim() || null,
          sport: input.sport ?? null,
          private: input.private ?? false,
          createdAt: now,
        });
        const owner = await tx.clubs.put({
          clubId: club.id,
          userId: viewerId,
          role: 'OWNER',
          status: 'MEMBER',
          since: now,
        });
        events.push(joined(owner, viewerId));
        return (await tx.clubs.find(club.id))!;
      }),
    join: (viewerId: string, clubId: string): Promise<MembershipRecord> =>
      publishing(async (tx, events) => {
        const club = await clubOf(tx, clubId);
        const mine = await tx.clubs.membership(clubId, viewerId);
        if (mine?.status === 'MEMBER' || mine?.status === 'REQUESTED') return mine;
        const status = club.private && mine?.status !== 'INVITED' ? 'REQUESTED' : 'MEMBER';
        const membership = await tx.clubs.put({
          clubId,
          userId: viewerId,
          role: 'MEMBER',
          status,
          since: clock.now(),
        });
        if (status === 'MEMBER') events.push(joined(membership, viewerId));
        return membership;
      }),
    leave: (viewerId: string, clubId: string): Promise<string> =>
      publishing(async (tx, events) => {
        await clubOf(tx, clubId);
        const mine = await tx.clubs.membership(clubId, viewerId);
        if (mine?.role === 'OWNER' && mine.status === 'MEMBER')
          throw new ConflictError(
            'The owner cannot leave: give OWNER to another member first (setClubRole).',
          );
        await removeMember(tx, events, clubId, viewerId, viewerId);
        return clubId;
      }),
    invite: (viewerId: string, clubId: string, userId: string): Promise<MembershipRecord> =>
      publishing(async (tx, events) => {
        const club = await managing(tx, clubId, viewerId);
        checkedId('userId', userId, 'an athlete');
        if (!(await tx.profiles.find(userId))) throw new NotFoundError('User', userId);
        if (await tx.relations.blockedEitherWay(viewerId, userId))
          throw new ForbiddenError('You cannot invite this athlete.');
        const theirs = await tx.clubs.membership(clubId, userId);
        if (theirs?.status === 'MEMBER' || theirs?.status === 'INVITED') return theirs;
        const now = clock.now();
        // Asking to join and being invited is agreement on both sides.
        const membership = await tx.clubs.put({
          clubId,
          userId,
          role: 'MEMBER',
          status: theirs?.status === 'REQUESTED' ? 'MEMBER' : 'INVITED',
          since: now,
        });
        events.push(
          membership.status === 'MEMBER'
            ? joined(membership, viewerId)
            : createEvent(
                'social.club.invited',
                clubId,
                {
                  clubId,
                  clubName: club.name,
                  inviterId: viewerId,
                  inviteeId: userId,
                  invitedAt: now.toISOString(),
                },
                { actorId: viewerId },
              ),
        );
        return membership;
      }),
    approve: (viewerId: string, clubId: string, userId: string): Promise<MembershipRecord> =>
      publishing(async (tx, events) => {
        await managing(tx, clubId, viewerId);
        checkedId('userId', userId, 'an athlete');
        const theirs = await tx.clubs.membership(clubId, userId);
        if (theirs?.status !== 'REQUESTED') throw new NotFoundError('Request to join the club of', userId);
        const membership = await tx.clubs.put({ ...theirs, status: 'MEMBER', since: clock.now() });
        events.push(joined(membership, viewerId));
        return membership;
      }),
    remove: (viewerId: string, clubId: string, userId: string): Promise<string> =>
      publishing(async (tx, events) => {
        await managing(tx, clubId, viewerId);
        checkedId('userId', userId, 'an athlete');
        const theirs = await tx.clubs.membership(clubId, userId);
        if (theirs?.role === 'OWNER') throw new ForbiddenError('The owner cannot be removed.');
        if (theirs?.role === 'ADMIN' && (await tx.clubs.membership(clubId, viewerId))?.role !== 'OWNER')
          throw new ForbiddenError('Only the owner can remove an admin.');
        await removeMember(tx, events, clubId, userId, viewerId);
        return userId;
      }),
    setRole: (viewerId: string, clubId: string, userId: string, role: ClubRole): Promise<MembershipRecord> =>
      publishing(async (tx) => {
        await managing(tx, clubId, viewerId, ['OWNER']);
        checkedId('userId', userId, 'an athlete');
        if (userId === viewerId)
          throw new BadUserInputError('userId', 'Give OWNER to another member to step down.');
        const theirs = await tx.clubs.membership(clubId, userId);
        if (theirs?.status !== 'MEMBER') throw new NotFoundError('Member of the club', userId);
        if (role === 'OWNER') {
          const mine = (await tx.clubs.membership(clubId, viewerId))!;
          await tx.clubs.put({ ...mine, role: 'ADMIN' });
        }
        return tx.clubs.put({ ...theirs, role });
      }),
    /** identity.user.deleted: the user's memberships end; clubs they owned are handed over or closed. */
    async forget(tx: SocialRepos, userId: string): Promise<EventEnvelope[]> {
      const events: EventEnvelope[] = [];
      for (const membership of await tx.clubs.memberships(userId)) {
        if (membership.role === 'OWNER' && membership.status === 'MEMBER')
          await handOver(tx, events, membership.clubId, userId);
        else await removeMember(tx, events, membership.clubId, userId, userId);
      }
      return events;
    },
  };
}
