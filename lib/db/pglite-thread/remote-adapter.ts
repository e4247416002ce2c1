/**
 * Prisma's driver adapter for an embedded database that lives in the PGlite thread: every call is a
 * message to the thread, where the PGlite adapter of the context's schema answers it (worker.ts).
 */
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from '@prisma/driver-adapter-utils';
import { pgliteThread } from './pglite-thread';

const provider = 'postgres';
const adapterName = 'pglite-prisma-adapter';

/** The connection of one open handle; PGlite has one session, so every connect() gives the same. */
export function remoteConnection(handle: number, schemaName: string): SqlDriverAdapter {
  return {
    provider,
    adapterName,
    queryRaw: (query: SqlQuery) => pgliteThread.request({ op: 'queryRaw', handle, query }),
    executeRaw: (query: SqlQuery) => pgliteThread.request({ op: 'executeRaw', handle, query }),
    executeScript: (script: string) => pgliteThread.request({ op: 'executeScript', handle, script }),
    // Prisma qualifies its own statements with this schema; raw SQL finds its tables through search_path.
    getConnectionInfo: () => ({ supportsRelationJoins: true, schemaName }),
    dispose: async () => undefined,
    async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
      const { tx, options } = await pgliteThread.request({ op: 'startTransaction', handle, isolationLevel });
      return {
        provider,
        adapterName,
        options,
        queryRaw: (query) => pgliteThread.request({ op: 'txQueryRaw', tx, query }),
        executeRaw: (query) => pgliteThread.request({ op: 'txExecuteRaw', tx, query }),
        commit: () => pgliteThread.request({ op: 'commit', tx }),
        rollback: () => pgliteThread.request({ op: 'rollback', tx }),
      };
    },
  };
}

/** The adapter factory Prisma and the schema engine are given for the handle. */
export function remoteAdapterFactory(
  handle: number,
  schemaName: string,
): SqlMigrationAwareDriverAdapterFactory {
  const connection = remoteConnection(handle, schemaName);
  return {
    provider,
    adapterName,
    connect: async () => connection,
    connectToShadowDb: async () => {
      throw new Error('The embedded database has no shadow database: generate migrations from schema texts.');
    },
  };
}
