import { pino } from 'pino';
import { eventually } from '../testing/eventually';
import { startPollingWorker } from './polling-worker';

const logger = pino({ level: 'silent' });

describe('startPollingWorker', () => {
  it('works until nothing is left, sleeps, and looks again when woken', async () => {
    let queued = 3;
    let calls = 0;
    const worker = startPollingWorker({
      processNext: async () => {
        calls += 1;
        if (queued === 0) return false;
        queued -= 1;
        return true;
      },
      logger,
      what: 'test',
      pollMs: 60_000,
    });
    await eventually(() => expect(queued).toBe(0));
    const settled = calls;
    queued = 2;
    worker.wake();
    await eventually(() => expect(queued).toBe(0));
    expect(calls).toBeGreaterThan(settled);
    await worker.stop();
  });

  it('keeps going after a failure, at the next poll', async () => {
    let attempts = 0;
    const worker = startPollingWorker({
      processNext: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('database away');
        return false;
      },
      logger,
      what: 'test',
      pollMs: 10,
    });
    await eventually(() => expect(attempts).toBeGreaterThanOrEqual(3));
    await worker.stop();
  });
});
