/** Stores each athlete's privacy zones (table "PrivacyZone") and start/end trimming (table "TrackPrivacy"). */
import type { TrainingDb } from '../training.prisma';
import { NO_TRACK_PRIVACY, type PrivacyZone, type TrackPrivacy } from './track-privacy';

export type TrackPrivacyRepo = ReturnType<typeof createTrackPrivacyRepo>;

const zoneColumns = { id: true, latitude: true, longitude: true, radiusMeters: true, createdAt: true };

export function createTrackPrivacyRepo(prisma: TrainingDb) {
  const zonesOf = (userId: string): Promise<PrivacyZone[]> =>
    prisma.privacyZone.findMany({
      where: { userId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: zoneColumns,
    });
  const hideStartEndOf = async (userId: string): Promise<number> =>
    (await prisma.trackPrivacy.findUnique({ where: { userId }, select: { hideStartEndMeters: true } }))
      ?.hideStartEndMeters ?? NO_TRACK_PRIVACY.hideStartEndMeters;

  return {
    zonesOf,
    hideStartEndOf,

    /** Everything that redacts the athlete's tracks for others. */
    of: async (userId: string): Promise<TrackPrivacy> => ({
      zones: await zonesOf(userId),
      hideStartEndMeters: await hideStartEndOf(userId),
    }),

    /**
     * Adds a zone unless the athlete has `max` already (run it in a unit of work: the athlete's row in
     * TrackPrivacy is locked first, so two concurrent adds cannot both pass the count).
     */
    addZone: async (
      userId: string,
      zone: Omit<PrivacyZone, 'createdAt'>,
      max: number,
    ): Promise<PrivacyZone | null> => {
      await prisma.trackPrivacy.upsert({ where: { userId }, create: { userId }, update: {} });
      await prisma.$queryRaw`SELECT 1 FROM "TrackPrivacy" WHERE "userId" = ${userId}::uuid FOR UPDATE`;
      if ((await prisma.privacyZone.count({ where: { userId } })) >= max) return null;
      return prisma.privacyZone.create({ data: { ...zone, userId }, select: zoneColumns });
    },

    /** Removes one of the athlete's zones; false when they have none with this id. */
    removeZone: async (userId: string, id: string): Promise<boolean> =>
      (await prisma.privacyZone.deleteMany({ where: { id, userId } })).count === 1,

    setHideStartEnd: async (userId: string, meters: number): Promise<number> =>
      (
        await prisma.trackPrivacy.upsert({
          where: { userId },
          create: { userId, hideStartEndMeters: meters },
          update: { hideStartEndMeters: meters },
          select: { hideStartEndMeters: true },
        })
      ).hideStartEndMeters,
  };
}
