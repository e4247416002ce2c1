/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { haversineMeters } from '../offline/device-figures';
import { playReplay } from './gpx-replay';
import { GpxError, parseGpx } from './parse-gpx';
import { replaySchedule } from './replay-schedule';

// The public fixtures (gpxpy's test files) and their reference values: tests/fixtures/README.md.
const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../../../tests/fixtures/gpx', name), 'utf8');

const distanceOf = (points: { latitude: number; longitude: number }[]) =>
  points.slice(1).reduce((sum, point, i) => sum + haversineMeters(points[i]!, point), 0);

describe('reading a GPX file', () => {
  it('reads every point of a real track with its reference distance and duration', () => {
    const track = parseGpx(fixture('around-visnjan-with-car.gpx'));
    expect(track.points).toHaveLength(104);
    expect(track.pointsWithoutTime).toBe(0);
    expect(Math.abs(distanceOf(track.points) - 2736.3) / 2736.3).toBeLessThan(0.005);
    expect((track.points.at(-1)!.time - track.points[0]!.time) / 1000).toBe(514);
    expect(track.points[0]).toMatchObject({
      latitude: 45.273518851,
      longitude: 13.7142099626,
      altitude: 211.15,
    });
    expect(track.points[0]!.time).toBe(Date.parse('2020-12-18T06:15:50Z'));
  });

  it('fills in missing times 1 s after the point before', () => {
    const track = parseGpx(fixture('korita-zbevnica.gpx'));
    expect(track.points).toHaveLength(871);
    expect(track.pointsWithoutTime).toBe(871 - 513);
    const untimed = parseGpx(fixture('track-with-extremes.gpx'));
    expect(untimed.points.map((point) => point.time)).toEqual(untimed.points.map((_, i) => i * 1000));
  });

  it('reads heart rate and cadence from Garmin’s extension or plain elements', () => {
    const track = parseGpx(`<?xml version="1.0"?>
      <gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"
           xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
        <trk><name>Morning run</name><trkseg>
          <trkpt lat="45.1" lon="13.1"><time>2026-01-01T08:00:00Z</time>
            <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>141</gpxtpx:hr><gpxtpx:cad>84</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions>
          </trkpt>
          <trkpt lat="45.2" lon="13.2"><extensions><hr>150</hr><cad>86</cad></extensions></trkpt>
          <trkpt lat="95" lon="13.2"><time>2026-01-01T08:00:09Z</time></trkpt>
        </trkseg></trk>
      </gpx>`);
    expect(track.name).toBe('Morning run');
    expect(track.points).toEqual([
      {
        latitude: 45.1,
        longitude: 13.1,
        altitude: null,
        time: Date.parse('2026-01-01T08:00:00Z'),
        heartRate: 141,
        cadence: 84,
      },
      {
        latitude: 45.2,
        longitude: 13.2,
        altitude: null,
        time: Date.parse('2026-01-01T08:00:01Z'),
        heartRate: 150,
        cadence: 86,
      },
    ]);
  });

  it('says so of a file that is not GPX, or has no track points', () => {
    expect(() => parseGpx('{"not": "xml"}')).toThrow(GpxError);
    expect(() => parseGpx('<kml><Placemark/></kml>')).toThrow('This file is not a GPX file');
    expect(() => parseGpx('<gpx version="1.1"><wpt lat="1" lon="2"/></gpx>')).toThrow(
      'This GPX file has no track points to replay.',
    );
  });
});

describe('re-dating a replay', () => {
  const points = parseGpx(fixture('around-visnjan-with-car.gpx')).points;
  const W = Date.parse('2026-12-04T12:00:00Z');

  it('dates every sample in the past when it is sent, the last one now when the replay ends', () => {
    const speed = 60;
    const schedule = replaySchedule(points, speed, W);
    const D = 514_000;
    expect(schedule.endsAt).toBe(W + Math.round(D / speed));
    expect(schedule.startedAt).toBe(schedule.endsAt - D);
    expect(schedule.samples[0]).toMatchObject({ time: schedule.startedAt, emitAt: W });
    expect(schedule.samples.at(-1)!.time).toBe(schedule.endsAt);
    expect(schedule.samples.at(-1)!.emitAt).toBeCloseTo(schedule.endsAt, 0);
    for (const [i, sample] of schedule.samples.entries()) {
      expect(sample.time).toBeLessThanOrEqual(Math.ceil(sample.emitAt));
      // The track's own spacing is kept.
      expect(sample.time - schedule.startedAt).toBeCloseTo(points[i]!.time - points[0]!.time, -1);
    }
  });

  it('at 1× replays in real time: sample times are their sending times', () => {
    const schedule = replaySchedule(points, 1, W);
    expect(schedule.startedAt).toBe(W);
    expect(schedule.samples.every((sample) => sample.time === Math.round(sample.emitAt))).toBe(true);
  });

  it('hands samples over when due, holds them while paused and goes on later', () => {
    const schedule = replaySchedule(points.slice(0, 4), 10, W);
    let now = W;
    const timers: { at: number; callback: () => void }[] = [];
    const received: number[] = [];
    let ended = false;
    const replay = playReplay(
      schedule,
      { onSamples: (samples) => received.push(...samples.map((s) => s.time)), onEnd: () => (ended = true) },
      {
        now: () => now,
        setTimeout: (callback, ms) => timers.push({ at: now + ms, callback }),
        clearTimeout: (handle) => timers.splice(timers.indexOf(handle as never), 1),
      },
    );
    const advanceTo = (at: number) => {
      now = at;
      for (let timer = timers.shift(); timer && timer.at <= now; timer = timers.shift()) timer.callback();
    };
    expect(received).toHaveLength(1);
    advanceTo(schedule.samples[1]!.emitAt);
    expect(received).toHaveLength(2);
    replay.pause();
    advanceTo(schedule.samples[3]!.emitAt + 60_000);
    expect(received).toHaveLength(2);
    replay.resume();
    advanceTo(now + (schedule.samples[3]!.emitAt - schedule.samples[1]!.emitAt));
    expect(received).toEqual(schedule.samples.map((s) => s.time));
    expect(ended).toBe(true);
    expect(replay.lastEmitted()?.time).toBe(schedule.endsAt);
  });
});
