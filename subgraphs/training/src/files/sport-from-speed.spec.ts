import { emptySample, type TrackSample } from '../metrics/track';
import { SPEED_RULES, sportFromSpeed, speedProfile } from './sport-from-speed';

const START = Date.parse('2024-05-01T08:00:00Z');
const METRES_PER_DEGREE_LATITUDE = 111_320;

/** A 1 Hz track heading north: each leg moves at its speed (0: standing, with GPS drift) for its seconds. */
function aTrack(legs: { mps: number; seconds: number }[], jitterMeters = 0): TrackSample[] {
  const samples: TrackSample[] = [];
  let metres = 0;
  let second = 0;
  for (const { mps, seconds } of legs) {
    for (let i = 0; i < seconds; i++, second++) {
      // A deterministic wobble of ±jitterMeters, like a GPS fix that wanders around the true position.
      const noise = jitterMeters * Math.sin(second * 1.7);
      samples.push({
        ...emptySample(START + second * 1000),
        latitude: 46 + (metres + noise) / METRES_PER_DEGREE_LATITUDE,
        longitude: 14.5,
      });
      metres += mps;
    }
  }
  return samples;
}

const minutes = (count: number) => count * 60;

describe('sportFromSpeed', () => {
  it('tells a walk with long stops by its moving speed, the stops left out', () => {
    const walk = aTrack(
      [
        { mps: 1.4, seconds: minutes(15) },
        { mps: 0, seconds: minutes(20) },
        { mps: 1.3, seconds: minutes(15) },
      ],
      2,
    );
    const verdict = sportFromSpeed(walk);
    expect(verdict.sport).toBe('WALK');
    // Half the walking at 1.3 m/s, half at 1.4 m/s: the median lies between.
    expect(verdict.profile.medianMps).toBeGreaterThanOrEqual(1.29);
    expect(verdict.profile.medianMps).toBeLessThanOrEqual(1.41);
    expect(verdict.profile.movingSeconds).toBeGreaterThan(minutes(29));
    expect(verdict.profile.movingSeconds).toBeLessThan(minutes(31));
    expect(verdict.reason).toMatch(
      /^its moving speed \(median 4\.\d km\/h, 90th percentile [56]\.\d km\/h over 30 min in motion\) is a walk's$/,
    );
  });

  it('tells a run with stops at red lights', () => {
    const legs = [1, 2, 3, 4].flatMap(() => [
      { mps: 3.1, seconds: minutes(6) },
      { mps: 0, seconds: 90 },
    ]);
    expect(sportFromSpeed(aTrack(legs, 3))).toMatchObject({
      sport: 'RUN',
      profile: { medianMps: expect.closeTo(3.1, 1) },
    });
  });

  it('tells a ride, and a café stop longer than the riding does not make it a walk', () => {
    const ride = aTrack([
      { mps: 7.5, seconds: minutes(20) },
      { mps: 0, seconds: minutes(45) },
      { mps: 6.5, seconds: minutes(20) },
    ]);
    expect(sportFromSpeed(ride).sport).toBe('RIDE');
  });

  it("tells a hilly ride that climbs at a runner's speed by its descents", () => {
    const hilly = aTrack([
      { mps: 3.5, seconds: minutes(30) },
      { mps: 12, seconds: minutes(6) },
      { mps: 3.8, seconds: minutes(20) },
      { mps: 11, seconds: minutes(5) },
    ]);
    const verdict = sportFromSpeed(hilly);
    expect(verdict.profile.medianMps).toBeLessThan(SPEED_RULES.runMaxMedianMps);
    expect(verdict.sport).toBe('RIDE');
    expect(verdict.reason).toMatch(/too fast at times for a run/);
  });

  it.each([
    [2.1, 'lies between a brisk walk and a slow run'],
    [5.0, 'lies between a fast run and an easy ride'],
    [20, "is a vehicle's rather than a ride's"],
  ])('decides nothing at a steady %d m/s: it %s', (mps, why) => {
    const verdict = sportFromSpeed(aTrack([{ mps, seconds: minutes(20) }]));
    expect(verdict.sport).toBeNull();
    expect(verdict.reason).toContain(why);
  });

  it('decides nothing for a drive through town: a median of 36 km/h with 65 km/h stretches', () => {
    const drive = aTrack([
      { mps: 10, seconds: minutes(3) },
      { mps: 0, seconds: 40 },
      { mps: 18, seconds: minutes(1) },
      { mps: 9, seconds: minutes(2) },
    ]);
    expect(sportFromSpeed(drive)).toMatchObject({ sport: null, reason: expect.stringMatching(/vehicle/) });
  });

  it('decides nothing with too little motion, or without times', () => {
    expect(sportFromSpeed(aTrack([{ mps: 3, seconds: 90 }]))).toMatchObject({
      sport: null,
      reason: expect.stringMatching(
        /too little timed motion to tell the sport \(\d+ s, at least 120 s needed\)/,
      ),
    });
    const untimed = aTrack([{ mps: 3, seconds: minutes(10) }]).map((sample) => ({ ...sample, time: null }));
    expect(sportFromSpeed(untimed)).toMatchObject({
      sport: null,
      profile: { movingSeconds: 0, medianMps: null },
    });
  });

  it('leaves out device pauses, gaps and the jumps between segments', () => {
    // A walk, then a car transfer the athlete paused the watch for, then a walk again.
    const track = aTrack([
      { mps: 1.4, seconds: minutes(10) },
      { mps: 15, seconds: minutes(10) },
      { mps: 1.4, seconds: minutes(10) },
    ]);
    const pause = { from: START + minutes(10) * 1000, to: START + minutes(20) * 1000 };
    expect(sportFromSpeed(track, [], [pause]).sport).toBe('WALK');
    // The same transfer without its points: one segment boundary, or a gap of 10 minutes.
    const walked = [...track.slice(0, minutes(10)), ...track.slice(minutes(20))];
    expect(sportFromSpeed(walked, [minutes(10)]).sport).toBe('WALK');
    expect(speedProfile(walked).movingSeconds).toBeLessThan(minutes(21));
    expect(sportFromSpeed(walked).sport).toBe('WALK');
  });

  it('uses the speed the device measured when the track has no positions (a foot pod)', () => {
    const treadmill = Array.from({ length: minutes(20) }, (_, second) => ({
      ...emptySample(START + second * 1000),
      speed: 2.9,
    }));
    expect(sportFromSpeed(treadmill)).toMatchObject({
      sport: 'RUN',
      profile: { medianMps: expect.closeTo(2.9, 5) },
    });
  });
});
