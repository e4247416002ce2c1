/** Training's copy of each athlete's gear (fed by inventory.gear.changed), for checking and defaulting workout gear. */
import type { EventData } from '../../../../lib/events/registry';
import type { TrainingDb } from '../training.prisma';

export interface KnownGearRecord {
  gearId: string;
  userId: string;
  status: string;
  defaultForSports: string[];
}

export type KnownGearRepo = ReturnType<typeof createKnownGearRepo>;

export function createKnownGearRepo(prisma: TrainingDb) {
  return {
    ofUser: (userId: string): Promise<KnownGearRecord[]> =>
      prisma.knownGear.findMany({
        where: { userId },
        select: { gearId: true, userId: true, status: true, defaultForSports: true },
      }),

    /** Records the gear's latest state (inside the consuming unit of work). */
    save: async (gear: EventData<'inventory.gear.changed'>): Promise<void> => {
      const data = {
        userId: gear.userId,
        kind: gear.kind,
        status: gear.status,
        defaultForSports: gear.defaultForSports,
      };
      await prisma.knownGear.upsert({
        where: { gearId: gear.gearId },
        create: { gearId: gear.gearId, ...data },
        update: data,
      });
    },
  };
}
