import { gzipSync } from 'node:zlib';
import type { Worker } from 'node:worker_threads';
import { DomainError } from '../../../../lib/errors/domain-error';
import { FileTooLargeError } from './activity-limits';
import { parseActivityFile } from './parse-activity-file';
import {
  closeIdleParseWorkers,
  createParseWorkerPool,
  parseActivityFileInWorker,
  startParseWorker,
  type ParseWorkerPool,
  type ParseWorkerPoolOptions,
} from './parse-in-worker';

// Every new worker thread loads the parsers through tsx: a second or more on a busy 2-core machine.
jest.setTimeout(30_000);

const at = (second: number) => new Date(Date.UTC(2024, 4, 1, 8, 0, second)).toISOString();
const gpx = (points: number) =>
  Buffer.from(
    '<?xml version="1.0"?><gpx version="1.1" creator="test"><trk><type>running</type><trkseg>' +
      Array.from(
        { length: points },
        (_, i) => `<trkpt lat="46.0${i}" lon="14.5"><time>${at(i)}</time></trkpt>`,
      ).join('') +
      '</trkseg></trk></gpx>',
  );

const refusal = (promise: Promise<unknown>): Promise<DomainError> =>
  promise.then(
    () => {
      throw new Error('expected the file to be refused');
    },
    (error: unknown) => {
      if (error instanceof DomainError) return error;
      throw error;
    },
  );

/** Resolves once the worker thread has ended (threadId is -1 from then on). */
const ended = (worker: Worker): Promise<void> =>
  worker.threadId === -1 ? Promise.resolve() : new Promise((resolve) => worker.once('exit', () => resolve()));

const pools: ParseWorkerPool[] = [];
/** A pool whose started workers the test can count and watch. */
const newTestPool = (options: ParseWorkerPoolOptions = {}) => {
  const started: Worker[] = [];
  const pool = createParseWorkerPool({
    ...options,
    startWorker: (heapMb) => {
      const worker = startParseWorker(heapMb);
      started.push(worker);
      return worker;
    },
  });
  pools.push(pool);
  return { pool, started };
};
afterEach(() => Promise.all(pools.splice(0).map((pool) => pool.closeIdle())));
afterAll(() => closeIdleParseWorkers());

describe('parseActivityFileInWorker', () => {
  it('answers what parseActivityFile answers', async () => {
    const file = gzipSync(gpx(5));
    expect(await parseActivityFileInWorker(file, { fileName: 'run.gpx.gz' })).toEqual(
      parseActivityFile(file),
    );
  });

  it('passes a refusal on with its code, field and message', async () => {
    const error = await refusal(parseActivityFileInWorker(Buffer.from('hello'), { fileName: 'notes.txt' }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual({ field: 'file' });
    expect(error.message).toMatch(/"notes.txt" is not a recognised activity file/);
  });

  it('passes the sample limit on as a FileTooLargeError', async () => {
    const error = await refusal(parseActivityFileInWorker(gpx(5), {}, { maxSamples: 4 }));
    expect(error).toBeInstanceOf(FileTooLargeError);
    expect(error.details).toEqual({ field: 'file', limit: 'MAX_SAMPLES_PER_ACTIVITY' });
  });

  it('refuses a file whose parse needs more than its heap, naming the limit', async () => {
    const error = await refusal(parseActivityFileInWorker(gpx(200_000), {}, { heapMb: 16 }));
    expect(error).toBeInstanceOf(FileTooLargeError);
    expect(error.details).toEqual({ field: 'file', limit: 'PARSE_WORKER_HEAP_MB' });
    expect(error.message).toMatch(/needs more than 16 MB of memory/);
  });
});

describe('createParseWorkerPool', () => {
  const small = gpx(5);
  const expected = parseActivityFile(small);

  it('parses the next file on the worker that read the previous one', async () => {
    const { pool, started } = newTestPool();
    expect(await pool.parse(small)).toEqual(expected);
    expect(await pool.parse(small)).toEqual(expected);
    expect(started).toHaveLength(1);
  });

  it('passes refusals on as before and keeps the worker that answered them', async () => {
    const { pool, started } = newTestPool();
    const unknown = await refusal(pool.parse(Buffer.from('hello'), { fileName: 'notes.txt' }));
    expect(unknown).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'file' } });
    const tooMany = await refusal(pool.parse(small, {}, { maxSamples: 4 }));
    expect(tooMany).toBeInstanceOf(FileTooLargeError);
    expect(tooMany.details).toEqual({ field: 'file', limit: 'MAX_SAMPLES_PER_ACTIVITY' });
    expect(await pool.parse(small)).toEqual(expected);
    expect(started).toHaveLength(1);
  });

  it('never reuses a worker that ran out of heap: the next parse gets a fresh one', async () => {
    const { pool, started } = newTestPool();
    const error = await refusal(pool.parse(gpx(200_000), {}, { heapMb: 32 }));
    expect(error).toBeInstanceOf(FileTooLargeError);
    expect(error.details).toEqual({ field: 'file', limit: 'PARSE_WORKER_HEAP_MB' });
    await ended(started[0]!);
    expect(await pool.parse(small, {}, { heapMb: 32 })).toEqual(expected);
    expect(started).toHaveLength(2);
  });

  it('runs parses in flight at once on workers of their own, and keeps two of them', async () => {
    const { pool, started } = newTestPool();
    const three = () => Promise.all([pool.parse(small), pool.parse(gpx(7)), pool.parse(small)]);
    expect(await three()).toEqual([expected, parseActivityFile(gpx(7)), expected]);
    expect(started).toHaveLength(3);
    await Promise.race(started.map(ended));
    expect(started.filter((worker) => worker.threadId === -1)).toHaveLength(1);
    // Two wait idle: three parses at once again start one worker more.
    await three();
    expect(started).toHaveLength(4);
  });

  it('keeps workers apart by heap size', async () => {
    const { pool, started } = newTestPool();
    await pool.parse(small, {}, { heapMb: 64 });
    await pool.parse(small, {}, { heapMb: 96 });
    await pool.parse(small, {}, { heapMb: 64 });
    expect(started).toHaveLength(2);
  });

  it('ends a worker that holds more memory than the recycle size instead of keeping it', async () => {
    const { pool, started } = newTestPool({ recycleAboveMb: 1 });
    expect(await pool.parse(small)).toEqual(expected);
    await ended(started[0]!);
    expect(await pool.parse(small)).toEqual(expected);
    expect(started).toHaveLength(2);
  });

  it('ends an idle worker after the idle timeout, giving its memory back', async () => {
    const { pool, started } = newTestPool({ idleTimeoutMs: 50 });
    await pool.parse(small);
    await ended(started[0]!);
    expect(await pool.parse(small)).toEqual(expected);
    expect(started).toHaveLength(2);
  });

  it('ends every idle worker on closeIdle', async () => {
    const { pool, started } = newTestPool();
    await Promise.all([pool.parse(small), pool.parse(small)]);
    await pool.closeIdle();
    expect(started.map((worker) => worker.threadId)).toEqual([-1, -1]);
  });
});
