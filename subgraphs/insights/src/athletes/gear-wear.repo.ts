/** The athletes' gear near its retirement distance (inventory's wear-threshold events), for the gear rule. */
import type { GearUse } from '../models/rule-model';
import type { InsightsTx } from '../insights.prisma';

export type GearWearRepo = ReturnType<typeof createGearWearRepo>;

export function createGearWearRepo(db: InsightsTx) {
  return {
    /** Records the highest threshold a gear item crossed. */
    async crossed(userId: string, gear: GearUse): Promise<void> {
      const { gearId, gearName, percent } = gear;
      const known = await db.gearWear.findUnique({ where: { gearId } });
      if (known && known.percent >= percent) return;
      await db.gearWear.upsert({
        where: { gearId },
        create: { gearId, userId, gearName, percent },
        update: { gearName, percent },
      });
    },
    /** The gear item was retired or deleted: no more advice about it. */
    forget: async (gearId: string): Promise<void> =>
      void (await db.gearWear.deleteMany({ where: { gearId } })),
    of: async (userId: string): Promise<GearUse[]> =>
      db.gearWear.findMany({
        where: { userId },
        orderBy: { gearId: 'asc' },
        select: { gearId: true, gearName: true, percent: true },
      }),
    erase: async (userId: string): Promise<void> =>
      void (await db.gearWear.deleteMany({ where: { userId } })),
  };
}
