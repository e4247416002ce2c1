import { createAdmissionGate, type Admission, type AdmissionGateOptions } from './admission-gate';

/** A gate and what each request it was asked about has come to so far (null: still waiting). */
function newTestGate(options: Partial<AdmissionGateOptions> = {}) {
  const gate = createAdmissionGate({ maxConcurrent: 2, maxWaitMs: 1_000, maxWaiting: 3, ...options });
  const outcomes = new Map<string, Admission | null>();
  const enter = (name: string, signal?: AbortSignal) => {
    outcomes.set(name, null);
    void gate.enter(signal).then((admission) => outcomes.set(name, admission));
  };
  const pending = () => [...outcomes].filter(([, a]) => a === null).map(([name]) => name);
  const admitted = () => [...outcomes].filter(([, a]) => a?.admitted).map(([name]) => name);
  const refused = () =>
    Object.fromEntries([...outcomes].flatMap(([name, a]) => (a && !a.admitted ? [[name, a.reason]] : [])));
  const release = (name: string) => {
    const admission = outcomes.get(name);
    if (!admission?.admitted) throw new Error(`${name} holds no slot`);
    admission.release();
  };
  return { gate, enter, pending, admitted, refused, release };
}

// Lets the promises the gate resolved settle (setImmediate is left real: it runs after every microtask).
const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the admission gate', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['setImmediate'] }));
  afterEach(() => jest.useRealTimers());

  it('takes requests up to the limit at once, and gives freed slots to the waiters first come, first served', async () => {
    const t = newTestGate();
    for (const name of ['a', 'b', 'c', 'd', 'e']) t.enter(name);
    await settled();
    expect(t.admitted()).toEqual(['a', 'b']);
    expect(t.gate.stats()).toEqual({ inFlight: 2, waiting: 3 });

    t.release('b');
    await settled();
    expect(t.admitted()).toEqual(['a', 'b', 'c']);
    t.release('a');
    t.release('c');
    await settled();
    expect(t.admitted()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(t.gate.stats()).toEqual({ inFlight: 2, waiting: 0 });
  });

  it('does not let a newcomer pass those already waiting', async () => {
    const t = newTestGate({ maxConcurrent: 1 });
    t.enter('a');
    t.enter('b');
    await settled();
    t.release('a');
    t.enter('c');
    await settled();
    expect(t.admitted()).toEqual(['a', 'b']);
    expect(t.gate.stats()).toEqual({ inFlight: 1, waiting: 1 });
  });

  it('refuses a request whose wait runs out, and takes the next one once a slot is free', async () => {
    const t = newTestGate({ maxConcurrent: 1, maxWaitMs: 1_000 });
    t.enter('a');
    t.enter('b');
    jest.advanceTimersByTime(999);
    await settled();
    expect(t.refused()).toEqual({});
    jest.advanceTimersByTime(1);
    await settled();
    expect(t.refused()).toEqual({ b: 'wait' });
    expect(t.gate.stats()).toEqual({ inFlight: 1, waiting: 0 });

    t.release('a');
    t.enter('c');
    await settled();
    expect(t.admitted()).toEqual(['a', 'c']);
  });

  it('refuses at once when the waiting room is full, without touching those in it', async () => {
    const t = newTestGate({ maxConcurrent: 1, maxWaiting: 2 });
    for (const name of ['a', 'b', 'c', 'd']) t.enter(name);
    await settled();
    expect(t.refused()).toEqual({ d: 'room-full' });
    expect(t.gate.stats()).toEqual({ inFlight: 1, waiting: 2 });
  });

  it('refuses at once when every slot is taken and there is no room or no wait', async () => {
    const noRoom = newTestGate({ maxConcurrent: 1, maxWaiting: 0 });
    const noWait = newTestGate({ maxConcurrent: 1, maxWaitMs: 0 });
    for (const t of [noRoom, noWait]) ['a', 'b'].forEach((name) => t.enter(name));
    await settled();
    expect(noRoom.refused()).toEqual({ b: 'room-full' });
    expect(noWait.refused()).toEqual({ b: 'wait' });
    expect(jest.getTimerCount()).toBe(0);
  });

  it('takes a waiter out of the room when its client goes away, and gives the slot to the next', async () => {
    const t = newTestGate({ maxConcurrent: 1 });
    const gone = new AbortController();
    t.enter('a');
    t.enter('b', gone.signal);
    t.enter('c');
    gone.abort();
    await settled();
    expect(t.refused()).toEqual({ b: 'abandoned' });
    expect(t.gate.stats()).toEqual({ inFlight: 1, waiting: 1 });

    t.release('a');
    await settled();
    expect(t.admitted()).toEqual(['a', 'c']);
  });

  it('counts a slot given back twice once', async () => {
    const t = newTestGate({ maxConcurrent: 1 });
    t.enter('a');
    t.enter('b');
    await settled();
    t.release('a');
    t.release('a');
    await settled();
    expect(t.gate.stats()).toEqual({ inFlight: 1, waiting: 0 });
  });

  it('holds nothing (no slot, no waiter, no timer) after many requests served, refused and abandoned', async () => {
    const t = newTestGate({ maxConcurrent: 3, maxWaiting: 5, maxWaitMs: 50 });
    for (let round = 0; round < 200; round++) {
      const gone = new AbortController();
      t.enter(`r${round}`, round % 7 === 0 ? gone.signal : undefined);
      if (round % 7 === 0) gone.abort();
      if (round % 11 === 0) jest.advanceTimersByTime(50);
      await settled();
      // Every third admitted request finishes now; the rest once the rounds are over.
      for (const name of t.admitted().filter((_, i) => i % 3 === 0)) t.release(name);
    }
    for (let i = 0; i < 10; i++) {
      for (const name of t.admitted()) t.release(name);
      await settled();
    }
    expect(t.pending()).toEqual([]);
    expect(t.gate.stats()).toEqual({ inFlight: 0, waiting: 0 });
    expect(jest.getTimerCount()).toBe(0);
    const outcomes = Object.values(t.refused());
    expect(new Set(outcomes)).toEqual(new Set(['abandoned', 'wait', 'room-full']));
  });
});
