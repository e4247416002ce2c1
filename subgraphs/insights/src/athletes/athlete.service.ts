/**
 * What an athlete does with insights directly: consent to models and cohorts, and a session RPE for a
 * workout without heart rate (its load, and so everything after its day, is recomputed at once).
 */
import { v7 as uuidv7 } from 'uuid';
import type { Viewer } from '../../../../lib/auth/viewer';
import type { Clock } from '../../../../lib/clock';
import type { InTransaction } from '../../../../lib/db/unit-of-work';
import { BadUserInputError, NotFoundError } from '../../../../lib/errors/domain-error';
import { checkedId } from '../checked-id';
import type { InsightsRepos } from '../insights.repos';
import { workoutLoad } from '../load/workout-load';
import { refreshAthlete } from '../projection/athlete-projection';
import { causedByViewer } from '../projection/cause';

export interface Consent {
  modelTraining: boolean;
  cohortBenchmarks: boolean;
}

export type AthleteService = ReturnType<typeof createAthleteService>;

export function createAthleteService(deps: {
  repos: Pick<InsightsRepos, 'athletes'>;
  inTransaction: InTransaction<InsightsRepos>;
  clock: Clock;
  /** Called after a commit that may have written events. */
  notify: () => void;
}) {
  const { repos, inTransaction, clock, notify } = deps;
  const consentOf = ({ modelTraining, cohortBenchmarks }: Consent): Consent => ({
    modelTraining,
    cohortBenchmarks,
  });
  return {
    consent: async (userId: string): Promise<Consent> => consentOf(await repos.athletes.of(userId)),

    setConsent: async (
      viewer: Viewer,
      change: { modelTraining?: boolean | null; cohortBenchmarks?: boolean | null },
    ): Promise<Consent> =>
      consentOf(
        await repos.athletes.update(viewer.userId, {
          ...(change.modelTraining != null && { modelTraining: change.modelTraining }),
          ...(change.cohortBenchmarks != null && { cohortBenchmarks: change.cohortBenchmarks }),
        }),
      ),

    async rateEffort(viewer: Viewer, workoutId: string, sessionRpe: number) {
      if (!Number.isInteger(sessionRpe) || sessionRpe < 0 || sessionRpe > 10)
        throw new BadUserInputError(
          'sessionRpe',
          'sessionRpe must be an integer from 0 (rest) to 10 (maximal).',
        );
      checkedId('workoutId', workoutId, 'a workout');
      const rated = await inTransaction(async (tx) => {
        const workout = await tx.workouts.find(workoutId);
        if (!workout || workout.userId !== viewer.userId) throw new NotFoundError('Workout', workoutId);
        await tx.workouts.rate(workoutId, viewer.userId, sessionRpe);
        const updated = { ...workout, sessionRpe, ...workoutLoad({ ...workout, sessionRpe }) };
        await tx.workouts.save(updated);
        await refreshAthlete(
          tx,
          viewer.userId,
          [workout.localDate],
          causedByViewer(viewer, uuidv7(), clock.now()),
        );
        return updated;
      });
      notify();
      return { workoutId, sessionRpe, load: rated.load, method: rated.method };
    },
  };
}
