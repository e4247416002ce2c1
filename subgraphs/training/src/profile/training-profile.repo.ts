/** Stores what the metrics engine needs to know about each athlete (one row per athlete, optional). */
import type { AthleteProfile } from '../metrics/track';
import type { TrainingDb } from '../training.prisma';

export interface TrainingProfile {
  maxHeartRate: number | null;
  restingHeartRate: number | null;
  weightKg: number | null;
  birthYear: number | null;
  sex: 'FEMALE' | 'MALE' | null;
}

export const EMPTY_PROFILE: TrainingProfile = {
  maxHeartRate: null,
  restingHeartRate: null,
  weightKg: null,
  birthYear: null,
  sex: null,
};

export type TrainingProfileRepo = ReturnType<typeof createTrainingProfileRepo>;

const columns = { maxHeartRate: true, restingHeartRate: true, weightKg: true, birthYear: true, sex: true };

export function createTrainingProfileRepo(prisma: TrainingDb) {
  return {
    of: async (userId: string): Promise<TrainingProfile & AthleteProfile> =>
      ((await prisma.trainingProfile.findUnique({
        where: { userId },
        select: columns,
      })) as TrainingProfile) ?? EMPTY_PROFILE,

    save: async (userId: string, profile: TrainingProfile): Promise<TrainingProfile> =>
      (await prisma.trainingProfile.upsert({
        where: { userId },
        create: { userId, ...profile },
        update: profile,
        select: columns,
      })) as TrainingProfile,
  };
}
