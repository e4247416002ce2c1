/**
 * Avatars and workout photos through the object store: a signed upload URL (S3 presigned PUT, or the
 * gateway's /objects route), then a confirmation that checks the bytes by their content, stores each
 * standard size as WebP without metadata, and deletes the raw upload. Photos: the workout's owner only, at
 * most MAX_PHOTOS each; others see them when they may see the workout.
 */
import { randomUUID } from 'node:crypto';
import { BadUserInputError, ConflictError, NotFoundError } from '../../../../lib/errors/domain-error';
import { checkedId } from '../../../../lib/graphql/checked-id';
import { ImageRejected } from '../../../../lib/images/image-rejected';
import { ACCEPTED_IMAGE_TYPES } from '../../../../lib/images/image-type';
import { MAX_IMAGE_BYTES, processImage } from '../../../../lib/images/process-image';
import type { ObjectStore } from '../../../../lib/objects/object-store';
import { userPrefix } from '../../../../lib/objects/object-key';
import type { SocialServiceDeps } from '../social.service-deps';
import { mediaPrefix, sizeKey, uploadKey, workoutPhotosPrefix } from './media-keys';
import type { MediaRecord } from './media.repo';

export const MAX_PHOTOS = 10;
/** How long an upload URL works. */
export const UPLOAD_SECONDS = 15 * 60;
/** An upload not confirmed within a day is swept away (its URL expired long before). */
export const UNCONFIRMED_UPLOAD_MS = 24 * 3_600_000;
/** How long a URL to read an image works. */
export const READ_SECONDS = 3600;

export interface ImageUploadView {
  id: string;
  url: string;
  method: 'PUT';
  headers: { name: string; value: string }[];
  expiresAt: Date;
  maxBytes: number;
}

export type MediaService = ReturnType<typeof createMediaService>;

