/** The object-store port: media bytes (avatars, workout photos, badge icons) by key, and signed URLs to them. */

export interface StoredObject {
  bytes: Uint8Array;
  contentType: string;
}

export interface ObjectInfo {
  size: number;
  contentType: string;
}

export interface UploadUrlOptions {
  contentType: string;
  /** Enforced by the file store's route (413 beyond it); a presigned S3 PUT cannot enforce it (README). */
  maxBytes: number;
  expiresSeconds: number;
}

/** Where a client PUTs the bytes: send exactly these headers with the body. */
export interface UploadUrl {
  url: string;
  method: 'PUT';
  headers: Record<string, string>;
}

/** Responsible for keeping bytes under keys and for handing out time-limited URLs to write and read them. */
export interface ObjectStore {
  put(key: string, bytes: Uint8Array, options: { contentType: string }): Promise<void>;
  /** The object, or null when there is none under `key`. */
  get(key: string): Promise<StoredObject | null>;
  head(key: string): Promise<ObjectInfo | null>;
  /** Every key that starts with `prefix`, sorted, however many pages that takes. */
  list(prefix: string): Promise<string[]>;
  /** Deletes the object; nothing happens when there is none. */
  delete(key: string): Promise<void>;
  /** Deletes every object under `prefix` (e.g. `userPrefix(id)` when an account is erased); returns how many. */
  deletePrefix(prefix: string): Promise<number>;
  uploadUrl(key: string, options: UploadUrlOptions): Promise<UploadUrl>;
  downloadUrl(key: string, options: { expiresSeconds: number }): Promise<string>;
  /** One line for start-up logs. */
  describe(): string;
  close(): Promise<void>;
}

/** The longest a signed URL may live: S3's limit for presigned URLs (a week). */
export const MAX_URL_SECONDS = 604_800;

export function assertExpiry(expiresSeconds: number): void {
  if (!Number.isInteger(expiresSeconds) || expiresSeconds < 1 || expiresSeconds > MAX_URL_SECONDS) {
    throw new RangeError(`expiresSeconds must be a whole number from 1 to ${MAX_URL_SECONDS}`);
  }
}
