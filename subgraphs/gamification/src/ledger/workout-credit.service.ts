/**
 * Keeps XP, leaderboards, challenges and achievements in line with one workout's latest state: a finished
 * workout is credited, an edit corrected by the difference, a deletion reversed, each as a ledger row
 * caused by the event. Runs inside the event's unit of work (the consumer's repositories); the score
 * changes it returns are applied to the leaderboards after the commit (they live outside the database).
 */
import type { Clock } from '../../../../lib/clock';
import type { WorkoutSummary } from '../../../../lib/events/contracts/training';
import type { EventOrigin } from '../../../../lib/events/envelope';
import { settleAthleteProgress } from '../athletes/athlete-progress';
import { inWindow, settleMember, standingOf } from '../challenges/member-standing';
import type { GamificationRepos } from '../gamification.repos';
import { contributionsOf, differences } from '../leaderboards/leaderboard-contributions';
import type { ScoreChange } from '../leaderboards/leaderboard-store';
import { factOfRow, factOfSummary, sameFact, type WorkoutFact } from '../workout-facts/workout-fact';
import { xpFor } from './xp';
import type { LedgerEntry } from './xp-ledger.repo';

/** The latest state of a workout: training's summary, or its deletion. */
export type WorkoutState =
  | { kind: 'summary'; summary: WorkoutSummary }
  | { kind: 'deleted'; workoutId: string; userId: string; deletedAt: Date };

export interface CreditOutcome {
  scoreChanges: ScoreChange[];
  /** Outbox rows written (achievements, levels, challenges completed): the relay needs waking. */
  events: number;
}

const NOTHING: CreditOutcome = { scoreChanges: [], events: 0 };

export type CreditRepos = Omit<GamificationRepos, 'challenges'> & {
  challenges: Pick<GamificationRepos['challenges'], 'activeOf' | 'saveMember'>;
};

export type WorkoutCreditService = ReturnType<typeof createWorkoutCreditService>;

/** Credits, corrects and reverses workouts' XP (and what follows from it) as training's events say. */
export function createWorkoutCreditService(deps: { clock: Clock }) {
  const { clock } = deps;
  return {
    /** Applies the workout's latest state with the repositories of the event's unit of work. */
    apply: (repos: CreditRepos, state: WorkoutState, cause: { eventId: string; origin: EventOrigin }) =>
      applyWorkoutState(repos, state, cause, clock.now()),
  };
}

async function applyWorkoutState(
  repos: CreditRepos,
  state: WorkoutState,
  cause: { eventId: string; origin: EventOrigin },
  now: Date,
): Promise<CreditOutcome> {
  const { facts, ledger, athletes, challenges } = repos;
  const workoutId = state.kind === 'summary' ? state.summary.workoutId : state.workoutId;
  const userId = state.kind === 'summary' ? state.summary.userId : state.userId;

  // The athlete first (serialises their updates and orders their outbox rows), then the workout.
  const highestLevel = await athletes.lock(userId);
  const row = await facts.lock(workoutId);
  // Events of one workout arrive in order: a state after its deletion (re-driven, replayed) is stale.
  if (row?.deletedAt) return NOTHING;
  const before: WorkoutFact | null = row ? factOfRow(row) : null;
  const after: WorkoutFact | null = state.kind === 'summary' ? factOfSummary(state.summary) : null;
  if (state.kind === 'summary' && (!after || (before && sameFact(before, after)))) return NOTHING;

  const credited = await ledger.ofWorkout(workoutId);
  const xpAfter = after ? xpFor(after).points : 0;
  const entry = ledgerEntry(credited, xpAfter, after ?? before, cause.eventId, state.kind);
  if (entry) await ledger.append(entry);
  if (after) await facts.save(after);
  else await facts.markDeleted(workoutId, userId, state.kind === 'deleted' ? state.deletedAt : now);

  const scoreChanges = differences(
    userId,
    contributionsOf(before, credited.net),
    contributionsOf(after, xpAfter),
  );
  const touched = [before, after].flatMap((f) => (f ? [f.startedAt] : []));
  const memberships = (await challenges.activeOf(userId)).filter(({ challenge }) =>
    touched.some((startedAt) => inWindow(challenge, startedAt)),
  );
  let completions = 0;
  if (memberships.length > 0) {
    const [current, timeZone] = await Promise.all([facts.factsOf(userId), athletes.timeZoneOf(userId)]);
    for (const { member, challenge } of memberships) {
      const { change, completed } = await settleMember(
        repos,
        challenge,
        member,
        standingOf(challenge, current, timeZone),
        cause.origin,
        now,
      );
      if (change) scoreChanges.push(change);
      if (completed) completions += 1;
    }
  }

  const events = await settleAthleteProgress(repos, userId, highestLevel, cause.origin, now);
  return { scoreChanges, events: completions + events };
}

/** The ledger row for the workout's new XP: a first credit, a correction by the difference, or a reversal. */
function ledgerEntry(
  credited: { net: number; entries: number },
  xpAfter: number,
  fact: WorkoutFact | null,
  causeEventId: string,
  kind: WorkoutState['kind'],
): LedgerEntry | null {
  if (!fact) return null;
  const base = {
    userId: fact.userId,
    workoutId: fact.workoutId,
    causeEventId,
    sport: fact.sport,
    occurredAt: new Date(fact.startedAt),
  };
  if (kind === 'deleted')
    return credited.net === 0 ? null : { ...base, kind: 'REVERSAL', points: -credited.net };
  // The first state of a workout is credited even with 0 points (a flagged track): the row says it was judged.
  if (credited.entries === 0) return { ...base, kind: 'CREDIT', points: xpAfter };
  return xpAfter === credited.net ? null : { ...base, kind: 'CORRECTION', points: xpAfter - credited.net };
}
