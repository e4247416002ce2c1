/** Hostile uploads within the documented size limits, built in memory: huge tracks, compressed or not. */
import { gzipSync } from 'node:zlib';

const T0 = Date.UTC(2026, 10, 20, 6, 0, 0);
const iso = (i: number) => new Date(T0 + i * 1000).toISOString();

/** A GPX track of `points` points one second apart, gzipped (1 000 000 points: about 5 MB sent, 94 MB inflated). */
export function hugeGpx(points: number): Buffer {
  const parts: string[] = [
    '<?xml version="1.0"?><gpx version="1.1" creator="bench" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>',
  ];
  for (let i = 0; i < points; i += 1) {
    parts.push(
      `<trkpt lat="${(45 + i * 1e-6).toFixed(6)}" lon="13.6"><ele>300</ele><time>${iso(i)}</time></trkpt>`,
    );
  }
  parts.push('</trkseg></trk></gpx>');
  return gzipSync(parts.join(''));
}

/** An Apple Health workout export with `count` heart-rate entries, or `count` route points. */
export function hugeAppleHealth(count: number, of: 'heartRate' | 'route'): Buffer {
  const workout = { workoutActivityType: 'Running', startDate: iso(0), endDate: iso(count) };
  const entries = Array.from({ length: count }, (_, i) =>
    of === 'heartRate'
      ? { startDate: iso(i), quantity: 140 }
      : { timestamp: iso(i), latitude: 45 + i * 1e-6, longitude: 13.6, altitude: 300 },
  );
  return Buffer.from(JSON.stringify({ workout, [of]: entries }));
}
