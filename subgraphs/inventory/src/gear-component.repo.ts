/** Stores the components of gear items and when they were installed and retired. */
import type { ComponentKind } from './gear-defaults';
import type { InventoryTx } from './inventory.prisma';

export interface ComponentRecord {
  id: string;
  gearId: string;
  kind: ComponentKind;
  name: string | null;
  expectedLifetimeMeters: number;
  gearDistanceAtInstallMeters: number;
  gearDistanceAtRetirementMeters: number | null;
  installedAt: Date;
  retiredAt: Date | null;
}

export type GearComponentRepo = ReturnType<typeof createGearComponentRepo>;

export function createGearComponentRepo(db: InventoryTx) {
  return {
    findById: async (id: string): Promise<ComponentRecord | null> =>
      (await db.gearComponent.findUnique({ where: { id } })) as ComponentRecord | null,

    /** Every component (retired ones too) of these gear items, oldest first. */
    listByGears: async (gearIds: readonly string[]): Promise<ComponentRecord[]> =>
      (await db.gearComponent.findMany({
        where: { gearId: { in: [...gearIds] } },
        orderBy: [{ installedAt: 'asc' }, { id: 'asc' }],
      })) as ComponentRecord[],

    insert: async (
      component: Omit<ComponentRecord, 'retiredAt' | 'gearDistanceAtRetirementMeters'>,
    ): Promise<ComponentRecord> => (await db.gearComponent.create({ data: component })) as ComponentRecord,

    /** Retires a component in use at the gear's current distance; 'already-retired' when it was not in use. */
    async retire(
      id: string,
      at: Date,
      gearDistanceMeters: number,
    ): Promise<ComponentRecord | 'already-retired'> {
      const { count } = await db.gearComponent.updateMany({
        where: { id, retiredAt: null },
        data: { retiredAt: at, gearDistanceAtRetirementMeters: gearDistanceMeters },
      });
      if (count === 0) return 'already-retired';
      return (await db.gearComponent.findUniqueOrThrow({ where: { id } })) as ComponentRecord;
    },
  };
}
