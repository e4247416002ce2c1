import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockDataDir } from './data-dir-lock';

describe('lockDataDir', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pulse-lock-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('lets one opener in and refuses a second until released', () => {
    const dir = join(root, 'training');
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(/already open/);
    release();
    expect(existsSync(`${dir}.lock`)).toBe(false);
    lockDataDir(dir)();
  });

  it('names the live process that holds the directory', () => {
    const dir = join(root, 'identity');
    writeFileSync(`${dir}.lock`, String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`in use by process ${process.ppid}`));
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const dir = join(root, 'identity');
    writeFileSync(`${dir}.lock`, '2147483646');
    const release = lockDataDir(dir);
    release();
  });
});
