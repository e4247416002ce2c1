/** A member's progress in a challenge, and the board score and the completion that follow from it. */
import type { EventOrigin } from '../../../../lib/events/envelope';
import type { OutboxWriter } from '../../../../lib/events/outbox';
import { SPORTS, type Sport } from '../../../../lib/sports';
import { challengeCompleted } from './challenge.publish';
import type { ChallengeRecord, ChallengeRepo, MemberRecord } from './challenge.repo';
import { boardId } from '../leaderboards/board-key';
import type { ScoreChange } from '../leaderboards/leaderboard-store';
import { challengeProgress, type ChallengeDefinition, type ChallengeProgress } from './challenge-rules';
import { onSharedLeaderboards, type WorkoutFact } from '../workout-facts/workout-fact';

const asSport = (value: string | null): Sport | null =>
  value !== null && (SPORTS as readonly string[]).includes(value) ? (value as Sport) : null;

export function definitionOf(challenge: ChallengeRecord): ChallengeDefinition {
  return {
    id: challenge.id,
    goal: challenge.goal,
    target: challenge.target,
    sport: asSport(challenge.sport),
    startsAt: challenge.startsAt.getTime(),
    endsAt: challenge.endsAt.getTime(),
  };
}

export const challengeBoardId = (challengeId: string) => boardId({ kind: 'challenge', challengeId });

/** A challenge's board holds each member's progress, rounded (metres, workouts, days). */
export const boardScoreOf = (progress: ChallengeProgress) => Math.round(progress.current);

export const progressOf = (challenge: ChallengeRecord, facts: readonly WorkoutFact[], timeZone: string) =>
  challengeProgress(definitionOf(challenge), facts, timeZone);

/**
 * A member's standing: their own progress counts every workout (completion follows it), the challenge's
 * board, which every signed-in athlete reads, only the workouts that are not private.
 */
export interface MemberStanding {
  progress: ChallengeProgress;
  boardProgress: ChallengeProgress;
}

/** The member's standing from their current workouts. */
export const standingOf = (
  challenge: ChallengeRecord,
  facts: readonly WorkoutFact[],
  timeZone: string,
): MemberStanding => ({
  progress: progressOf(challenge, facts, timeZone),
  boardProgress: progressOf(challenge, facts.filter(onSharedLeaderboards), timeZone),
});

/** Whether a workout starting at `startedAt` counts for the challenge (its window: start inclusive, end exclusive). */
export const inWindow = (challenge: ChallengeRecord, startedAt: number) =>
  startedAt >= challenge.startsAt.getTime() && startedAt < challenge.endsAt.getTime();

/** What settling a member did: the move of their board score, and whether it recorded their completion. */
export interface MemberSettlement {
  /** The change of the member's score on the challenge's board; null when it stays. */
  change: ScoreChange | null;
  /** This settlement recorded the member's completion and wrote gamification.challenge.completed. */
  completed: boolean;
}

/** What settling a member writes: the membership row, and the completion event with it. */
export interface SettleRepos {
  challenges: Pick<ChallengeRepo, 'saveMember'>;
  outbox: OutboxWriter;
}

/**
 * Stores the member's new standing (board score, completion: kept once reached) and gives the change of
 * their score on the challenge's board. `standing` is null when the member leaves (their score goes to 0).
 * The settlement that first records the completion writes gamification.challenge.completed with it, in the
 * caller's transaction: a completion is never recorded again, so the event is written once per member.
 */
export async function settleMember(
  repos: SettleRepos,
  challenge: ChallengeRecord,
  member: MemberRecord,
  standing: MemberStanding | null,
  origin: EventOrigin,
  now: Date,
): Promise<MemberSettlement> {
  const score = standing ? boardScoreOf(standing.boardProgress) : 0;
  const progress = standing?.progress;
  const completedAt =
    member.completedAt ?? (progress?.completed ? new Date(progress.completedAt ?? now.getTime()) : null);
  if (score === member.boardScore && completedAt === member.completedAt)
    return { change: null, completed: false };
  await repos.challenges.saveMember({ ...member, boardScore: score, completedAt });
  const completed = member.completedAt === null && completedAt !== null;
  if (completed)
    await repos.outbox.write([challengeCompleted(member.userId, challenge, completedAt, origin, now)]);
  const delta = score - member.boardScore;
  return {
    change: delta === 0 ? null : { board: challengeBoardId(challenge.id), athleteId: member.userId, delta },
    completed,
  };
}
