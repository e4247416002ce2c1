/**
 * An athlete's training profile (what the metrics engine needs to know about them): read and saved by the
 * athlete only, each value within what a human body allows.
 */
import type { Viewer } from '../../../../lib/auth/viewer';
import type { Clock } from '../../../../lib/clock';
import type { InTransaction } from '../../../../lib/db/unit-of-work';
import { BadUserInputError, ForbiddenError } from '../../../../lib/errors/domain-error';
import type { TrainingRepos } from '../training.repos';
import { profileUpdated } from './training-profile.publish';
import type { TrainingProfile, TrainingProfileRepo } from './training-profile.repo';

export interface ProfileInput {
  maxHeartRate?: number | null;
  restingHeartRate?: number | null;
  weightKg?: number | null;
  birthYear?: number | null;
  sex?: string | null;
}

function inRange(
  field: string,
  value: number | null | undefined,
  min: number,
  max: number,
  integer: boolean,
) {
  if (value == null) return null;
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value)))
    throw new BadUserInputError(
      field,
      `${field} must be ${integer ? 'an integer ' : ''}from ${min} to ${max}.`,
    );
  return value;
}

/** The profile an athlete sent, checked (the birth year no later than this year). */
export function checkedProfile(input: ProfileInput, now: Date): TrainingProfile {
  const profile: TrainingProfile = {
    maxHeartRate: inRange('maxHeartRate', input.maxHeartRate, 100, 250, true),
    restingHeartRate: inRange('restingHeartRate', input.restingHeartRate, 25, 120, true),
    weightKg: inRange('weightKg', input.weightKg, 20, 350, false),
    birthYear: inRange('birthYear', input.birthYear, 1900, now.getUTCFullYear(), true),
    sex: null,
  };
  if (input.sex != null) {
    if (input.sex !== 'FEMALE' && input.sex !== 'MALE')
      throw new BadUserInputError('sex', 'sex must be FEMALE or MALE (or null).');
    profile.sex = input.sex;
  }
  if (profile.maxHeartRate && profile.restingHeartRate && profile.restingHeartRate >= profile.maxHeartRate)
    throw new BadUserInputError('restingHeartRate', 'restingHeartRate must be below maxHeartRate.');
  return profile;
}

export type TrainingProfileService = ReturnType<typeof createTrainingProfileService>;

/** Reads and saves training profiles, each only by its athlete; a save announces training.profile.updated. */
export function createTrainingProfileService(deps: {
  profiles: Pick<TrainingProfileRepo, 'of'>;
  inTransaction: InTransaction<Pick<TrainingRepos, 'profiles' | 'outbox'>>;
  clock: Clock;
  /** Called after a commit that wrote events, so the relay publishes them without waiting. */
  published?: () => void;
}) {
  return {
    /** The athlete's profile (empty until they save one); only they may read it. */
    async of(viewer: Viewer, userId: string): Promise<TrainingProfile> {
      if (viewer.userId !== userId) throw new ForbiddenError('You can only read your own training profile.');
      return deps.profiles.of(userId);
    },

    /** Checks and saves the viewer's profile. */
    async save(viewer: Viewer, input: ProfileInput): Promise<TrainingProfile> {
      const now = deps.clock.now();
      const checked = checkedProfile(input, now);
      const saved = await deps.inTransaction(async (tx) => {
        const profile = await tx.profiles.save(viewer.userId, checked);
        await tx.outbox.write([profileUpdated(viewer.userId, profile, now)]);
        return profile;
      });
      deps.published?.();
      return saved;
    },
  };
}
