import { parseTcx } from './tcx';
import { badInputMessage } from './test-errors';

const trackpoint = (time: string, extra = '') => `<Trackpoint><Time>${time}</Time>
  <Position><LatitudeDegrees>46.05</LatitudeDegrees><LongitudeDegrees>14.5</LongitudeDegrees></Position>
  <AltitudeMeters>301.2</AltitudeMeters><DistanceMeters>0</DistanceMeters>
  <HeartRateBpm><Value>150</Value></HeartRateBpm>${extra}</Trackpoint>`;

const tcx = (sport: string, laps: string) => `<?xml version="1.0" encoding="UTF-8"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
  xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">
<Activities><Activity Sport="${sport}"><Id>2024-05-01T08:00:00Z</Id>${laps}
<Notes>Intervals</Notes>
<Creator xsi:type="Device_t" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><Name>Forerunner 945</Name>
<UnitId>3999999999</UnitId><ProductID>3113</ProductID></Creator></Activity></Activities>
<Author xsi:type="Application_t" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><Name>Connect Api</Name></Author>
</TrainingCenterDatabase>`;

const runExtension =
  '<Extensions><ns3:TPX><ns3:Speed>3.5</ns3:Speed><ns3:RunCadence>85</ns3:RunCadence></ns3:TPX></Extensions>';
const bikeExtension =
  '<Cadence>90</Cadence><Extensions><ns3:TPX><ns3:Watts>230</ns3:Watts></ns3:TPX></Extensions>';

describe('parseTcx', () => {
  it('reads laps, tracks, trackpoints, totals and the creator', () => {
    const activity = parseTcx(
      tcx(
        'Running',
        `<Lap StartTime="2024-05-01T08:00:00Z"><TotalTimeSeconds>60</TotalTimeSeconds><DistanceMeters>1000</DistanceMeters>
  <Calories>70</Calories><Track>${trackpoint('2024-05-01T08:00:00Z', runExtension)}${trackpoint('2024-05-01T08:00:01Z')}</Track>
  <Track>${trackpoint('2024-05-01T08:02:01Z')}</Track></Lap>
<Lap StartTime="2024-05-01T08:02:02Z"><DistanceMeters>500.5</DistanceMeters><Calories>30</Calories>
  <Track>${trackpoint('2024-05-01T08:02:02Z')}</Track></Lap>`,
      ),
    );
    expect(activity).toMatchObject({
      format: 'TCX',
      sport: 'RUN',
      title: 'Intervals',
      device: 'Forerunner 945 (UnitId 3999999999, ProductID 3113)',
      calories: 100,
      deviceDistanceMeters: 1500.5,
      startedAt: Date.parse('2024-05-01T08:00:00Z'),
      finishedAt: Date.parse('2024-05-01T08:02:02Z'),
      segmentStarts: [2, 3],
      pauses: [{ from: Date.parse('2024-05-01T08:00:01Z'), to: Date.parse('2024-05-01T08:02:01Z') }],
    });
    expect(activity.samples).toHaveLength(4);
    expect(activity.samples[0]).toEqual({
      time: Date.parse('2024-05-01T08:00:00Z'),
      latitude: 46.05,
      longitude: 14.5,
      altitude: 301.2,
      heartRate: 150,
      cadence: 170,
      power: null,
      speed: 3.5,
      temperature: null,
    });
  });

  it('maps Biking with cadence and watts, and Other', () => {
    const ride = parseTcx(
      tcx('Biking', `<Lap><Track>${trackpoint('2024-05-01T08:00:00Z', bikeExtension)}</Track></Lap>`),
    );
    expect(ride.sport).toBe('RIDE');
    expect(ride.samples[0]).toMatchObject({ cadence: 90, power: 230 });
    expect(ride.calories).toBeNull();
    expect(
      parseTcx(tcx('Other', `<Lap><Track>${trackpoint('2024-05-01T08:00:00Z')}</Track></Lap>`)).sport,
    ).toBe('OTHER');
  });

  it('names the sport from the Notes when Sport is Other, and a multisport file OTHER', () => {
    const point = `<Lap><Track>${trackpoint('2024-05-01T08:00:00Z')}</Track></Lap>`;
    expect(parseTcx(tcx('Running', point))).toMatchObject({
      sport: 'RUN',
      sportSource: 'FILE',
      sportReason: 'The file names it: Activity Sport "Running".',
    });
    expect(parseTcx(tcx('Other', point).replace('Intervals', 'Evening walk'))).toMatchObject({
      sport: 'WALK',
      sportSource: 'FILE',
      sportReason: 'The file\'s words name it: <Notes> "Evening walk" ("walk").',
    });
    expect(parseTcx(tcx('Other', point))).toMatchObject({
      sport: 'OTHER',
      sportSource: 'UNKNOWN',
      sportReason: 'The file names no sport we know (Activity Sport "Other", <Notes> "Intervals").',
    });
    const brick = tcx('Biking', point).replace(
      '</Activity></Activities>',
      `</Activity><Activity Sport="Running"><Id>2024-05-01T09:00:00Z</Id>${point}</Activity></Activities>`,
    );
    expect(parseTcx(brick)).toMatchObject({ sport: 'OTHER', sportSource: 'FILE' });
    expect(parseTcx(brick).sportReason).toMatch(/several sports \(RIDE, RUN\)/);
  });

  it('refuses TCX without trackpoints or activities, and XML that is not TCX', () => {
    expect(badInputMessage(() => parseTcx(tcx('Running', '<Lap><Track></Track></Lap>')))).toMatch(
      /no trackpoints/,
    );
    expect(
      badInputMessage(() => parseTcx('<TrainingCenterDatabase><Courses/></TrainingCenterDatabase>')),
    ).toMatch(/no Activities\/Activity/);
    expect(badInputMessage(() => parseTcx('<gpx/>'))).toMatch(/expected <TrainingCenterDatabase>/);
    expect(badInputMessage(() => parseTcx('<TrainingCenterDatabase>'))).toMatch(/not well-formed XML/);
  });

  it('names the trackpoint of an invalid value', () => {
    const text = tcx(
      'Running',
      `<Lap><Track>${trackpoint('2024-05-01T08:00:00Z').replace('301.2', 'high')}</Track></Lap>`,
    );
    expect(badInputMessage(() => parseTcx(text))).toMatch(
      /invalid <AltitudeMeters> "high" at Activity\[0\]\/Lap\[0\]\/Track\[0\]\/Trackpoint\[0\] \(line \d+\)/,
    );
  });
});
