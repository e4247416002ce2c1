import { isDriverAdapterError, type SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import { openDatabase, type OpenDatabase } from '../database';
import { sql, values } from '../../testing/driver-adapter-sql';

describe('the embedded database in its own thread', () => {
  const dataDir = `memory://thread-spec-${process.pid}`;
  let db: OpenDatabase;
  let connection: SqlDriverAdapter;

  beforeAll(async () => {
    db = await openDatabase({ kind: 'pglite', dataDir, schema: 'spec' });
    connection = await db.adapter.connect();
    await connection.executeScript('CREATE TABLE "Item" (id int PRIMARY KEY, label text, data bytea)');
  });
  afterAll(() => db?.close());

  it("gives Prisma the database's errors as its own driver adapter errors", async () => {
    await connection.executeRaw(sql(`INSERT INTO "Item" (id, label) VALUES (1, 'first')`));
    const failure = await connection
      .executeRaw(sql(`INSERT INTO "Item" (id, label) VALUES (1, 'again')`))
      .catch((error: unknown) => error);
    expect(isDriverAdapterError(failure as Error)).toBe(true);
    expect((failure as { cause: { kind: string } }).cause.kind).toBe('UniqueConstraintViolation');
  });

  it('carries bytes both ways and keeps a rolled-back transaction out', async () => {
    const tx = await connection.startTransaction();
    await tx.executeRaw(sql(`INSERT INTO "Item" (id, data) VALUES (2, '\\x0102ff'::bytea)`));
    expect((await tx.queryRaw(sql('SELECT data FROM "Item" WHERE id = 2'))).rows).toEqual([
      [new Uint8Array([1, 2, 255])],
    ]);
    await tx.rollback();
    expect(await values(connection, 'SELECT id FROM "Item" ORDER BY id')).toEqual([1]);
  });

  it('goes on serving after a rollback of a transaction already over', async () => {
    // Prisma rolls back a transaction that started after its wait ran out, whatever became of it.
    const tx = await connection.startTransaction();
    await tx.executeRaw(sql(`INSERT INTO "Item" (id, label) VALUES (3, 'committed')`));
    await tx.commit();
    await tx.rollback();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await values(connection, 'SELECT id FROM "Item" WHERE id = 3')).toEqual([3]);
  });

  it('answers each of many statements sent at once', async () => {
    const inserts = Array.from({ length: 50 }, (_, i) =>
      connection.executeRaw(sql(`INSERT INTO "Item" (id, label) VALUES ($1, 'many')`, [100 + i])),
    );
    expect(await Promise.all(inserts)).toEqual(Array.from({ length: 50 }, () => 1));
    expect(await values(connection, `SELECT count(*)::int FROM "Item" WHERE label = 'many'`)).toEqual([50]);
  });

  it('opens an instance afresh after its last database closed it; a second close does nothing', async () => {
    const other = `memory://thread-spec-other-${process.pid}`;
    const first = await openDatabase({ kind: 'pglite', dataDir: other, schema: 'a' });
    await first.close();
    await first.close();
    const again = await openDatabase({ kind: 'pglite', dataDir: other, schema: 'a' });
    try {
      expect(await values(await again.adapter.connect(), 'SELECT current_schema()')).toEqual(['a']);
    } finally {
      await again.close();
    }
  });
});
