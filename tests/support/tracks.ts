/** Synthetic recordings of known geometry for end-to-end tests: runs north along a meridian at 1 Hz. */

/** Metres per degree of latitude with the engine's earth radius (6 378 137 m). */
export const METRES_PER_DEGREE = (6_378_137 * Math.PI) / 180;

export interface RunShape {
  start: number;
  /** Seconds of running at `speed`, then `stopSeconds` standing still, then running again. */
  seconds: number;
  speed: number;
  stopAt?: number;
  stopSeconds?: number;
  heartRate?: number;
}

/** One NDJSON line per second: position, altitude, heart rate (the stop keeps the position). */
export function runSamples(shape: RunShape) {
  const stopAt = shape.stopAt ?? Number.POSITIVE_INFINITY;
  const stop = shape.stopSeconds ?? 0;
  const total = shape.seconds + stop;
  let metres = 0;
  return Array.from({ length: total + 1 }, (_, second) => {
    if (second > 0 && (second <= stopAt || second > stopAt + stop)) metres += shape.speed;
    return {
      seq: second,
      t: shape.start + second * 1000,
      lat: 45 + metres / METRES_PER_DEGREE,
      lon: 13.6,
      alt: 120,
      hr: shape.heartRate ?? 150,
    };
  });
}

export const ndjson = (samples: object[]) => samples.map((s) => JSON.stringify(s)).join('\n');
