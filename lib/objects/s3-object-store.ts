/**
 * The services-mode object store: one S3 bucket (MinIO in docker-compose, s3rver in tests). Signed URLs
 * are S3's presigned ones, so clients send the bytes to the bucket, never through Pulse.
 */
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { systemClock, type Clock } from '../clock';
import { assertObjectKey, assertObjectPrefix } from './object-key';
import { assertExpiry, type ObjectStore } from './object-store';

export interface S3ObjectStoreOptions {
  endpoint: string;
  /**
   * Where apps reach the store, when that is another address than the service's (docker-compose: the
   * service talks to http://minio:9000, a phone or browser to http://localhost:9000). Presigned URLs are
   * signed for it (the host is part of the signature). Absent: `endpoint`.
   */
  publicEndpoint?: string | null;
  bucket: string;
  region: string;
  /** Absent: the SDK's default chain (environment, instance role). */
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
  forcePathStyle: boolean;
  /** Keys per ListObjects page (S3's largest is 1000; tests make it small to cross pages). */
  pageSize?: number;
  clock?: Clock;
}

/** S3 takes at most 1000 keys per DeleteObjects request. */
const DELETE_BATCH = 1000;

const isNotFound = (error: unknown) =>
  error instanceof S3ServiceException &&
  (error.name === 'NotFound' || error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404);

/** Keeps objects in one S3 bucket and presigns URLs to it. */
export function createS3ObjectStore(options: S3ObjectStoreOptions): ObjectStore {
  const { bucket } = options;
  const clock = options.clock ?? systemClock;
  const pageSize = options.pageSize ?? 1000;
  const clientFor = (endpoint: string) =>
    new S3Client({
      endpoint,
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      ...(options.credentials && { credentials: options.credentials }),
      // Checksums only where S3 requires them: otherwise presigned PUT URLs carry the checksum of an empty
      // body (and every upload through them fails), and S3-compatible servers without checksum support choke.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  const client = clientFor(options.endpoint);
  // Signing happens offline: this client never sends a request.
  const signer = options.publicEndpoint ? clientFor(options.publicEndpoint) : client;

  async function list(prefix: string): Promise<string[]> {
    assertObjectPrefix(prefix);
    const keys: string[] = [];
    // ListObjects paged by Marker (the last key of the page before), not ListObjectsV2's ContinuationToken:
    // S3 and MinIO answer both alike, but s3rver makes V2 tokens with DES, which Node's OpenSSL 3 refuses,
    // so a V2 listing longer than a page could not be tested here.
    for (let truncated = true; truncated;) {
      const page = await client.send(
        new ListObjectsCommand({ Bucket: bucket, Prefix: prefix, MaxKeys: pageSize, Marker: keys.at(-1) }),
      );
      const found = (page.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : []));
      keys.push(...found);
      truncated = Boolean(page.IsTruncated) && found.length > 0;
    }
    return keys;
  }

  return {
    async put(key, bytes, { contentType }) {
      assertObjectKey(key);
      await client.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentType: contentType }),
      );
    },
    async get(key) {
      assertObjectKey(key);
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        const bytes = object.Body ? await object.Body.transformToByteArray() : new Uint8Array();
        return { bytes, contentType: object.ContentType ?? 'application/octet-stream' };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    async head(key) {
      assertObjectKey(key);
      try {
        const object = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return {
          size: object.ContentLength ?? 0,
          contentType: object.ContentType ?? 'application/octet-stream',
        };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    list,
    async delete(key) {
      assertObjectKey(key);
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
    async deletePrefix(prefix) {
      const keys = await list(prefix);
      for (let i = 0; i < keys.length; i += DELETE_BATCH) {
        const batch = keys.slice(i, i + DELETE_BATCH);
        const result = await client.send(
          new DeleteObjectsCommand({
            Bucket: bucket,
            Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
          }),
        );
        const failed = result.Errors ?? [];
        if (failed.length > 0) {
          throw new Error(
            `S3 refused to delete ${failed.length} objects under ${prefix}: ${failed[0]?.Message}`,
          );
        }
      }
      return keys.length;
    },
    async uploadUrl(key, { contentType, expiresSeconds }) {
      assertObjectKey(key);
      assertExpiry(expiresSeconds);
      const command = new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: contentType });
      const url = await getSignedUrl(signer, command, {
        expiresIn: expiresSeconds,
        signingDate: clock.now(),
        // Signed, so a PUT with another Content-Type does not match the signature.
        signableHeaders: new Set(['content-type']),
      });
      return { url, method: 'PUT', headers: { 'Content-Type': contentType } };
    },
    async downloadUrl(key, { expiresSeconds }) {
      assertObjectKey(key);
      assertExpiry(expiresSeconds);
      return getSignedUrl(signer, new GetObjectCommand({ Bucket: bucket, Key: key }), {
        expiresIn: expiresSeconds,
        signingDate: clock.now(),
      });
    },
    describe: () => `objects: S3 bucket ${bucket} at ${options.endpoint}`,
    close: async () => {
      client.destroy();
      signer.destroy();
    },
  };
}
