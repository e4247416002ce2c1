/** Stores gear items: their details, status, default sports and the distance credited to them. */
import type { GearKind } from './gear-defaults';
import type { InventoryTx } from './inventory.prisma';
import type { Sport } from '../../../lib/sports';
import type { ReachedThreshold } from './wear-thresholds';

export interface GearRecord {
  id: string;
  userId: string;
  kind: GearKind;
  brand: string | null;
  model: string | null;
  nickname: string | null;
  purchaseDate: Date | null;
  initialDistanceMeters: number;
  retirementDistanceMeters: number | null;
  status: 'ACTIVE' | 'RETIRED';
  retiredAt: Date | null;
  creditedDistanceMeters: number;
  creditedMovingSeconds: number;
  defaultForSports: Sport[];
  createdAt: Date;
}

/** What the athlete sets on a gear item (the rest is computed). */
export type GearDetails = Pick<
  GearRecord,
  | 'kind'
  | 'brand'
  | 'model'
  | 'nickname'
  | 'purchaseDate'
  | 'initialDistanceMeters'
  | 'retirementDistanceMeters'
>;

export type GearRepo = ReturnType<typeof createGearRepo>;

const columns = {
  id: true,
  userId: true,
  kind: true,
  brand: true,
  model: true,
  nickname: true,
  purchaseDate: true,
  initialDistanceMeters: true,
  retirementDistanceMeters: true,
  status: true,
  retiredAt: true,
  creditedDistanceMeters: true,
  creditedMovingSeconds: true,
  defaultForSports: true,
  createdAt: true,
} as const;

const newestFirst = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];

export function createGearRepo(db: InventoryTx) {
  const byId = async (id: string) =>
    (await db.gear.findUnique({ where: { id }, select: columns })) as GearRecord | null;

  return {
    findById: byId,

    findByIds: async (ids: readonly string[]): Promise<GearRecord[]> =>
      (await db.gear.findMany({ where: { id: { in: [...ids] } }, select: columns })) as GearRecord[],

    /** The user's gear, newest first; retired gear only when asked. */
    listByUser: async (userId: string, includeRetired: boolean): Promise<GearRecord[]> =>
      (await db.gear.findMany({
        where: { userId, ...(includeRetired ? {} : { status: 'ACTIVE' }) },
        orderBy: newestFirst,
        select: columns,
      })) as GearRecord[],

    /** The user's active gear that is a default for the sport, newest first. */
    listDefaults: async (userId: string, sport: Sport): Promise<GearRecord[]> =>
      (await db.gear.findMany({
        where: { userId, status: 'ACTIVE', defaultForSports: { has: sport } },
        orderBy: newestFirst,
        select: columns,
      })) as GearRecord[],

    insert: async (gear: GearDetails & Pick<GearRecord, 'id' | 'userId'>): Promise<GearRecord> =>
      (await db.gear.create({ data: gear, select: columns })) as GearRecord,

    update: async (id: string, changes: Partial<GearDetails>): Promise<GearRecord> =>
      (await db.gear.update({ where: { id }, data: changes, select: columns })) as GearRecord,

    /** Retires active gear and clears its defaults; 'already-retired' when it was not active. */
    async retire(id: string, at: Date): Promise<GearRecord | 'already-retired'> {
      const { count } = await db.gear.updateMany({
        where: { id, status: 'ACTIVE' },
        data: { status: 'RETIRED', retiredAt: at, defaultForSports: [] },
      });
      return count === 1 ? ((await byId(id)) as GearRecord) : 'already-retired';
    },

    /**
     * Makes exactly `gearIds` (the user's active gear) the defaults for the sport, row by row in SQL so
     * that concurrent changes for other sports are kept. Returns the ids of the gear whose defaults changed.
     */
    async replaceDefaults(userId: string, sport: Sport, gearIds: readonly string[]): Promise<string[]> {
      const removed = await db.$queryRawUnsafe<{ id: string }[]>(
        `UPDATE "Gear" SET "defaultForSports" = array_remove("defaultForSports", $1), "updatedAt" = now()
          WHERE "userId" = $2::uuid AND $1 = ANY("defaultForSports") AND NOT ("id" = ANY($3::uuid[]))
          RETURNING "id"::text AS "id"`,
        sport,
        userId,
        gearIds,
      );
      const added = await db.$queryRawUnsafe<{ id: string }[]>(
        `UPDATE "Gear" SET "defaultForSports" = array_append(coalesce("defaultForSports", '{}'), $1), "updatedAt" = now()
          WHERE "userId" = $2::uuid AND "status" = 'ACTIVE' AND "id" = ANY($3::uuid[])
            AND NOT ($1 = ANY(coalesce("defaultForSports", '{}')))
          RETURNING "id"::text AS "id"`,
        sport,
        userId,
        gearIds,
      );
      return [...removed, ...added].map((row) => row.id).sort();
    },

    /** Adds (or, negative, removes) distance and moving time credited by workouts; returns the new state. */
    credit: async (id: string, distanceMeters: number, movingSeconds: number): Promise<GearRecord> =>
      (await db.gear.update({
        where: { id },
        data: {
          creditedDistanceMeters: { increment: distanceMeters },
          creditedMovingSeconds: { increment: movingSeconds },
        },
        select: columns,
      })) as GearRecord,

    /** Records that the gear reached a wear threshold; false when it had been recorded before (ever). */
    async recordThreshold(gearId: string, percent: number, reachedAt: Date): Promise<boolean> {
      const { count } = await db.gearThreshold.createMany({
        data: [{ gearId, percent, reachedAt }],
        skipDuplicates: true,
      });
      return count === 1;
    },

    /** The thresholds these gear items reached, with when each was first reached. */
    thresholdsOf: async (gearIds: readonly string[]): Promise<ReachedThreshold[]> =>
      db.gearThreshold.findMany({
        where: { gearId: { in: [...gearIds] } },
        select: { gearId: true, percent: true, reachedAt: true },
      }),
  };
}
