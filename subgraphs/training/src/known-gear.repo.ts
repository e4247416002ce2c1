/** Training's copy of each athlete's gear (fed by inventory.gear.changed), for checking and defaulting workout gear. */
import type { EventData } from '../../../lib/events/registry';
import type { TrainingPrisma } from './training.prisma';

export interface KnownGearRecord {
  gearId: string;
  userId: string;
  status: string;
  defaultForSports: string[];
}

type Tx = Parameters<Parameters<TrainingPrisma['$transaction']>[0]>[0];

export type KnownGearRepo = ReturnType<typeof createKnownGearRepo>;

export function createKnownGearRepo(prisma: TrainingPrisma) {
  return {
    ofUser: (userId: string): Promise<KnownGearRecord[]> =>
      prisma.knownGear.findMany({
        where: { userId },
        select: { gearId: true, userId: true, status: true, defaultForSports: true },
      }),

    /** Records the gear's latest state, inside the consuming transaction. */
    save: async (tx: Tx, gear: EventData<'inventory.gear.changed'>): Promise<void> => {
      const data = {
        userId: gear.userId,
        kind: gear.kind,
        status: gear.status,
        defaultForSports: gear.defaultForSports,
      };
      await tx.knownGear.upsert({
        where: { gearId: gear.gearId },
        create: { gearId: gear.gearId, ...data },
        update: data,
      });
    },
  };
}
