/**
 * The gateway's admission gate (load shedding): at most `maxConcurrent` requests in hand at once; the next
 * ones wait their turn, first come first served, in a room of at most `maxWaiting`, each for at most
 * `maxWaitMs`. A request that finds the room full, or whose wait runs out, is turned away before any of
 * its work is done. Written by hand (see the README's "Written by hand"): the npm semaphores either cap
 * no waiting room or cannot take one waiter out when its client goes away.
 */

/** Why a request was turned away: no slot freed within the wait, or the waiting room was full. */
export type AdmissionRefusal = 'wait' | 'room-full';

export type Admission =
  | {
      admitted: true;
      /** Gives the slot back (to the first waiter); a second call does nothing. */
      release(): void;
    }
  | { admitted: false; reason: AdmissionRefusal }
  /** The caller's signal fired while it waited: it left the room and holds nothing. */
  | { admitted: false; reason: 'abandoned' };

export interface AdmissionGateOptions {
  maxConcurrent: number;
  /** The longest a request waits for a slot; 0: refused at once when every slot is taken. */
  maxWaitMs: number;
  /** The waiting room's size; 0: no room, refused at once when every slot is taken. */
  maxWaiting: number;
}

interface Waiter {
  settle(admission: Admission): void;
}

export type AdmissionGate = ReturnType<typeof createAdmissionGate>;

export function createAdmissionGate({ maxConcurrent, maxWaitMs, maxWaiting }: AdmissionGateOptions) {
  let inFlight = 0;
  // A Set keeps insertion order (first in, first out) and lets any waiter leave in O(1).
  const room = new Set<Waiter>();

  const slot = () => {
    inFlight += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      inFlight -= 1;
      const first = room.values().next();
      if (!first.done) first.value.settle({ admitted: true, release: slot() });
    };
  };

  return {
    /** Resolves once the request holds a slot, or is turned away (or `signal` fires while it waits). */
    enter(signal?: AbortSignal): Promise<Admission> {
      if (inFlight < maxConcurrent && room.size === 0) {
        return Promise.resolve({ admitted: true, release: slot() });
      }
      if (room.size >= maxWaiting) return Promise.resolve({ admitted: false, reason: 'room-full' });
      if (maxWaitMs === 0) return Promise.resolve({ admitted: false, reason: 'wait' });
      if (signal?.aborted) return Promise.resolve({ admitted: false, reason: 'abandoned' });
      return new Promise<Admission>((resolve) => {
        const onAbort = () => waiter.settle({ admitted: false, reason: 'abandoned' });
        const timer = setTimeout(() => waiter.settle({ admitted: false, reason: 'wait' }), maxWaitMs);
        const waiter: Waiter = {
          settle(admission) {
            room.delete(waiter);
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            resolve(admission);
          },
        };
        room.add(waiter);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    /** Requests holding a slot, and waiting for one. */
    stats: () => ({ inFlight, waiting: room.size }),
  };
}
