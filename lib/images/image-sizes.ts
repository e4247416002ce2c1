/** The sizes Pulse keeps of each kind of image, named by their pixel size (the last part of their key). */

export type ImageKind = 'avatar' | 'photo';

/** Avatars: square crops of the centre, exactly this many pixels a side (a small source is scaled up). */
export const AVATAR_SIZES = [64, 256, 512] as const;

/** Workout photos: the longest side at most this many pixels, the aspect ratio kept, never enlarged. */
export const PHOTO_SIZES = [320, 1080, 2048] as const;

export const SIZES_OF: Record<ImageKind, readonly number[]> = { avatar: AVATAR_SIZES, photo: PHOTO_SIZES };

/** The largest upload accepted, in bytes (20 MB: a phone's full-size photo fits). */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
