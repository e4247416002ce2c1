/**
 * The benchmark's child processes (subgraphs, one per gateway): how the parent starts one and waits for its
 * address, and how a child announces it and stops when told to. They talk over Node's IPC channel.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** What a child reports once it listens. */
export interface ChildReady<T> {
  ready: T;
}

export interface Child<T> {
  info: T;
  pid: number;
  /** Asks the child to stop cleanly; kills it if it has not exited 10 s later. */
  stop(): Promise<void>;
}

interface ChildFailure {
  failed: string;
}

/** Starts `scripts/bench/<file>` in its own Node.js process (with tsx) and waits until it is ready. */
export async function startChild<T>(
  file: string,
  input: unknown,
  options: { execArgv?: string[]; timeoutMs?: number } = {},
): Promise<Child<T>> {
  const child = fork(join(__dirname, file), [JSON.stringify(input)], {
    execArgv: ['--import', 'tsx', ...(options.execArgv ?? [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const info = await new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${file} did not start within ${options.timeoutMs ?? 120_000} ms`)),
      options.timeoutMs ?? 120_000,
    );
    child.once('exit', (code) => reject(new Error(`${file} exited with code ${code} before it was ready`)));
    child.on('message', (message: ChildReady<T> | ChildFailure) => {
      clearTimeout(timer);
      if ('failed' in message) reject(new Error(`${file}: ${message.failed}`));
      else resolve(message.ready);
    });
  }).catch((error: unknown) => {
    child.kill();
    throw error;
  });
  return { info, pid: child.pid ?? -1, stop: () => stopChild(child) };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.send('stop');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * In a child: reads its input, runs `start`, reports what it returns, and on 'stop' (or when the parent
 * goes away) runs the returned stop function and exits.
 */
export function runAsChild<I, T>(start: (input: I) => Promise<{ info: T; stop(): Promise<void> }>): void {
  const send = (message: ChildReady<T> | ChildFailure) => process.send?.(message);
  const input = JSON.parse(process.argv[2] ?? '{}') as I;
  start(input).then(
    ({ info, stop }) => {
      let stopping = false;
      const shutdown = () => {
        if (stopping) return;
        stopping = true;
        stop().then(
          () => process.exit(0),
          (error: unknown) => {
            console.error(error);
            process.exit(1);
          },
        );
      };
      process.on('message', (message) => message === 'stop' && shutdown());
      process.on('disconnect', shutdown);
      send({ ready: info });
    },
    (error: unknown) => {
      send({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      process.exit(1);
    },
  );
}
