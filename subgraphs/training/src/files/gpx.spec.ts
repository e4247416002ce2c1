import { gpxFixture } from '../../../../lib/testing/gpx-fixtures';
import { parseGpx } from './gpx';
import { badInputMessage } from './test-errors';

const fixture = (name: string) => parseGpx(gpxFixture(name).toString('utf8'));

const elevationRange = (samples: { altitude: number | null }[]) => {
  const altitudes = samples
    .map((sample) => sample.altitude)
    .filter((value): value is number => value !== null);
  return { min: Math.min(...altitudes), max: Math.max(...altitudes) };
};

const gpx = (body: string, attributes = 'creator="Test device"') =>
  `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" ${attributes} xmlns="http://www.topografix.com/GPX/1/1"
  xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v2">
${body}
</gpx>`;

describe('parseGpx on the reference fixtures', () => {
  it('korita-zbevnica: 871 points, 513 timed, 4 tracks of which the first is empty', () => {
    const activity = fixture('korita-zbevnica.gpx');
    expect(activity.samples).toHaveLength(871);
    expect(activity.samples.filter((sample) => sample.time !== null)).toHaveLength(513);
    // Tracks 2, 3 and 4 hold points (358, 176, 337): boundaries before the 3rd and the 4th.
    expect(activity.segmentStarts).toEqual([358, 534]);
    const { min, max } = elevationRange(activity.samples);
    expect(min).toBeCloseTo(722.1, 1);
    expect(max).toBeCloseTo(1050.9, 1);
    // Its types ("jkljkl", "...") and names ("03-OCT-10") name no sport: the speed decides later.
    expect(activity).toMatchObject({ sport: 'OTHER', sportSource: 'UNKNOWN' });
    expect(activity.sportReason).toBe(
      'The file names no sport we know (<trk><type> "jkljkl", <trk><name> "03-OCT-10").',
    );
    expect(activity.device).toBe('GPSBabel - http://www.gpsbabel.org');
    expect(activity.title).toBe('03-OCT-10');
  });

  it('cerknicko-jezero: 296 timed points in 8 tracks (7 with points)', () => {
    const activity = fixture('cerknicko-jezero.gpx');
    expect(activity.samples).toHaveLength(296);
    expect(activity.samples.every((sample) => sample.time !== null)).toBe(true);
    expect(activity.segmentStarts).toHaveLength(6);
    const { min, max } = elevationRange(activity.samples);
    expect(min).toBeCloseTo(506.8, 1);
    expect(max).toBeCloseTo(579.3, 1);
    expect(activity.finishedAt! - activity.startedAt!).toBe(7190 * 1000);
  });

  it('around-visnjan-with-car: 104 timed points, one segment', () => {
    const activity = fixture('around-visnjan-with-car.gpx');
    expect(activity.samples).toHaveLength(104);
    expect(activity.samples.every((sample) => sample.time !== null)).toBe(true);
    expect(activity.segmentStarts).toEqual([]);
    expect(activity.device).toBe('eTrex 20x');
    expect(activity.finishedAt! - activity.startedAt!).toBe(514 * 1000);
    const { min, max } = elevationRange(activity.samples);
    expect(min).toBeCloseTo(195.8, 1);
    expect(max).toBeCloseTo(241.9, 1);
  });

  it('track-with-extremes: 25 points without time', () => {
    const activity = fixture('track-with-extremes.gpx');
    expect(activity.samples).toHaveLength(25);
    expect(activity.samples.every((sample) => sample.time === null)).toBe(true);
    expect(activity.startedAt).toBeNull();
    expect(activity.finishedAt).toBeNull();
    const { min, max } = elevationRange(activity.samples);
    expect(min).toBeCloseTo(10, 1);
    expect(max).toBeCloseTo(30, 1);
    expect(activity.title).toBe('Untitled Path');
  });
});

