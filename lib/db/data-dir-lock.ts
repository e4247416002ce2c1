/**
 * One process per embedded database: PGlite has no lock of its own, and two processes writing one data
 * directory would corrupt it. The lock is a file holding the owner's pid; a lock left by a process that
 * no longer runs is taken over.
 */
import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Creates the lock file; false when it exists already. */
function tryCreate(lockPath: string): boolean {
  try {
    const fd = openSync(lockPath, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Takes the lock of `dataDir` or throws naming the process that holds it; returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  const release = () => rmSync(lockPath, { force: true });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    if (tryCreate(lockPath)) return release;
    const owner = Number(readFileSync(lockPath, 'utf8'));
    if (owner === process.pid) throw new Error(`${dataDir} is already open in this process.`);
    if (Number.isInteger(owner) && owner > 0 && isRunning(owner)) {
      throw new Error(
        `${dataDir} is in use by process ${owner} (is Pulse already running?). Stop it or set another DATA_DIR.`,
      );
    }
    release(); // left behind by a process that died
  }
  throw new Error(`Could not lock ${dataDir}.`);
}
