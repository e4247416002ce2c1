/**
 * bench:startup's baselines, each in a fresh Node.js process: `pglite` opens the embedded database of a
 * DATA_DIR alone (no Prisma, no contexts); `nothing` opens nothing: Node.js, tsx and the database code loaded.
 */
import { join } from 'node:path';
import { openDatabase } from '../../lib/db/database';
import { EMBEDDED_DATABASE_DIR } from '../../lib/db/database-target';
import { runAsChild } from './gateway-child';

runAsChild<{ subject: 'pglite' | 'nothing'; dataDir: string }, { readyAtMs: number; parts: [] }>(
  async ({ subject, dataDir }) => {
    const db =
      subject === 'pglite'
        ? await openDatabase({
            kind: 'pglite',
            dataDir: join(dataDir, EMBEDDED_DATABASE_DIR),
            schema: 'public',
          })
        : undefined;
    return { info: { readyAtMs: performance.now(), parts: [] }, stop: async () => db?.close() };
  },
);
