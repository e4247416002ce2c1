/**
 * Scale-out on one machine: the primary process forks GATEWAY_WORKERS workers that each run the whole
 * gateway on the same port (node:cluster shares the listening socket), restarts a worker that dies (with
 * a growing delay while it keeps dying), and on SIGTERM/SIGINT lets every worker shut down gracefully.
 */
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import type { Logger } from '../../lib/logging/logger';
import { SHUTDOWN_TIMEOUT_MS } from '../../lib/server/shutdown';

/** A worker that dies this many times in a row before it ever listens makes the primary give up. */
export const MAX_FAILED_STARTS = 5;
/** A worker that stayed up this long is healthy: its next crash restarts it without delay growth. */
const STABLE_AFTER_MS = 30_000;

/** GATEWAY_WORKERS as a count: 0 (or `auto`) is one worker per CPU. */
export function workerCountOf(configured: number, cpus: number = availableParallelism()): number {
  return configured === 0 ? cpus : configured;
}

/** Delay before restarting a worker after its `crashes`-th consecutive crash: 250 ms, doubling, ≤ 30 s. */
export function restartDelayMs(crashes: number): number {
  return Math.min(250 * 2 ** Math.max(0, crashes - 1), 30_000);
}

interface Slot {
  worker: Worker | null;
  crashes: number;
  failedStarts: number;
  listeningSince: number | null;
  restart: NodeJS.Timeout | null;
}

export interface ClusterOptions {
  workers: number;
  logger: Logger;
  shutdownTimeoutMs?: number;
}

/** Runs in the primary process: forks and supervises the workers until a signal stops them. */
export function runGatewayCluster(options: ClusterOptions): void {
  const { logger } = options;
  const slots: Slot[] = Array.from({ length: options.workers }, () => ({
    worker: null,
    crashes: 0,
    failedStarts: 0,
    listeningSince: null,
    restart: null,
  }));
  let stopping = false;
  let exitCode = 0;

  const fork = (slot: Slot) => {
    slot.restart = null;
    slot.listeningSince = null;
    const worker = cluster.fork();
    slot.worker = worker;
    worker.once('listening', () => {
      slot.listeningSince = Date.now();
      slot.failedStarts = 0;
    });
  };

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, workers: slots.filter((s) => s.worker).length }, 'stopping the gateway workers');
    for (const slot of slots) {
      if (slot.restart) clearTimeout(slot.restart);
      // Each worker shuts down gracefully on its own (lib/server/shutdown.ts) and exits.
      slot.worker?.process.kill(signal);
    }
    setTimeout(
      () => {
        logger.error('gateway workers did not stop in time: killing them');
        for (const slot of slots) slot.worker?.process.kill('SIGKILL');
        process.exit(1);
      },
      (options.shutdownTimeoutMs ?? SHUTDOWN_TIMEOUT_MS) + 2_000,
    ).unref();
    exitIfAllStopped();
  };

  const exitIfAllStopped = () => {
    if (stopping && slots.every((s) => !s.worker)) {
      logger.info('gateway workers stopped');
      process.exit(exitCode);
    }
  };

  cluster.on('exit', (worker, code, signal) => {
    const slot = slots.find((s) => s.worker === worker);
    if (!slot) return;
    slot.worker = null;
    if (stopping) {
      if (code !== 0) exitCode = 1;
      exitIfAllStopped();
      return;
    }
    const stable = slot.listeningSince !== null && Date.now() - slot.listeningSince > STABLE_AFTER_MS;
    slot.crashes = stable ? 1 : slot.crashes + 1;
    if (slot.listeningSince === null) slot.failedStarts += 1;
    if (slot.failedStarts >= MAX_FAILED_STARTS) {
      logger.fatal({ failedStarts: slot.failedStarts }, 'a gateway worker keeps failing to start: giving up');
      exitCode = 1;
      stop('SIGTERM');
      return;
    }
    const delayMs = restartDelayMs(slot.crashes);
    logger.error({ pid: worker.process.pid, code, signal, delayMs }, 'gateway worker died: restarting it');
    slot.restart = setTimeout(() => fork(slot), delayMs);
  });

  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // SIGHUP (reload the supergraph file) goes to every worker.
  process.on('SIGHUP', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGHUP');
  });
  for (const slot of slots) fork(slot);
  logger.info({ workers: options.workers }, 'gateway primary started its workers');
}
