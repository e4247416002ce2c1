/**
 * One child process of `npm run start:services`, supervised: started with its output prefixed by its name,
 * up once it announced its URL and that URL's /health answers; restarted when it dies unexpectedly (kill -9,
 * a crash) after 250 ms, doubling while it keeps dying (as the gateway's cluster does with its workers); and
 * stopped on request with SIGTERM, then SIGKILL once the grace time is over. A restart that keeps failing
 * is reported to the launcher, which stops everything.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { MAX_FAILED_STARTS, restartDelayMs } from '../../gateway/src/cluster';
import type { Env } from './child-env';

/** How long a start may take (loading the code, migrating a fresh database, on two busy cores). */
export const START_TIMEOUT_MS = 180_000;
/** A child that stayed up this long is healthy: its next crash restarts it without delay growth. */
const STABLE_AFTER_MS = 30_000;
/** Lines of output kept to explain a failed start. */
const KEPT_LINES = 20;

export interface ChildSpec {
  name: string;
  /** `node`'s arguments: flags, the script and its arguments. */
  args: string[];
  cwd: string;
  env: Env;
  /** The line the child prints once it listens; its first group is the URL it serves at. */
  announces: RegExp;
  /** Where its /health answers, from the URL it announced. */
  healthOf: (url: string) => string;
}

export interface SupervisorOutput {
  /** A line the child wrote, on its stdout or stderr. */
  line(name: string, text: string, stream: 'stdout' | 'stderr'): void;
  /** What the supervisor has to say (starts, deaths, restarts). */
  say(message: string): void;
  /** The child keeps failing to come back: the launcher stops everything. */
  giveUp(name: string, reason: string): void;
}

export interface Supervised {
  readonly name: string;
  pid(): number | undefined;
  url(): string | undefined;
  /** Starts the child; resolves with its URL once its /health answers, rejects with why it could not. */
  start(): Promise<string>;
  /** Stops it for good; resolves false when it had to be killed after `graceMs`. */
  stop(graceMs: number): Promise<boolean>;
  /** Kills it and its process group at once, if it still runs (the launcher is exiting). */
  kill(): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function supervise(spec: ChildSpec, output: SupervisorOutput): Supervised {
  let child: ChildProcess | undefined;
  let url: string | undefined;
  let upSince: number | undefined;
  let stopping = false;
  let restarts = 0;
  let crashes = 0;
  let failedStarts = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  const recent: { text: string; stream: string }[] = [];

  /** The last lines on stderr (else stdout): what a child that failed to start said about it. */
  const reason = () => {
    const errors = recent.filter((l) => l.stream === 'stderr');
    return (errors.length ? errors : recent)
      .slice(-3)
      .map((l) => l.text)
      .join(' / ');
  };

  const launch = (): Promise<string> =>
    new Promise<string>((resolve, reject) => {
      const since = performance.now();
      recent.length = 0;
      const proc = spawn(process.execPath, spec.args, {
        cwd: spec.cwd,
        env: spec.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group: a Ctrl+C in the terminal reaches the launcher only, which stops the
        // gateway first and the subgraphs after it.
        detached: true,
      });
      child = proc;
      let settled = false;
      let isUp = false;
      const fail = (why: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        killGroup(proc, 'SIGKILL');
        reject(new Error(`${spec.name} ${why}`));
      };
      const timer = setTimeout(
        () => fail(`did not answer /health within ${seconds(START_TIMEOUT_MS)}`),
        START_TIMEOUT_MS,
      );
      const succeed = (at: string) => {
        if (settled) return;
        settled = true;
        isUp = true;
        clearTimeout(timer);
        url = at;
        upSince = Date.now();
        // A restart must come back where the gateway reaches it: on the port the first start took.
        spec.env = { ...spec.env, PORT: new URL(at).port };
        const restart = restarts > 0 ? ` (restart ${restarts})` : '';
        output.say(
          `${spec.name} pid ${proc.pid} up at ${at} in ${seconds(performance.now() - since)}${restart}`,
        );
        resolve(at);
      };
      const waitForHealth = async (at: string) => {
        while (!settled) {
          try {
            const response = await fetch(spec.healthOf(at), { signal: AbortSignal.timeout(2_000) });
            if (response.ok) return succeed(at);
          } catch {
            // Not answering yet.
          }
          await sleep(100);
        }
      };
      proc.once('error', (error) => fail(`could not be started: ${error.message}`));
      proc.once('exit', (code, signal) => {
        const how = signal ? `signal ${signal}` : `code ${code}`;
        if (isUp) died(proc, how);
        else fail(`exited (${how}) while starting: ${reason() || 'no output'}`);
      });
      let announced = false;
      for (const stream of ['stdout', 'stderr'] as const) {
        createInterface({ input: proc[stream]!, crlfDelay: Infinity }).on('line', (text) => {
          recent.push({ text, stream });
          if (recent.length > KEPT_LINES) recent.shift();
          output.line(spec.name, text, stream);
          const match = announced ? null : spec.announces.exec(text);
          if (match?.[1]) {
            announced = true;
            void waitForHealth(match[1]);
          }
        });
      }
    });

  const died = (proc: ChildProcess, how: string) => {
    if (stopping || child !== proc) return;
    child = undefined;
    const stable = upSince !== undefined && Date.now() - upSince > STABLE_AFTER_MS;
    crashes = stable ? 1 : crashes + 1;
    const delayMs = restartDelayMs(crashes);
    output.say(`${spec.name} pid ${proc.pid} died (${how}): restarting it in ${delayMs} ms`);
    scheduleRestart(delayMs);
  };

  const scheduleRestart = (delayMs: number) => {
    restartTimer = setTimeout(() => {
      restartTimer = undefined;
      restarts += 1;
      launch().then(
        () => {
          failedStarts = 0;
        },
        (error: Error) => {
          if (stopping) return;
          child = undefined;
          failedStarts += 1;
          if (failedStarts >= MAX_FAILED_STARTS) {
            output.giveUp(spec.name, `${error.message} (${failedStarts} restarts in a row failed)`);
            return;
          }
          crashes += 1;
          const nextMs = restartDelayMs(crashes);
          output.say(`${error.message}: trying again in ${nextMs} ms`);
          scheduleRestart(nextMs);
        },
      );
    }, delayMs);
  };

  return {
    name: spec.name,
    pid: () => child?.pid,
    url: () => url,
    start: launch,
    kill: () => child && killGroup(child, 'SIGKILL'),
    async stop(graceMs) {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      const proc = child;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return true;
      const exited = new Promise<string>((resolve) =>
        proc.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`)),
      );
      proc.kill('SIGTERM');
      const inTime = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
      if (!inTime) {
        output.say(`${spec.name} pid ${proc.pid} did not stop within ${seconds(graceMs)}: killing it`);
        killGroup(proc, 'SIGKILL');
      }
      output.say(`${spec.name} pid ${proc.pid} stopped (${await exited})`);
      return inTime;
    },
  };
}

/** Signals the child's process group (the gateway's workers with their primary), else the child alone. */
export function killGroup(proc: ChildProcess, signal: NodeJS.Signals): void {
  if (proc.pid === undefined || proc.exitCode !== null || proc.signalCode !== null) return;
  try {
    process.kill(-proc.pid, signal);
  } catch {
    proc.kill(signal);
  }
}
