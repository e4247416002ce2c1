/**
 * identity.user.deleted: everything training holds about the user goes, in the event's unit of work — their
 * workouts with samples, batches and best efforts, imports, training profile, copy of their gear, privacy
 * zones and track privacy, and every follow and block they are part of (either side).
 */
import type { TrainingDb } from '../training.prisma';

export type UserErasureRepo = ReturnType<typeof createUserErasureRepo>;

export function createUserErasureRepo(prisma: TrainingDb) {
  return {
    eraseUser: async (userId: string): Promise<void> => {
      // Samples and batches have no relation to cascade along: deleted by the workouts they belong to.
      await prisma.$executeRaw`
        DELETE FROM "TelemetrySample"
        WHERE "workoutId" IN (SELECT "id" FROM "Workout" WHERE "userId" = ${userId}::uuid)`;
      await prisma.$executeRaw`
        DELETE FROM "TelemetryBatch"
        WHERE "workoutId" IN (SELECT "id" FROM "Workout" WHERE "userId" = ${userId}::uuid)`;
      await prisma.workout.deleteMany({ where: { userId } });
      await prisma.bestEffort.deleteMany({ where: { userId } });
      await prisma.importJob.deleteMany({ where: { userId } });
      await prisma.trainingProfile.deleteMany({ where: { userId } });
      await prisma.knownGear.deleteMany({ where: { userId } });
      await prisma.privacyZone.deleteMany({ where: { userId } });
      await prisma.trackPrivacy.deleteMany({ where: { userId } });
      await prisma.follow.deleteMany({ where: { OR: [{ followerId: userId }, { followeeId: userId }] } });
      await prisma.block.deleteMany({ where: { OR: [{ blockerId: userId }, { blockedId: userId }] } });
    },
  };
}
