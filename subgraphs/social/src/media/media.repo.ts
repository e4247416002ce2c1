/** Avatars and workout photos: an upload waiting for its bytes (PENDING), then the sizes stored (READY). */
import type { MediaKind, MediaStatus } from '../__generated__/prisma/enums';
import type { SocialTx } from '../social.prisma';

export interface MediaRecord {
  id: string;
  ownerId: string;
  kind: MediaKind;
  status: MediaStatus;
  workoutId: string | null;
  uploadContentType: string;
  /** `name:width:height` per size stored. */
  sizes: string[];
  createdAt: Date;
}

export type MediaRepo = ReturnType<typeof createMediaRepo>;

export function createMediaRepo(tx: SocialTx) {
  return {
    create: (media: MediaRecord): Promise<MediaRecord> => tx.media.create({ data: media }),
    find: (id: string): Promise<MediaRecord | null> => tx.media.findUnique({ where: { id } }),
    findMany: (ids: readonly string[]): Promise<MediaRecord[]> =>
      tx.media.findMany({ where: { id: { in: [...ids] } } }),
    ready: (id: string, sizes: string[]): Promise<MediaRecord> =>
      tx.media.update({ where: { id }, data: { status: 'READY', sizes } }),
    remove: async (id: string): Promise<void> => void (await tx.media.deleteMany({ where: { id } })),
    /** Photos of a workout, ready ones only unless `pending` (counted against the limit too). */
    photosOf: (workoutIds: readonly string[], pending = false): Promise<MediaRecord[]> =>
      tx.media.findMany({
        where: {
          workoutId: { in: [...workoutIds] },
          kind: 'WORKOUT_PHOTO',
          ...(pending ? {} : { status: 'READY' }),
        },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      }),
    /** Uploads never confirmed, started before `before` (their objects are cleared with them). */
    stalePending: (before: Date, limit: number): Promise<MediaRecord[]> =>
      tx.media.findMany({ where: { status: 'PENDING', createdAt: { lt: before } }, take: limit }),
    removeOfOwner: async (ownerId: string): Promise<void> =>
      void (await tx.media.deleteMany({ where: { ownerId } })),
  };
}
