import type { TrackSample } from '../metrics/track';
import { checkZone, insideAnyZone, redactTrack } from './track-privacy';

/** A straight track north along a meridian, one sample every ~11.1 m (1e-4°), with heart rate. */
const track = (count: number): TrackSample[] =>
  Array.from({ length: count }, (_, i) => ({
    time: 1_700_000_000_000 + i * 1000,
    latitude: 46 + i * 1e-4,
    longitude: 14,
    altitude: 300,
    heartRate: 140,
    cadence: null,
    power: null,
    speed: null,
    temperature: null,
  }));

describe('redactTrack', () => {
  it('hides the positions inside a zone, keeping the time and heart rate of those samples', () => {
    const zone = { latitude: 46.005, longitude: 14, radiusMeters: 100 };
    const { samples, hidden } = redactTrack(track(101), { zones: [zone], hideStartEndMeters: 0 });
    expect(hidden.size).toBeGreaterThan(15);
    for (const sample of samples) {
      if (sample.latitude === null) {
        expect(sample).toMatchObject({ longitude: null, altitude: null, heartRate: 140 });
        expect(sample.time).not.toBeNull();
      } else expect(insideAnyZone(sample.latitude, sample.longitude!, [zone])).toBe(false);
    }
  });

  it('hides the first and last metres of the distance', () => {
    const { samples } = redactTrack(track(101), { zones: [], hideStartEndMeters: 200 });
    const shown = samples.flatMap((s, i) => (s.latitude === null ? [] : [i]));
    // 11.13 m per step: samples 0..17 lie less than 200 m from the start, 83..100 from the end.
    expect(shown[0]).toBe(18);
    expect(shown.at(-1)).toBe(82);
  });

  it('leaves the track as it is without privacy settings', () => {
    const original = track(10);
    expect(redactTrack(original, { zones: [], hideStartEndMeters: 0 }).samples).toEqual(original);
  });
});

describe('checkZone', () => {
  it.each([
    [91, 0, 100, 'latitude'],
    [0, -181, 100, 'longitude'],
    [0, 0, 99, 'radiusMeters'],
    [0, 0, 2001, 'radiusMeters'],
    [Number.NaN, 0, 100, 'latitude'],
  ])('refuses (%p, %p, r=%p) naming %s', (lat, lon, radius, field) => {
    expect(() => checkZone(lat, lon, radius)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field } }),
    );
  });
});
