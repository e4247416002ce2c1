/** Checks a training profile an athlete sends: each value within what a human body allows. */
import { BadUserInputError } from '../../../lib/errors/domain-error';
import type { TrainingProfile } from './training-profile.repo';

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
