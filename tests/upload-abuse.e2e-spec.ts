/**
 * Issue 11: one huge upload must not stall the embedded platform. Each file below is refused with its
 * limit named while another athlete's queries keep being answered, and the platform's heap is no larger
 * afterwards (the parse ran, and died, in a worker thread of its own).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { MeDocument, SportsDocument } from './__generated__/operations';
import { anAthlete } from './support/athletes';
import { useTestPlatform } from './support/test-platform';

// Every request of this file comes from one address and the other athlete polls: lift the rate limits.
const pulse = useTestPlatform({
  GATEWAY_RATE_LIMIT_IP: '1000000/60',
  GATEWAY_RATE_LIMIT_USER: '1000000/60',
});

const POINTS = 1_000_000;
const START = Date.UTC(2026, 0, 10, 6);
const at = (second: number) => new Date(START + second * 1000).toISOString().replace('.000Z', 'Z');
const latitude = (i: number) => (46 + i * 1e-6).toFixed(6);

/** Builds a big text piece by piece (one string of ~90 MB would cost far more to concatenate). */
const gzippedLines = (head: string, line: (i: number) => string, separator: string, tail: string): Buffer => {
  const chunks: Buffer[] = [Buffer.from(head)];
  for (let from = 0; from < POINTS; from += 50_000) {
    const lines = Array.from({ length: 50_000 }, (_, k) => line(from + k));
    chunks.push(Buffer.from((from === 0 ? '' : separator) + lines.join(separator)));
  }
  chunks.push(Buffer.from(tail));
  return gzipSync(Buffer.concat(chunks));
};

const hugeGpx = () =>
  gzippedLines(
    '<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="abuse"><trk><type>running</type><trkseg>\n',
    (i) => `<trkpt lat="${latitude(i)}" lon="14.500000"><ele>300.0</ele><time>${at(i)}</time></trkpt>`,
    '\n',
    '\n</trkseg></trk></gpx>\n',
  );

const workout = JSON.stringify({
  workoutActivityType: 'HKWorkoutActivityTypeRunning',
  startDate: at(0),
  endDate: at(POINTS),
});

const appleHealthWithHeartRate = () =>
  gzippedLines(
    `{"workout":${workout},"heartRate":[`,
    (i) => `{"startDate":"${at(i)}","endDate":"${at(i)}","quantity":${120 + (i % 40)}}`,
    ',',
    ']}',
  );

const appleHealthWithRoute = () =>
  gzippedLines(
    `{"workout":${workout},"route":[`,
    (i) => `{"latitude":${latitude(i)},"longitude":14.5,"altitude":300,"timestamp":"${at(i)}"}`,
    ',',
    ']}',
  );

async function upload(token: string, body: Buffer, fileName: string) {
  const response = await fetch(`${pulse().gatewayOrigin}/imports?fileName=${fileName}`, {
    method: 'POST',
    body: new Uint8Array(body),
    headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}` },
  });
  const answer = (await response.json()) as {
    errors?: { message: string; extensions: Record<string, unknown> }[];
  };
  return { status: response.status, error: answer.errors?.[0] };
}

/** Another athlete's `me` and `sports` queries, one after the other, until `done` settles. */
async function queriesWhile(done: Promise<unknown>, token: string) {
  let finished = false;
  void done.finally(() => (finished = true));
  const tally = { answered: 0, failed: 0 };
  while (!finished) {
    const [me, sports] = await Promise.all([
      pulse().send(MeDocument, {}, token),
      pulse().send(SportsDocument, {}, token),
    ]);
    if (me.data?.me?.id && (sports.data?.sports.length ?? 0) > 0) tally.answered += 1;
    else tally.failed += 1;
  }
  return tally;
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapUsed = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

describe('an oversized upload (issue 11)', () => {
  jest.setTimeout(240_000);

  it.each([
    ['a gzipped GPX of 1 000 000 points', 'huge.gpx.gz', hugeGpx, /<trkpt> points/],
    [
      'Apple Health JSON with 1 000 000 heart-rate entries',
      'hr.json.gz',
      appleHealthWithHeartRate,
      /heart-rate entries/,
    ],
    [
      'Apple Health JSON with 1 000 000 route points',
      'route.json.gz',
      appleHealthWithRoute,
      /route locations/,
    ],
  ])('refuses %s naming the limit, while others are served', async (_what, fileName, build, what) => {
    const file = build();
    const uploader = await anAthlete(pulse(), 'Ulla Uploader');
    const other = await anAthlete(pulse(), 'Otto Other');
    const before = heapUsed();

    const answer = upload(uploader.accessToken, file, fileName);
    const served = await queriesWhile(answer, other.accessToken);
    const { status, error } = await answer;

    expect(status).toBe(413);
    expect(error?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'file',
      limit: 'MAX_SAMPLES_PER_ACTIVITY',
    });
    expect(error?.message).toMatch(/more than 500 000/);
    expect(error?.message).toMatch(what);
    expect(served.failed).toBe(0);
    expect(served.answered).toBeGreaterThan(0);
    // The parse ran in a worker thread whose heap is gone with it: the platform's own heap kept its size.
    expect(heapUsed()).toBeLessThanOrEqual(before + 64 * 1024 * 1024);
  });
});
