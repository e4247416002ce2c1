/**
 * The app's one sync engine, started once (by the Record screen and at app start): it sends this browser's
 * outbox for the signed-in athlete, at once, after each new batch, on reconnecting and on signing in.
 */
import { useSyncExternalStore } from 'react';
import { currentSession, onSessionChange } from '../api/session';
import { outbox } from './outbox';
import { createSyncEngine, type PassOutcome, type SyncStatus } from './sync-engine';
import { apolloSyncTransport } from './sync-transport';

const engine = createSyncEngine({
  outbox,
  transport: apolloSyncTransport,
  currentUserId: () => currentSession()?.userId ?? null,
  isOnline: () => navigator.onLine,
  // One tab sends at a time: two would only send the same steps twice (harmless, but wasted).
  exclusive: (pass) =>
    // The lock's promise settles with the pass's own outcome (the callback's promise is awaited).
    navigator.locks
      ? (navigator.locks.request('pulse.outbox.sync', pass) as unknown as Promise<PassOutcome>)
      : pass(),
});

let started = false;

/** Starts the sync engine (once, however many callers). */
export function startSync(): void {
  if (started) return;
  started = true;
  engine.start();
  onSessionChange((session) => {
    if (session) void engine.syncNow();
  });
}

/** Sends what is waiting now (a retry the athlete asked for). */
export const syncNow = () => engine.syncNow();

export function useSyncStatus(): SyncStatus {
  return useSyncExternalStore(engine.onStatus, engine.status);
}
