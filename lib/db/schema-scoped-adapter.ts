/**
 * One embedded PostgreSQL (PGlite) serves every context, each in its own schema, as one PostgreSQL server
 * does with DATABASE_URL. PGlite has a single session, so a schema cannot be pinned per connection with
 * `search_path` as the pg pool does: instead every statement, and every transaction as a whole, takes the
 * instance's turn and sets the session's `search_path` to its context's schema first (only when it
 * changes). PGlite runs one statement or transaction at a time anyway; the turn only adds the switch.
 */
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from '@prisma/driver-adapter-utils';

/** Whose turn it is on one PGlite instance, and which schema its session points at. */
export class SessionTurns {
  private tail: Promise<void> = Promise.resolve();
  private schema: string | undefined;

  constructor(private readonly setSearchPath: (schema: string) => Promise<void>) {}

  /** Waits for the turn, points the session at `schema`, and returns the function that ends the turn. */
  async take(schema: string): Promise<() => void> {
    let end!: () => void;
    const previous = this.tail;
    this.tail = new Promise<void>((resolve) => (end = resolve));
    await previous;
    try {
      if (this.schema !== schema) {
        await this.setSearchPath(schema);
        this.schema = schema;
      }
    } catch (error) {
      end();
      throw error;
    }
    return end;
  }

  /** Runs `work` in a turn of its own, on `schema`. */
  async run<T>(schema: string, work: () => Promise<T>): Promise<T> {
    const end = await this.take(schema);
    try {
      return await work();
    } finally {
      end();
    }
  }
}

export const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** `inner` (the PGlite adapter of the shared instance) as seen by the context that owns `schema`. */
export function schemaScopedAdapter(
  inner: SqlMigrationAwareDriverAdapterFactory,
  turns: SessionTurns,
  schema: string,
): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => scopedConnection(await inner.connect(), turns, schema),
    connectToShadowDb: () => inner.connectToShadowDb(),
  };
}

function scopedConnection(inner: SqlDriverAdapter, turns: SessionTurns, schema: string): SqlDriverAdapter {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query: SqlQuery) => turns.run(schema, () => inner.queryRaw(query)),
    executeRaw: (query: SqlQuery) => turns.run(schema, () => inner.executeRaw(query)),
    executeScript: (script: string) => turns.run(schema, () => inner.executeScript(script)),
    // Prisma qualifies its own statements with this schema; raw SQL finds its tables through search_path.
    getConnectionInfo: () => ({
      supportsRelationJoins: true,
      ...inner.getConnectionInfo?.(),
      schemaName: schema,
    }),
    dispose: () => inner.dispose(),
    async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
      const end = await turns.take(schema);
      try {
        return turnHoldingTransaction(await inner.startTransaction(isolationLevel), end);
      } catch (error) {
        end();
        throw error;
      }
    },
  };
}

/** The transaction keeps the turn from its start to its commit or rollback. */
function turnHoldingTransaction(inner: Transaction, end: () => void): Transaction {
  const finish = async (step: () => Promise<void>) => {
    try {
      await step();
    } finally {
      end();
    }
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    options: inner.options,
    queryRaw: (query) => inner.queryRaw(query),
    executeRaw: (query) => inner.executeRaw(query),
    commit: () => finish(() => inner.commit()),
    rollback: () => finish(() => inner.rollback()),
    ...(inner.createSavepoint && { createSavepoint: (name: string) => inner.createSavepoint!(name) }),
    ...(inner.rollbackToSavepoint && {
      rollbackToSavepoint: (name: string) => inner.rollbackToSavepoint!(name),
    }),
    ...(inner.releaseSavepoint && { releaseSavepoint: (name: string) => inner.releaseSavepoint!(name) }),
  };
}
