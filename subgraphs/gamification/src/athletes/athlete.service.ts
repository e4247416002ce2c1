/** What an athlete reads of their own gamification (XP, level, streaks, achievements) and their settings. */
import type { Viewer } from '../../../../lib/auth/viewer';
import type { Clock } from '../../../../lib/clock';
import type { InTransaction } from '../../../../lib/db/unit-of-work';
import { ForbiddenError } from '../../../../lib/errors/domain-error';
import { ACHIEVEMENTS } from '../achievements/achievement-catalogue';
import { evaluateAchievements } from '../achievements/achievements';
import type { GamificationRepos } from '../gamification.repos';
import { refusalReason } from '../ledger/xp';
import { normalizeTimeZone } from '../workout-facts/local-time';
import { factOfRow } from '../workout-facts/workout-fact';
import { applyTimeZone, type ProgressRepos } from './athlete-progress';
import { levelOf, type Level } from './levels';
import { streaksOf, type Streaks } from './streaks';

/** One achievement of the catalogue for one athlete. */
export interface AchievementView {
  code: string;
  title: string;
  description: string;
  unlocked: boolean;
  unlockedAt: Date | null;
  unlockedByWorkoutId: string | null;
  progress: { current: number; target: number; unit: string };
}

/** What one finished workout earned, and why it does not count when it does not. */
export interface WorkoutXpView {
  points: number;
  notCountedReason: string | null;
}

export type AthleteService = ReturnType<typeof createAthleteService>;

/** An athlete's own gamification: who may read it, and the settings that change what their workouts unlock. */
export function createAthleteService(deps: {
  /** For reads outside a transaction. */
  repos: Pick<GamificationRepos, 'athletes' | 'achievements' | 'facts' | 'ledger'>;
  inTransaction: InTransaction<ProgressRepos>;
  clock: Clock;
  /** Wakes the outbox relay after a commit that wrote events. */
  notify: () => void;
}) {
  const { repos, inTransaction, clock, notify } = deps;
  const { athletes, achievements, facts, ledger } = repos;

  const onlyOwn = (viewer: Viewer, userId: string) => {
    if (viewer.userId !== userId)
      throw new ForbiddenError('XP, level, streaks and achievements are visible to their athlete only.');
  };

  return {
    async xp(viewer: Viewer, userId: string): Promise<number> {
      onlyOwn(viewer, userId);
      return ledger.totalOf(userId);
    },

    /**
     * What one of the viewer's workouts earned; null for someone else's workout (as if gamification did not
     * know it), a deleted one, or one not counted yet.
     */
    async workoutXp(viewer: Viewer, workoutId: string): Promise<WorkoutXpView | null> {
      const row = await facts.find(workoutId);
      if (!row || row.deletedAt || row.userId !== viewer.userId) return null;
      const { net } = await ledger.ofWorkout(workoutId);
      return { points: net, notCountedReason: refusalReason(factOfRow(row)) };
    },

    async level(viewer: Viewer, userId: string): Promise<Level> {
      onlyOwn(viewer, userId);
      return levelOf(await ledger.totalOf(userId));
    },

    async streaks(viewer: Viewer, userId: string): Promise<Streaks> {
      onlyOwn(viewer, userId);
      const [current, timeZone] = await Promise.all([facts.factsOf(userId), athletes.timeZoneOf(userId)]);
      return streaksOf(current, timeZone, clock.now().getTime());
    },

    /** The catalogue: unlocked from the stored unlocks (kept forever), progress from the current workouts. */
    async achievements(viewer: Viewer, userId: string): Promise<AchievementView[]> {
      onlyOwn(viewer, userId);
      const [current, timeZone, unlocked] = await Promise.all([
        facts.factsOf(userId),
        athletes.timeZoneOf(userId),
        achievements.unlockedOf(userId),
      ]);
      const statuses = new Map(evaluateAchievements(current, timeZone).map((s) => [s.code, s]));
      return ACHIEVEMENTS.map((definition) => {
        const stored = unlocked.get(definition.code);
        const status = statuses.get(definition.code);
        return {
          code: definition.code,
          title: definition.title,
          description: definition.description,
          unlocked: stored !== undefined,
          unlockedAt: stored?.unlockedAt ?? null,
          unlockedByWorkoutId: stored?.workoutId ?? null,
          progress: status?.progress ?? { current: 0, target: 1, unit: '' },
        };
      });
    },

    timeZone: (viewer: Viewer) => athletes.timeZoneOf(viewer.userId),

    /** Sets the time zone and unlocks what the athlete's workouts satisfy in it (early bird, …). */
    async setTimeZone(viewer: Viewer, timeZone: string): Promise<string> {
      const canonical = normalizeTimeZone(timeZone);
      const written = await inTransaction((tx) =>
        applyTimeZone(tx, viewer.userId, canonical, { actorId: viewer.userId }, clock.now()),
      );
      if (written > 0) notify();
      return canonical;
    },
  };
}
