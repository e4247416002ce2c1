/**
 * The VAPID key pair of an embedded install, kept in a file under its data directory: browsers subscribe
 * with our public key, so a new key on every start would orphan every subscription.
 */
import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { generateVAPIDKeys } from 'web-push';
import type { VapidKeys } from './web-push-sender';

/** Reads `{ publicKey, privateKey }` from `file`, or generates a pair and writes it there (owner-only). */
export async function loadOrCreateVapidKeys(file: string): Promise<VapidKeys> {
  const existing = await readKeys(file);
  if (existing) return existing;
  const keys = generateVAPIDKeys();
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  // Written whole to a private temporary file, then linked into place: link() fails when the file
  // exists, so of two processes starting together one creates the keys and the other reads them, never
  // half a file.
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temporary, JSON.stringify(keys, null, 2) + '\n', { mode: 0o600 });
  try {
    await link(temporary, file);
    return keys;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = await readKeys(file);
    if (!winner) throw error;
    return winner;
  } finally {
    await rm(temporary, { force: true });
  }
}

async function readKeys(file: string): Promise<VapidKeys | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const keys = JSON.parse(text) as Partial<VapidKeys>;
  if (typeof keys.publicKey !== 'string' || typeof keys.privateKey !== 'string') {
    throw new Error(`${file} holds no VAPID keys (expected {"publicKey": "…", "privateKey": "…"})`);
  }
  return { publicKey: keys.publicKey, privateKey: keys.privateKey };
}
