/** Picks the object store of the runtime mode: an S3 bucket when S3_ENDPOINT and S3_BUCKET are set, else files. */
import { join } from 'node:path';
import type { Config } from '../config/config';
import { createFileObjectStore, type FileObjectStore } from './file-object-store';
import type { ObjectStore } from './object-store';
import { createS3ObjectStore } from './s3-object-store';
import { loadOrCreateSigningKey } from './url-signature';

/**
 * `file` is set in the embedded mode: the composition root mounts `objectRoutes(file, …)` on the gateway's
 * port, where the file store's signed URLs lead.
 */
export interface ObjectStores {
  store: ObjectStore;
  file: FileObjectStore | null;
}

export async function createObjectStore(
  config: Config['objects'],
  options: { dataDir: string; publicBaseUrl: string },
): Promise<ObjectStores> {
  if (config.s3) return { store: createS3ObjectStore(config.s3), file: null };
  const signingKey = await loadOrCreateSigningKey(
    join(options.dataDir, 'objects-signing.key'),
    config.signingKey,
  );
  const file = createFileObjectStore({
    root: join(options.dataDir, 'objects'),
    publicBaseUrl: options.publicBaseUrl,
    signingKey,
  });
  return { store: file, file };
}
