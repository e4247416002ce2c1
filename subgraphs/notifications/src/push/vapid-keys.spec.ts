import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateVapidKeys } from './vapid-keys';

describe('loadOrCreateVapidKeys', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pulse-vapid-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates the file (and its directory) once, owner-only, and reads the same keys back', async () => {
    const file = join(dir, 'push', 'vapid.json');

    const created = await loadOrCreateVapidKeys(file);
    const loaded = await loadOrCreateVapidKeys(file);

    expect(created.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(loaded).toEqual(created);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(created);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(dir, 'push'))).toEqual(['vapid.json']);
  });

  it('gives two starts at once the same keys', async () => {
    const file = join(dir, 'vapid.json');
    const [first, second] = await Promise.all([loadOrCreateVapidKeys(file), loadOrCreateVapidKeys(file)]);
    expect(second).toEqual(first);
    expect(await readdir(dir)).toEqual(['vapid.json']);
  });

  it('refuses a file that holds no keys', async () => {
    const file = join(dir, 'vapid.json');
    await writeFile(file, '{"publicKey": 1}');
    await expect(loadOrCreateVapidKeys(file)).rejects.toThrow(/holds no VAPID keys/);
  });
});
