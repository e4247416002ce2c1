import { gzipSync } from 'node:zlib';
import { DomainError } from '../../../../lib/errors/domain-error';
import { FileTooLargeError } from './activity-limits';
import { parseActivityFile } from './parse-activity-file';
import { parseActivityFileInWorker } from './parse-in-worker';

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
