/** Challenges: admins create them; athletes join, leave and see their progress and the challenge's leaderboard. */
import { v7 as uuidv7 } from 'uuid';
import type { Viewer } from '../../../../lib/auth/viewer';
import type { Clock } from '../../../../lib/clock';
import type { InTransaction } from '../../../../lib/db/unit-of-work';
import { BadUserInputError, ConflictError, NotFoundError } from '../../../../lib/errors/domain-error';
import type { Sport } from '../../../../lib/sports';
import type { GamificationRepos } from '../gamification.repos';
import { UUID } from '../leaderboards/board-input';
import type { LeaderboardUpdater } from '../leaderboards/leaderboard-updates';
import type { ChallengeGoal, ChallengeProgress } from './challenge-rules';
import type { ChallengeRecord } from './challenge.repo';
import { progressOf, settleMember, standingOf } from './member-standing';

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

type ChallengeRepos = Pick<GamificationRepos, 'athletes' | 'challenges' | 'facts'>;

/** Challenges and their members: creation rules, joining and leaving, a member's progress. */
export function createChallengeService(deps: {
  /** For reads outside a transaction. */
  repos: ChallengeRepos;
  inTransaction: InTransaction<ChallengeRepos & Pick<GamificationRepos, 'outbox'>>;
  /** Moves scores on the challenges' leaderboards after a commit. */
  leaderboards: Pick<LeaderboardUpdater, 'apply'>;
  clock: Clock;
  /** Wakes the outbox relay after a commit that wrote events (a member completing as they join). */
  notify: () => void;
}) {
  const { repos, inTransaction, leaderboards, clock, notify } = deps;
  const { challenges } = repos;

  async function get(id: string): Promise<ChallengeRecord> {
    const challenge = UUID.test(id) ? await challenges.get(id) : null;
    if (!challenge) throw new NotFoundError('Challenge', id);
    return challenge;
  }

  /**
   * Sets the caller's membership (joined or not) and moves their score on the challenge's board. Joining
   * counts the workouts already in the window: it may record the member's completion (and announce it).
   */
  async function setMembership(viewer: Viewer, id: string, joined: boolean): Promise<ChallengeRecord> {
    const challenge = await get(id);
    const now = clock.now();
    const settled = await inTransaction(async (tx) => {
      await tx.athletes.lock(viewer.userId);
      const existing = await tx.challenges.lockMember(id, viewer.userId);
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
      await tx.challenges.saveMember(member);
      const standing = joined
        ? standingOf(
            challenge,
            await tx.facts.factsOf(viewer.userId),
            await tx.athletes.timeZoneOf(viewer.userId),
          )
        : null;
      return settleMember(tx, challenge, member, standing, { actorId: viewer.userId }, now);
    });
    if (settled?.completed) notify();
    if (settled?.change) await leaderboards.apply([settled.change]);
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
      const [facts, timeZone] = await Promise.all([
        repos.facts.factsOf(viewer.userId),
        repos.athletes.timeZoneOf(viewer.userId),
      ]);
      const progress = progressOf(challenge, facts, timeZone);
      // Completion is kept once reached, even if a deleted workout takes the total back below the target.
      const completedAt = member.completedAt?.getTime() ?? (progress.completed ? progress.completedAt : null);
      return { ...progress, completed: completedAt !== null, completedAt, joinedAt: member.joinedAt };
    },
  };
}
