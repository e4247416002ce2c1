import { loadConfig } from '../config/config';
import { repoRoot } from '../paths';
import { describeTarget, resolveDatabaseTarget } from './database-target';

describe('resolveDatabaseTarget', () => {
  it('puts each context in its own schema of the one PGlite under DATA_DIR when no database URL is set', () => {
    expect(resolveDatabaseTarget('training', loadConfig({}))).toEqual({
      kind: 'pglite',
      dataDir: `${repoRoot}/.data/pglite`,
      schema: 'training',
      seed: expect.stringMatching(/node_modules\/\.cache\/pulse\/pglite-template-[0-9a-f]{16}\.tar$/),
      legacyDataDir: `${repoRoot}/.data/training`,
    });
  });

  it('puts each context in its own schema of DATABASE_URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/pulse' });
    expect(resolveDatabaseTarget('identity', config)).toEqual({
      kind: 'postgres',
      url: 'postgresql://postgres@127.0.0.1:5432/pulse',
      schema: 'identity',
    });
  });

  it('prefers DATABASE_URL_<CTX> and honours its schema parameter', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://a/shared',
      DATABASE_URL_TRAINING: 'postgresql://b/telemetry?schema=workouts&sslmode=disable',
    });
    const target = resolveDatabaseTarget('training', config);
    expect(target).toEqual({
      kind: 'postgres',
      url: 'postgresql://b/telemetry?sslmode=disable',
      schema: 'workouts',
    });
    expect(describeTarget(target)).toBe('PostgreSQL b/telemetry schema workouts');
  });

  it('refuses a schema name that would need quoting', () => {
    expect(() =>
      resolveDatabaseTarget('identity', loadConfig({ DATABASE_URL: 'postgresql://a/b?schema=Bad-Name' })),
    ).toThrow(/schema name/);
  });
});