describe('parseGpx', () => {
  it('reads Garmin TrackPointExtension and Strava power whatever the prefix, and the sport word', () => {
    const activity = parseGpx(
      gpx(`<metadata><name>Morning run</name></metadata>
<trk><type>running</type><trkseg>
  <trkpt lat="46.1" lon="14.5"><ele>300.5</ele><time>2024-05-01T08:00:00Z</time>
    <extensions><power>210</power><gpxtpx:TrackPointExtension><gpxtpx:atemp>21.5</gpxtpx:atemp>
      <gpxtpx:hr>140</gpxtpx:hr><gpxtpx:cad>88</gpxtpx:cad><gpxtpx:speed>3.2</gpxtpx:speed>
    </gpxtpx:TrackPointExtension></extensions></trkpt>
  <trkpt lat="46.2" lon="14.6"><time>2024-05-01T08:00:05.500+02:00</time>
    <extensions><ns3:TrackPointExtension xmlns:ns3="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
      <ns3:hr>141</ns3:hr></ns3:TrackPointExtension></extensions></trkpt>
</trkseg><trkseg><trkpt lat="46.3" lon="14.7"/></trkseg></trk>`),
    );
    expect(activity).toMatchObject({
      format: 'GPX',
      sport: 'RUN',
      title: 'Morning run',
      device: 'Test device',
      segmentStarts: [2],
      startedAt: Date.parse('2024-05-01T06:00:05.500Z'),
      finishedAt: Date.parse('2024-05-01T08:00:00Z'),
    });
    expect(activity.samples[0]).toEqual({
      time: Date.parse('2024-05-01T08:00:00Z'),
      latitude: 46.1,
      longitude: 14.5,
      altitude: 300.5,
      heartRate: 140,
      cadence: 88,
      power: 210,
      speed: 3.2,
      temperature: 21.5,
    });
    expect(activity.samples[1]?.heartRate).toBe(141);
    expect(activity.samples[2]).toMatchObject({
      time: null,
      latitude: 46.3,
      altitude: null,
      heartRate: null,
    });
  });

  it.each([
    ['cycling', 'RIDE'],
    ['Biking', 'RIDE'],
    ['hiking', 'HIKE'],
    ['walking', 'WALK'],
    ['swimming', 'OPEN_WATER_SWIM'],
    ['trail_running', 'TRAIL_RUN'],
    ['MountainBikeRide', 'MOUNTAIN_BIKE_RIDE'],
    ['9', 'OTHER'],
  ])('maps trk type %s to %s', (word, sport) => {
    const activity = parseGpx(
      gpx(`<trk><type>${word}</type><trkseg><trkpt lat="1" lon="2"/></trkseg></trk>`),
    );
    expect(activity.sport).toBe(sport);
  });

  it.each([
    ['<trk><name>Morning Run</name>', 'RUN', '<trk><name> "Morning Run" ("run")'],
    ['<trk><name>Afternoon Ride</name>', 'RIDE', '<trk><name> "Afternoon Ride" ("ride")'],
    ['<trk><name>Lunch Hike</name>', 'HIKE', '<trk><name> "Lunch Hike" ("hike")'],
    ['<trk><name>Evening Walk</name>', 'WALK', '<trk><name> "Evening Walk" ("walk")'],
    ['<trk><name>Morning Trail Run</name>', 'TRAIL_RUN', '<trk><name> "Morning Trail Run" ("trail run")'],
    [
      '<trk><name>Sunday E-Bike Ride</name>',
      'E_BIKE_RIDE',
      '<trk><name> "Sunday E-Bike Ride" ("e bike ride")',
    ],
    [
      '<trk><name>2024-05-01</name><desc>Radfahrt am See</desc>',
      'RIDE',
      '<trk><desc> "Radfahrt am See" ("radfahrt")',
    ],
    ['<trk><name>Randonnée au lac</name>', 'HIKE', '<trk><name> "Randonnée au lac" ("randonnee")'],
    ['<trk><name>Course à pied</name>', 'RUN', '<trk><name> "Course à pied" ("course a pied")'],
  ])('names the sport from the words of %s', (track, sport, where) => {
    const activity = parseGpx(gpx(`${track}<trkseg><trkpt lat="1" lon="2"/></trkseg></trk>`));
    expect(activity).toMatchObject({ sport, sportSource: 'FILE' });
    expect(activity.sportReason).toBe(`The file's words name it: ${where}.`);
  });

  it('prefers the type to the words, and reads metadata and GPX 1.0 root words last', () => {
    expect(
      parseGpx(
        gpx(
          '<trk><name>Morning Run</name><type>cycling</type><trkseg><trkpt lat="1" lon="2"/></trkseg></trk>',
        ),
      ),
    ).toMatchObject({ sport: 'RIDE', sportReason: 'The file names it: <trk><type> "cycling".' });
    expect(
      parseGpx(
        gpx(
          '<metadata><keywords>hiking, alps</keywords></metadata><trk><trkseg><trkpt lat="1" lon="2"/></trkseg></trk>',
        ),
      ),
    ).toMatchObject({ sport: 'HIKE', sportSource: 'FILE' });
    expect(
      parseGpx(
        `<gpx version="1.0"><desc>Spaziergang</desc><trk><trkseg><trkpt lat="1" lon="2"/></trkseg></trk></gpx>`,
      ),
    ).toMatchObject({
      sport: 'WALK',
      sportReason: 'The file\'s words name it: <gpx><desc> "Spaziergang" ("spaziergang").',
    });
  });

  it('names no sport with words of two sports, or words that are only common words', () => {
    for (const name of ['Run to the bike shop', 'Three in a row', 'Untitled Path']) {
      const activity = parseGpx(
        gpx(`<trk><name>${name}</name><trkseg><trkpt lat="1" lon="2"/></trkseg></trk>`),
      );
      expect(activity).toMatchObject({ sport: 'OTHER', sportSource: 'UNKNOWN' });
    }
  });

  it('reads routes when there is no track point, each route a segment', () => {
    const activity = parseGpx(
      gpx(
        `<trk><trkseg/></trk><rte><name>Loop</name><rtept lat="1" lon="2"/></rte><rte><rtept lat="1.1" lon="2"/></rte>`,
      ),
    );
    expect(activity.samples).toHaveLength(2);
    expect(activity.segmentStarts).toEqual([1]);
  });

  it('reads GPX 1.0 speed, the root name, and says unknown without creator', () => {
    const activity = parseGpx(`<gpx version="1.0"><name>Old</name><trk><trkseg>
      <trkpt lat="1" lon="2"><speed>4.5</speed></trkpt></trkseg></trk></gpx>`);
    expect(activity.samples[0]?.speed).toBe(4.5);
    expect(activity.title).toBe('Old');
    expect(activity.device).toBe('unknown');
  });

  it('decodes character references in text', () => {
    const activity = parseGpx(
      gpx('<trk><name>Caf&#233; &amp; &#x4D;ore</name><trkseg><trkpt lat="1" lon="2"/></trkseg></trk>'),
    );
    expect(activity.title).toBe('Café & More');
  });

  it('refuses a GPX without points', () => {
    expect(badInputMessage(() => parseGpx(gpx('<trk><name>x</name><trkseg></trkseg></trk>')))).toMatch(
      /contains no track points/,
    );
  });

  it('refuses broken XML with its line and column', () => {
    expect(badInputMessage(() => parseGpx(gpx('<trk><trkseg></trk>')))).toMatch(
      /not well-formed XML \(line 4, column \d+\)/,
    );
    expect(badInputMessage(() => parseGpx('not xml at all'))).toMatch(/not well-formed XML/);
  });

  it('refuses XML that is not GPX', () => {
    expect(badInputMessage(() => parseGpx('<kml><Document/></kml>'))).toMatch(
      /root element is <kml>, expected <gpx>/,
    );
  });

  it('names the point and line of an invalid value', () => {
    const text = gpx(`<trk><trkseg><trkpt lat="1" lon="2"/>
<trkpt lat="95" lon="2"/></trkseg></trk>`);
    expect(badInputMessage(() => parseGpx(text))).toMatch(
      /invalid latitude "95" at trk\[0\]\/trkseg\[0\]\/trkpt\[1\] \(line 5\)/,
    );
    expect(
      badInputMessage(() =>
        parseGpx(gpx('<trk><trkseg><trkpt lat="1" lon="2"><time>yesterday</time></trkpt></trkseg></trk>')),
      ),
    ).toMatch(/invalid <time> "yesterday"/);
    expect(badInputMessage(() => parseGpx(gpx('<trk><trkseg><trkpt lat="1"/></trkseg></trk>')))).toMatch(
      /without lat\/lon/,
    );
  });
});