export function createMediaService(
  deps: Pick<SocialServiceDeps, 'repos' | 'inTransaction' | 'clock'> & { store: ObjectStore },
) {
  const { repos, inTransaction, clock, store } = deps;

  function checkedType(contentType: string): string {
    const type = contentType.trim().toLowerCase();
    if (!(ACCEPTED_IMAGE_TYPES as readonly string[]).includes(type))
      throw new BadUserInputError(
        'contentType',
        `contentType must be one of ${ACCEPTED_IMAGE_TYPES.join(', ')}.`,
      );
    return type;
  }

  async function startUpload(media: MediaRecord): Promise<ImageUploadView> {
    await repos.media.create(media);
    const upload = await store.uploadUrl(uploadKey(media), {
      contentType: media.uploadContentType,
      maxBytes: MAX_IMAGE_BYTES,
      expiresSeconds: UPLOAD_SECONDS,
    });
    return {
      id: media.id,
      url: upload.url,
      method: upload.method,
      headers: Object.entries(upload.headers).map(([name, value]) => ({ name, value })),
      expiresAt: new Date(clock.now().getTime() + UPLOAD_SECONDS * 1000),
      maxBytes: MAX_IMAGE_BYTES,
    };
  }

  /** An upload that will never be an image: its bytes and its row go. */
  async function forget(media: MediaRecord): Promise<void> {
    await store.delete(uploadKey(media));
    await repos.media.remove(media.id);
  }

  async function own(viewerId: string, id: string): Promise<MediaRecord> {
    checkedId('id', id, 'an image');
    const media = await repos.media.find(id);
    if (!media || media.ownerId !== viewerId) throw new NotFoundError('Image', id);
    return media;
  }

  return {
    requestAvatar: async (viewerId: string, contentType: string): Promise<ImageUploadView> =>
      startUpload({
        id: randomUUID(),
        ownerId: viewerId,
        kind: 'AVATAR',
        status: 'PENDING',
        workoutId: null,
        uploadContentType: checkedType(contentType),
        sizes: [],
        createdAt: clock.now(),
      }),
    async requestPhoto(viewerId: string, workoutId: string, contentType: string): Promise<ImageUploadView> {
      checkedId('workoutId', workoutId, 'a workout');
      const type = checkedType(contentType);
      const workout = await repos.workouts.find(workoutId);
      if (workout?.userId !== viewerId) throw new NotFoundError('Workout', workoutId);
      if ((await repos.media.photosOf([workoutId], true)).length >= MAX_PHOTOS)
        throw new ConflictError(`A workout has at most ${MAX_PHOTOS} photos: delete one first.`);
      return startUpload({
        id: randomUUID(),
        ownerId: viewerId,
        kind: 'WORKOUT_PHOTO',
        status: 'PENDING',
        workoutId,
        uploadContentType: type,
        sizes: [],
        createdAt: clock.now(),
      });
    },
    /** Checks and stores the uploaded image; an avatar replaces the previous one. */
    async confirm(viewerId: string, id: string): Promise<MediaRecord> {
      const media = await own(viewerId, id);
      if (media.status === 'READY') return media;
      const stored = await store.head(uploadKey(media));
      if (!stored)
        throw new NotFoundError('Upload of image', `${id} (PUT the bytes to the upload URL first)`);
      // A presigned S3 PUT cannot cap its size: what is too large is refused before it is read.
      if (stored.size > MAX_IMAGE_BYTES) {
        await forget(media);
        throw new ImageRejected(
          'TOO_MANY_BYTES',
          `The upload is ${stored.size} bytes; images up to ${MAX_IMAGE_BYTES} bytes are accepted.`,
        );
      }
      const upload = await store.get(uploadKey(media));
      if (!upload)
        throw new NotFoundError('Upload of image', `${id} (PUT the bytes to the upload URL first)`);
      let processed;
      try {
        processed = await processImage(upload.bytes, media.kind === 'AVATAR' ? 'avatar' : 'photo');
      } catch (error) {
        if (error instanceof ImageRejected) await forget(media);
        throw error;
      }
      for (const size of processed.sizes)
        await store.put(sizeKey(media, size.name), size.bytes, { contentType: 'image/webp' });
      await store.delete(uploadKey(media));
      const sizes = processed.sizes.map((s) => `${s.name}:${s.width}:${s.height}`);
      if (media.kind === 'WORKOUT_PHOTO') return repos.media.ready(media.id, sizes);
      const previous = await inTransaction(async (tx) => {
        const before = (await tx.profiles.find(viewerId))?.avatarId ?? null;
        await tx.profiles.change(viewerId, { avatarId: media.id });
        if (before) await tx.media.remove(before);
        return before;
      });
      if (previous) await store.deletePrefix(mediaPrefix({ ...media, id: previous }));
      return repos.media.ready(media.id, sizes);
    },
    async remove(viewerId: string, id: string): Promise<string> {
      const media = await own(viewerId, id);
      await store.deletePrefix(mediaPrefix(media));
      await store.delete(uploadKey(media));
      await inTransaction(async (tx) => {
        if (media.kind === 'AVATAR' && (await tx.profiles.find(viewerId))?.avatarId === id)
          await tx.profiles.change(viewerId, { avatarId: null });
        await tx.media.remove(id);
      });
      return id;
    },
    /** A URL to read one size (0 smallest … 2 largest) of a ready image. */
    url: (media: MediaRecord, sizeIndex: number): Promise<string> =>
      store.downloadUrl(sizeKey(media, media.sizes[sizeIndex]!.split(':')[0]!), {
        expiresSeconds: READ_SECONDS,
      }),
    /** Uploads started more than UNCONFIRMED_UPLOAD_MS ago and never confirmed go, bytes and row; returns how many. */
    async sweepUnconfirmed(): Promise<number> {
      const stale = await repos.media.stalePending(
        new Date(clock.now().getTime() - UNCONFIRMED_UPLOAD_MS),
        500,
      );
      for (const media of stale) await forget(media);
      return stale.length;
    },
    /** Erases a deleted workout's photos (before its rows go). */
    forgetWorkout: (ownerId: string, workoutId: string): Promise<number> =>
      store.deletePrefix(workoutPhotosPrefix(ownerId, workoutId)),
    /** Erases every object of a deleted user (before their rows go). */
    forgetUser: (userId: string): Promise<number> => store.deletePrefix(userPrefix(userId)),
  };
}
