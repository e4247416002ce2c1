/** Stores what each workout credited to each gear item, so an edit or a deletion can correct it. */
import type { InventoryTx } from './inventory.prisma';
import type { Usage } from './workout-usage';

export type GearUsageRepo = ReturnType<typeof createGearUsageRepo>;

export function createGearUsageRepo(db: InventoryTx) {
  return {
    /** True once training deleted the workout (a tombstone written by `markDeleted`). */
    isDeleted: async (workoutId: string): Promise<boolean> =>
      (await db.deletedWorkout.count({ where: { workoutId } })) > 0,
    markDeleted: async (workoutId: string, at: Date): Promise<void> => {
      await db.deletedWorkout.createMany({ data: [{ workoutId, deletedAt: at }], skipDuplicates: true });
    },
    usagesOfWorkout: (workoutId: string): Promise<Usage[]> =>
      db.gearUsage.findMany({
        where: { workoutId },
        select: { gearId: true, distanceMeters: true, movingSeconds: true },
      }),

    /** The ids among `gearIds` of gear items that exist and belong to the user. */
    async ownGearIds(userId: string, gearIds: readonly string[]): Promise<Set<string>> {
      if (gearIds.length === 0) return new Set();
      const rows = await db.gear.findMany({
        where: { userId, id: { in: [...gearIds] } },
        select: { id: true },
      });
      return new Set(rows.map((row) => row.id));
    },

    insert: async (workoutId: string, userId: string, usage: Usage): Promise<void> => {
      await db.gearUsage.create({ data: { ...usage, workoutId, userId } });
    },

    update: async (workoutId: string, usage: Usage): Promise<void> => {
      const { gearId, ...figures } = usage;
      await db.gearUsage.update({ where: { gearId_workoutId: { gearId, workoutId } }, data: figures });
    },

    delete: async (workoutId: string, gearId: string): Promise<void> => {
      await db.gearUsage.delete({ where: { gearId_workoutId: { gearId, workoutId } } });
    },

    /** How many workouts each gear item was used in, in the order of `gearIds`. */
    async workoutCounts(gearIds: readonly string[]): Promise<number[]> {
      const rows = await db.gearUsage.groupBy({
        by: ['gearId'],
        where: { gearId: { in: [...gearIds] } },
        _count: { _all: true },
      });
      const counts = new Map(rows.map((row) => [row.gearId, row._count._all]));
      return gearIds.map((id) => counts.get(id) ?? 0);
    },
  };
}
