import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type OpenDatabase } from './database';
import { importedSuffix, importLegacyPGlite } from './legacy-pglite-import';
import { applyMigrations } from './migrations';
import { ensurePGliteTemplate } from './pglite-template';
import { withSchemaEngine } from './schema-engine';
import { sql, values } from '../testing/driver-adapter-sql';

jest.mock('./schema-engine', () => {
  const actual = jest.requireActual<typeof import('./schema-engine')>('./schema-engine');
  return { ...actual, withSchemaEngine: jest.fn(actual.withSchemaEngine) };
});

describe('contexts sharing one embedded PostgreSQL', () => {
  const dataDir = `memory://shared-spec-${process.pid}`;
  let identity: OpenDatabase;
  let inventory: OpenDatabase;

  beforeAll(async () => {
    identity = await openDatabase({ kind: 'pglite', dataDir, schema: 'identity' });
    inventory = await openDatabase({ kind: 'pglite', dataDir, schema: 'inventory' });
  });
  afterAll(async () => {
    await identity?.close();
    await inventory?.close();
  });

  it('runs each context in its own schema, unqualified names included', async () => {
    const a = await identity.adapter.connect();
    const b = await inventory.adapter.connect();
    await a.executeScript('CREATE TABLE "Note" (text text)');
    await b.executeScript('CREATE TABLE "Note" (text text)');
    await a.executeRaw(sql(`INSERT INTO "Note" VALUES ('from identity')`));
    await b.executeRaw(sql(`INSERT INTO "Note" VALUES ('from inventory')`));
    expect(await values(a, 'SELECT text FROM "Note"')).toEqual(['from identity']);
    expect(await values(b, 'SELECT text FROM "Note"')).toEqual(['from inventory']);
    expect(await values(a, 'SELECT current_schema()')).toEqual(['identity']);
    expect(a.getConnectionInfo?.().schemaName).toBe('identity');
  });

  it("keeps one context's transaction in its schema while another context's statement waits for it", async () => {
    const a = await identity.adapter.connect();
    const b = await inventory.adapter.connect();
    const tx = await a.startTransaction();
    const meanwhile = values(b, 'SELECT count(*)::int FROM "Note"');
    await tx.executeRaw(sql(`INSERT INTO "Note" VALUES ('in a transaction')`));
    expect((await tx.queryRaw(sql('SELECT current_schema()'))).rows).toEqual([['identity']]);
    await tx.commit();
    expect(await meanwhile).toEqual([1]);
    expect(await values(a, 'SELECT count(*)::int FROM "Note"')).toEqual([2]);
  });

  it('leaves the schema engine unstarted when every migration is applied as it is', async () => {
    const migrated = await openDatabase({ kind: 'pglite', dataDir, schema: 'training' });
    try {
      expect((await applyMigrations('training', migrated)).length).toBeGreaterThan(0);
      jest.mocked(withSchemaEngine).mockClear();
      expect(await applyMigrations('training', migrated)).toEqual([]);
      expect(withSchemaEngine).not.toHaveBeenCalled();
    } finally {
      await migrated.close();
    }
  });
});

describe('importing a data folder from before the shared instance (one PGlite per context)', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'pulse-legacy-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('copies every row and sequence into the context schema, once, and keeps the old folder aside', async () => {
    const legacyDir = join(folder, 'identity');
    // Both folders start from the template (a migrated cluster) rather than from initdb: faster.
    const seed = await ensurePGliteTemplate();
    const old = await openDatabase({ kind: 'pglite', dataDir: legacyDir, schema: 'public', seed });
    await applyMigrations('identity', old);
    const before = await old.adapter.connect();
    await before.executeRaw(
      sql(`INSERT INTO "User" ("id", "email", "passwordHash", "displayName", "updatedAt")
           VALUES ('0192f1c8-0000-7000-8000-000000000001', 'ada@example.com', 'x', 'Ada', now())`),
    );
    await before.executeRaw(
      sql(`INSERT INTO "OutboxEvent" ("id", "topic", "key", "type", "payload", "occurredAt")
           VALUES ('0192f1c8-0000-7000-8000-0000000000e1', 't', 'k', 'x', '{}', now()),
                  ('0192f1c8-0000-7000-8000-0000000000e2', 't', 'k', 'x', '{}', now())`),
    );
    await old.close();

    const shared = await openDatabase({
      kind: 'pglite',
      dataDir: join(folder, 'pglite'),
      schema: 'identity',
    });
    try {
      await applyMigrations('identity', shared);
      expect(await importLegacyPGlite('identity', legacyDir, shared)).toBe(3);
      const connection = await shared.adapter.connect();
      expect(await values(connection, 'SELECT email FROM "User"')).toEqual(['ada@example.com']);
      await connection.executeRaw(
        sql(`INSERT INTO "OutboxEvent" ("id", "topic", "key", "type", "payload", "occurredAt")
             VALUES ('0192f1c8-0000-7000-8000-0000000000e3', 't', 'k', 'x', '{}', now())`),
      );
      // The sequence went on from where the old database left it.
      expect(await values(connection, 'SELECT "sequence"::int FROM "OutboxEvent" ORDER BY 1')).toEqual([
        1, 2, 3,
      ]);
      expect(existsSync(legacyDir)).toBe(false);
      expect(existsSync(`${legacyDir}${importedSuffix}`)).toBe(true);
      expect(await importLegacyPGlite('identity', legacyDir, shared)).toBeNull();
    } finally {
      await shared.close();
    }
    // Two PGlite folders opened from files and every context migrated: slow on a busy machine.
  }, 180_000);
});
