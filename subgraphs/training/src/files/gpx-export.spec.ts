import { XMLValidator } from 'fast-xml-parser';
import { SPORTS } from '../../../../lib/sports';
import { emptySample, type TrackSample } from '../metrics/track';
import { parseGpx } from './gpx';
import { toGpx } from './gpx-export';

const start = Date.parse('2024-05-01T08:00:00Z');
const samples: TrackSample[] = [
  {
    time: start,
    latitude: 46.0512345,
    longitude: 14.5054321,
    altitude: 298.75,
    heartRate: 121,
    cadence: 172,
    power: 245,
    speed: 3.125,
    temperature: 21.5,
  },
  { ...emptySample(start + 1000), latitude: -33.8688197, longitude: 151.2092955 },
  { ...emptySample(start + 2000), heartRate: 130 },
  { ...emptySample(null), latitude: 0, longitude: 0, altitude: -12.5 },
];

describe('toGpx', () => {
  it('writes valid GPX 1.1 that parseGpx reads back to the same samples, title and sport', () => {
    const xml = toGpx(
      { id: 'w1', title: 'Tempo <run> & "more"', sport: 'TRAIL_RUN', startedAt: new Date(start) },
      samples,
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('creator="Pulse"');
    expect(xml).toContain('xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v2"');
    const activity = parseGpx(xml);
    expect(activity.title).toBe('Tempo <run> & "more"');
    expect(activity.sport).toBe('TRAIL_RUN');
    expect(activity.device).toBe('Pulse');
    // The unpositioned sample is not a trkpt.
    expect(activity.samples).toEqual([samples[0], samples[1], samples[3]]);
  });

  it('rounds to GPX precision and drops control characters from text', () => {
    const xml = toGpx({ id: 'w2', title: 'a\u0001b', sport: 'RIDE', startedAt: new Date(start) }, [
      { ...emptySample(start), latitude: 46.123456789, longitude: 14.1, heartRate: 300.4, cadence: 90.6 },
    ]);
    const [sample] = parseGpx(xml).samples;
    expect(sample?.latitude).toBeCloseTo(46.1234568, 7);
    expect(sample?.heartRate).toBe(255);
    expect(sample?.cadence).toBe(91);
    expect(parseGpx(xml).title).toBe('ab');
  });

  it.each(SPORTS)('round-trips sport %s through the trk type', (sport) => {
    const xml = toGpx({ id: 'w', title: null, sport, startedAt: new Date(start) }, [
      { ...emptySample(start), latitude: 1, longitude: 2 },
    ]);
    const activity = parseGpx(xml);
    expect(activity.sport).toBe(sport);
    expect(activity.title).toContain('2024-05-01T08:00:00.000Z');
  });
});
