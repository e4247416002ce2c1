/**
 * The PGlite thread: every embedded PostgreSQL instance of the process lives here (pglite-instances.ts),
 * so that the database's WebAssembly and its synchronous file I/O run beside the contexts' event loop
 * instead of on it. The main thread reaches it through pglite-thread.ts with Prisma's driver-adapter calls.
 */
import { parentPort } from 'node:worker_threads';
import type { SqlDriverAdapter, Transaction } from '@prisma/driver-adapter-utils';
import { openPGliteSchema, type PGliteSchema } from '../pglite-instances';
import { copyTables } from './copy-tables';
import type { ClonedError, PGliteRequest, PGliteResponse, PGliteResults } from './messages';

interface Handle {
  schema: PGliteSchema;
  schemaName: string;
  connection: SqlDriverAdapter;
}

const handles = new Map<number, Handle>();
const transactions = new Map<number, Transaction>();
let lastId = 0;

const handleOf = (id: number): Handle => {
  const handle = handles.get(id);
  if (!handle) throw new Error(`The embedded database handle ${id} is closed.`);
  return handle;
};

const transactionOf = (id: number): Transaction => {
  const tx = transactions.get(id);
  if (!tx) throw new Error(`Transaction ${id} is not open.`);
  return tx;
};

async function ending<T>(tx: number, step: (transaction: Transaction) => Promise<T>): Promise<T> {
  const transaction = transactionOf(tx);
  transactions.delete(tx);
  return step(transaction);
}

type Handlers = {
  [K in PGliteRequest['op']]: (request: Extract<PGliteRequest, { op: K }>) => Promise<PGliteResults[K]>;
};

const handlers: Handlers = {
  async open({ target }) {
    const schema = await openPGliteSchema(target);
    try {
      const connection = await schema.adapter.connect();
      lastId += 1;
      handles.set(lastId, { schema, schemaName: target.schema, connection });
      return lastId;
    } catch (error) {
      await schema.close();
      throw error;
    }
  },
  async close({ handle }) {
    const open = handles.get(handle);
    if (!open) return;
    handles.delete(handle);
    await open.schema.close();
  },
  queryRaw: ({ handle, query }) => handleOf(handle).connection.queryRaw(query),
  executeRaw: ({ handle, query }) => handleOf(handle).connection.executeRaw(query),
  executeScript: ({ handle, script }) => handleOf(handle).connection.executeScript(script),
  async startTransaction({ handle, isolationLevel }) {
    const transaction = await handleOf(handle).connection.startTransaction(isolationLevel);
    lastId += 1;
    transactions.set(lastId, transaction);
    return { tx: lastId, options: transaction.options };
  },
  txQueryRaw: ({ tx, query }) => transactionOf(tx).queryRaw(query),
  txExecuteRaw: ({ tx, query }) => transactionOf(tx).executeRaw(query),
  commit: ({ tx }) => ending(tx, (transaction) => transaction.commit()),
  // Prisma may roll back a transaction that is over already (one that started after its wait ran out).
  rollback: async ({ tx }) =>
    transactions.has(tx) ? ending(tx, (transaction) => transaction.rollback()) : undefined,
  async dump({ handle }) {
    const dump = await handleOf(handle).schema.inTurn((pglite) => pglite.dumpDataDir('none'));
    return dump.arrayBuffer();
  },
  copyTablesFrom({ handle, source, sourceSchema }) {
    const target = handleOf(handle);
    return copyTables(handleOf(source).schema, sourceSchema, target.schema, target.schemaName);
  },
};

const clone = (error: unknown): ClonedError => {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { cause } = error as { cause?: unknown };
  const cloned: ClonedError = { name: error.name, message: error.message };
  try {
    if (cause !== undefined && typeof cause === 'object') cloned.cause = structuredClone(cause);
  } catch {
    // A cause that cannot cross threads stays behind; the message says what happened.
  }
  return cloned;
};

// A promise nobody awaits that fails (PGlite's Prisma adapter does not await a rollback; a rollback of a
// transaction PGlite has closed fails so) would end the thread, and every context's database with it. It
// is reported instead, and the thread goes on serving.
process.on('unhandledRejection', (reason) => {
  console.error('The embedded database thread: a promise nobody awaited failed:', reason);
});

const fail = (id: number, error: unknown) =>
  parentPort!.postMessage({ id, ok: false, error: clone(error) } satisfies PGliteResponse);

parentPort!.on('message', ({ id, request }: { id: number; request: PGliteRequest }) => {
  const handler = handlers[request.op] as (request: PGliteRequest) => Promise<unknown>;
  handler(request).then(
    (result) => {
      const transfer = result instanceof ArrayBuffer ? [result] : [];
      try {
        parentPort!.postMessage({ id, ok: true, result } satisfies PGliteResponse, transfer);
      } catch (error) {
        // A result that cannot cross threads: its caller gets the reason rather than waiting for ever.
        fail(id, error);
      }
    },
    (error: unknown) => fail(id, error),
  );
});
