/** Challenges: admins create them; athletes join, leave and see their progress and the challenge's board. */
import { v7 as uuidv7 } from 'uuid';
import type { Viewer } from '../../../lib/auth/viewer';
import { BadUserInputError, ConflictError, NotFoundError } from '../../../lib/errors/domain-error';
import type { Sport } from '../../../lib/sports';
import { createAthleteRepo } from './athlete.repo';
import { UUID } from './board-input';
import type { BoardUpdater } from './board-updates';
import { createChallengeRepo, type ChallengeRecord, type ChallengeRepo } from './challenge.repo';
import { progressOf, settleMember, standingOf } from './challenge-progress';
import type { GamificationPrisma } from './gamification.prisma';
import type { ChallengeGoal, ChallengeProgress } from './rules';
import { createWorkoutFactRepo } from './workout-fact.repo';

export interface CreateChallengeInput {
  title: string;
  goal: ChallengeGoal;
  target: number;
  sport?: Sport | null;
  startsAt: Date;
  endsAt: Date;
}

/** A member's progress as the API shows it. */
export interface MemberProgress extends ChallengeProgress {
  joinedAt: Date;
}

const MAX_DURATION_MS = 366 * 86_400_000;

export type ChallengeService = ReturnType<typeof createChallengeService>;

export function createChallengeService(deps: {
  prisma: GamificationPrisma;
  challenges: ChallengeRepo;
  boards: Pick<BoardUpdater, 'apply'>;
  clock: { now(): Date };
}) {
  const { prisma, challenges, boards, clock } = deps;

  async function get(id: string): Promise<ChallengeRecord> {
    const challenge = UUID.test(id) ? await challenges.get(id) : null;
    if (!challenge) throw new NotFoundError('Challenge', id);
    return challenge;
  }

  /** Sets the caller's membership (joined or not) and moves their score on the challenge's board. */
  async function setMembership(viewer: Viewer, id: string, joined: boolean): Promise<ChallengeRecord> {
    const challenge = await get(id);
    const now = clock.now();
    const change = await prisma.$transaction(async (tx) => {
      const repo = createChallengeRepo(tx);
      const athletes = createAthleteRepo(tx);
      await athletes.lock(viewer.userId);
      const existing = await repo.lockMember(id, viewer.userId);
      const active = existing !== null && existing.leftAt === null;
      if (joined && active) return null;
      if (!joined && !active) throw new ConflictError(`You are not in the challenge "${challenge.title}".`);
      if (joined && challenge.endsAt <= now)
        throw new ConflictError(
          `The challenge "${challenge.title}" ended on ${challenge.endsAt.toISOString()}.`,
        );
      const member = joined
        ? {
            challengeId: id,
            userId: viewer.userId,
            joinedAt: now,
            leftAt: null,
            completedAt: existing?.completedAt ?? null,
            boardScore: existing?.boardScore ?? 0,
          }
        : { ...existing!, leftAt: now };
      await repo.saveMember(member);
      const standing = joined
        ? standingOf(
            challenge,
            await createWorkoutFactRepo(tx).factsOf(viewer.userId),
            await athletes.timeZoneOf(viewer.userId),
          )
        : null;
      return settleMember(repo, challenge, member, standing, now);
    });
    if (change) await boards.apply([change]);
    return challenge;
  }

  return {
    get,
    list: (includeEnded: boolean) => challenges.list(includeEnded, clock.now()),
    memberCount: (challenge: ChallengeRecord) => challenges.memberCount(challenge.id),

    async create(viewer: Viewer, input: CreateChallengeInput): Promise<ChallengeRecord> {
      const title = input.title.trim();
      if (title.length < 1 || title.length > 120)
        throw new BadUserInputError('input.title', 'The title needs 1 to 120 characters.');
      if (!Number.isFinite(input.target) || input.target <= 0 || input.target > 1e9)
        throw new BadUserInputError(
          'input.target',
          'The target must be above 0 (and at most 1 000 000 000).',
        );
      if ((input.goal === 'COUNT' || input.goal === 'STREAK_DAYS') && !Number.isInteger(input.target))
        throw new BadUserInputError('input.target', `A ${input.goal} target is a whole number.`);
      const duration = input.endsAt.getTime() - input.startsAt.getTime();
      if (duration <= 0) throw new BadUserInputError('input.endsAt', 'endsAt must come after startsAt.');
      if (duration > MAX_DURATION_MS)
        throw new BadUserInputError('input.endsAt', 'A challenge lasts at most 366 days.');
      return challenges.create({
        id: uuidv7(),
        title,
        goal: input.goal,
        target: input.target,
        sport: input.sport ?? null,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        createdBy: viewer.userId,
      });
    },

    join: (viewer: Viewer, id: string) => setMembership(viewer, id, true),
    leave: (viewer: Viewer, id: string) => setMembership(viewer, id, false),

    /** The caller's progress, computed from their current workouts; null when they are not in it. */
    async progressOf(viewer: Viewer, challenge: ChallengeRecord): Promise<MemberProgress | null> {
      const member = await challenges.member(challenge.id, viewer.userId);
      if (!member || member.leftAt) return null;
      const facts = await createWorkoutFactRepo(prisma).factsOf(viewer.userId);
      const progress = progressOf(
        challenge,
        facts,
        await createAthleteRepo(prisma).timeZoneOf(viewer.userId),
      );
      // Completion is kept once reached, even if a deleted workout takes the total back below the target.
      const completedAt = member.completedAt?.getTime() ?? (progress.completed ? progress.completedAt : null);
      return { ...progress, completed: completedAt !== null, completedAt, joinedAt: member.joinedAt };
    },
  };
}
