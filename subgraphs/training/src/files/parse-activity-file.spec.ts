import { gzipSync } from 'node:zlib';
import { Encoder, Profile, type FileIdMesg } from '@garmin/fitsdk';
import { gpxFixture } from '../../../../lib/testing/gpx-fixtures';
import { buildFitActivity } from './fit.test-data';
import { MAX_UPLOAD_BYTES } from '../training.http-routes';
import { MAX_INFLATED_BYTES, parseActivityFile } from './parse-activity-file';
import { badInputMessage } from './test-errors';

const gpxText = gpxFixture('around-visnjan-with-car.gpx').toString('utf8');
const tcxText = `<?xml version="1.0"?>
<!-- exported -->
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities>
<Activity Sport="Biking"><Lap><Track><Trackpoint><Time>2024-05-01T08:00:00Z</Time></Trackpoint></Track></Lap></Activity>
</Activities></TrainingCenterDatabase>`;
const appleJson = {
  workout: {
    workoutActivityType: 'HKWorkoutActivityTypeWalking',
    startDate: '2024-05-01T08:00:00Z',
    endDate: '2024-05-01T09:00:00Z',
  },
};
const googleJson = {
  session: { startTimeMillis: '1714550400000', endTimeMillis: '1714554000000', activityType: 8 },
};

