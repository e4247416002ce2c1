/**
 * An embedded database (a context's schema in a PGlite instance of this process), as the main thread holds
 * it: Prisma's adapter and the housekeeping the launcher needs, all carried out in the PGlite thread.
 */
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { PGliteTarget } from '../pglite-instances';
import { pgliteThread } from './pglite-thread';
import { remoteAdapterFactory } from './remote-adapter';

export interface EmbeddedDatabase {
  /** Prisma's driver adapter, bound to the schema. */
  adapter: SqlMigrationAwareDriverAdapterFactory;
  /** The whole instance (every schema) as PGlite's dump, which a new instance can start from. */
  dump(): Promise<Uint8Array>;
  /** Replaces this schema's rows by those of `source`'s `sourceSchema` (migrated alike); returns the rows copied. */
  copyTablesFrom(source: EmbeddedDatabase, sourceSchema: string): Promise<number>;
  close(): Promise<void>;
}

const handles = new WeakMap<EmbeddedDatabase, number>();

/** Opens (or joins) the instance of `target.dataDir` in the PGlite thread, with the target's schema. */
export async function openEmbeddedDatabase(target: PGliteTarget): Promise<EmbeddedDatabase> {
  const handle = await pgliteThread.open({ op: 'open', target });
  let closing: Promise<void> | null = null;
  const database: EmbeddedDatabase = {
    adapter: remoteAdapterFactory(handle, target.schema),
    dump: async () => new Uint8Array(await pgliteThread.request({ op: 'dump', handle })),
    copyTablesFrom(source, sourceSchema) {
      const from = handles.get(source);
      if (from === undefined) throw new Error('The source is not an embedded database of this process.');
      return pgliteThread.request({ op: 'copyTablesFrom', handle, source: from, sourceSchema });
    },
    close: () => (closing ??= pgliteThread.close(handle)),
  };
  handles.set(database, handle);
  return database;
}
