/**
 * Where a user's media live in the object store, all under `users/<id>/` so that their files can be listed
 * and erased: the raw upload until it is confirmed, then each size of an avatar or a workout photo as WebP.
 */
import { userPrefix } from '../../../../lib/objects/object-key';
import type { MediaRecord } from './media.repo';

export const uploadKey = (media: Pick<MediaRecord, 'ownerId' | 'id'>) =>
  `${userPrefix(media.ownerId)}uploads/${media.id}`;

/** The folder of one image's sizes. */
export const mediaPrefix = (media: Pick<MediaRecord, 'ownerId' | 'id' | 'kind' | 'workoutId'>) =>
  media.kind === 'AVATAR'
    ? `${userPrefix(media.ownerId)}avatars/${media.id}/`
    : `${workoutPhotosPrefix(media.ownerId, media.workoutId!)}${media.id}/`;

export const workoutPhotosPrefix = (ownerId: string, workoutId: string) =>
  `${userPrefix(ownerId)}workouts/${workoutId}/photos/`;

export const sizeKey = (media: Parameters<typeof mediaPrefix>[0], sizeName: string) =>
  `${mediaPrefix(media)}${sizeName}.webp`;