describe('parseActivityFile', () => {
  it('exports sane size limits', () => {
    expect(MAX_UPLOAD_BYTES).toBe(25 * 1024 * 1024);
    expect(MAX_INFLATED_BYTES).toBeGreaterThan(MAX_UPLOAD_BYTES);
  });

  it.each([
    ['FIT', Buffer.from(buildFitActivity())],
    ['GPX', Buffer.from(`\uFEFF${gpxText}`)],
    ['TCX', Buffer.from(tcxText)],
    ['APPLE_HEALTH', Buffer.from(JSON.stringify(appleJson))],
    ['GOOGLE_FIT', Buffer.from(`  ${JSON.stringify(googleJson)}`)],
  ])('detects %s by content, whatever the name says', (format, bytes) => {
    expect(
      parseActivityFile(bytes, { fileName: 'upload.bin', contentType: 'application/octet-stream' }).format,
    ).toBe(format);
  });

  it('gunzips gzip-compressed files', () => {
    const activity = parseActivityFile(gzipSync(Buffer.from(gpxText)), { fileName: 'ride.gpx.gz' });
    expect(activity.format).toBe('GPX');
    expect(activity.samples).toHaveLength(104);
    expect(parseActivityFile(gzipSync(Buffer.from(buildFitActivity()))).format).toBe('FIT');
  });

  it('refuses a gzip that inflates beyond the limit', () => {
    const bomb = gzipSync(Buffer.alloc(1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(10 * 1024);
    expect(
      badInputMessage(() =>
        parseActivityFile(bomb, { fileName: 'bomb.gpx.gz' }, { maxInflatedBytes: 64 * 1024 }),
      ),
    ).toMatch(/"bomb\.gpx\.gz" inflates to more than 65536 bytes/);
  });

  it('refuses broken gzip', () => {
    const truncated = gzipSync(Buffer.from(gpxText)).subarray(0, 100);
    expect(badInputMessage(() => parseActivityFile(truncated))).toMatch(/not a valid gzip stream/);
  });

  it('refuses unknown formats, listing the accepted ones', () => {
    expect(
      badInputMessage(() =>
        parseActivityFile(Buffer.from('PK\u0003\u0004 zip'), {
          fileName: 'a.zip',
          contentType: 'application/zip',
        }),
      ),
    ).toMatch(
      /The file "a\.zip" \(application\/zip\) is not a recognised activity file\. Accepted formats: FIT, GPX/,
    );
    expect(
      badInputMessage(() => parseActivityFile(Buffer.from('hello world'), { fileName: 'run.fit' })),
    ).toMatch(/named like a FIT file, but bytes 8–11 are not "\.FIT"/);
    expect(badInputMessage(() => parseActivityFile(Buffer.from('<kml></kml>')))).toMatch(
      /XML but neither GPX nor TCX \(its root element is <kml>\)/,
    );
    expect(badInputMessage(() => parseActivityFile(Buffer.from('{"type":"FeatureCollection"}')))).toMatch(
      /JSON but neither Apple Health/,
    );
    expect(badInputMessage(() => parseActivityFile(Buffer.from('{"workout": ')))).toMatch(/not valid JSON/);
    expect(badInputMessage(() => parseActivityFile(Buffer.alloc(0)))).toMatch(/is empty/);
  });

  it('passes the parsers’ own errors through', () => {
    expect(badInputMessage(() => parseActivityFile(Buffer.from('<gpx version="1.1"><trk/></gpx>')))).toMatch(
      /no track points/,
    );
    expect(badInputMessage(() => parseActivityFile(Buffer.from(JSON.stringify({ route: [] }))))).toMatch(
      /Apple Health JSON is invalid at workout/,
    );
    const fit = buildFitActivity();
    expect(badInputMessage(() => parseActivityFile(Buffer.from(fit.subarray(0, fit.length - 10))))).toMatch(
      /truncated/,
    );
  });

  it('accepts a summary without samples, but refuses an activity with neither samples nor start and end', () => {
    const summary = buildFitActivity({ recordsBeforePause: 0, recordsAfterPause: 0 });
    expect(parseActivityFile(Buffer.from(summary)).samples).toEqual([]);

    const encoder = new Encoder();
    const fileId: FileIdMesg & { mesgNum: number } = {
      mesgNum: Profile.MesgNum.FILE_ID ?? 0,
      type: 'activity',
      manufacturer: 'garmin',
      product: 1,
    };
    encoder.writeMesg(fileId);
    expect(
      badInputMessage(() => parseActivityFile(Buffer.from(encoder.close()), { fileName: 'empty.fit' })),
    ).toMatch(/"empty\.fit" \(FIT\) holds neither samples nor a start and end time/);
  });
});

describe('parseActivityFile: the sport of a file that names none', () => {
  const parsed = (name: string) => parseActivityFile(gpxFixture(name));

  it('infers it from the moving speed, and says why', () => {
    // A walk in 8 tracks named "ACTIVE LOG", with a 30 km/h stretch that the median does not follow.
    const walk = parsed('cerknicko-jezero.gpx');
    expect(walk).toMatchObject({ sport: 'WALK', sportSource: 'INFERRED_FROM_SPEED' });
    expect(walk.sportReason).toMatch(
      /^The file names no sport we know \(<trk><name> "ACTIVE LOG"\); its moving speed \(median 4\.4 km\/h, 90th percentile [\d.]+ km\/h over \d+ min in motion\) is a walk's\.$/,
    );
    expect(parsed('korita-zbevnica.gpx')).toMatchObject({
      sport: 'WALK',
      sportSource: 'INFERRED_FROM_SPEED',
    });
  });

  it('keeps OTHER, with the reason, when the speed does not decide', () => {
    expect(parsed('around-visnjan-with-car.gpx')).toMatchObject({
      sport: 'OTHER',
      sportSource: 'UNKNOWN',
      sportReason: expect.stringMatching(/is a vehicle's rather than a ride's\.$/),
    });
    expect(parsed('track-with-extremes.gpx')).toMatchObject({
      sport: 'OTHER',
      sportSource: 'UNKNOWN',
      sportReason: expect.stringMatching(/too little timed motion to tell the sport/),
    });
  });

  it("never overrides the file's own words with its speed", () => {
    const named = gpxFixture('cerknicko-jezero.gpx')
      .toString('utf8')
      .replace('<name>ACTIVE LOG</name>', '<name>ACTIVE LOG</name><type>running</type>');
    expect(parseActivityFile(Buffer.from(named))).toMatchObject({
      sport: 'RUN',
      sportSource: 'FILE',
      sportReason: 'The file names it: <trk><type> "running".',
    });
  });
});
