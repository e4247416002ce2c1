/**
 * Reads a GPX file in the browser (DOMParser): every track point in document order with its position,
 * elevation, time and the heart rate and cadence of Garmin's TrackPointExtension (or any `hr`/`cad` element).
 */

export interface GpxPoint {
  latitude: number;
  longitude: number;
  altitude: number | null;
  /** Milliseconds since the epoch; filled in 1 s after the point before when the file has none. */
  time: number;
  heartRate: number | null;
  cadence: number | null;
}

export interface GpxTrack {
  name: string | null;
  points: GpxPoint[];
  /** How many points had no time of their own in the file. */
  pointsWithoutTime: number;
}

/** A file Pulse cannot replay, with the sentence that says why. */
export class GpxError extends Error {}

export function parseGpx(text: string): GpxTrack {
  const document = new DOMParser().parseFromString(text, 'application/xml');
  const root = document.documentElement;
  if (document.getElementsByTagName('parsererror').length > 0 || root?.localName !== 'gpx') {
    throw new GpxError('This file is not a GPX file: choose a .gpx track exported from a device or an app.');
  }
  const read: (Omit<GpxPoint, 'time'> & { time: number | null })[] = [];
  for (const element of Array.from(root.getElementsByTagNameNS('*', 'trkpt'))) {
    const latitude = Number(element.getAttribute('lat'));
    const longitude = Number(element.getAttribute('lon'));
    if (!validCoordinate(latitude, 90) || !validCoordinate(longitude, 180)) continue;
    const time = Date.parse(childText(element, 'time') ?? '');
    read.push({
      latitude,
      longitude,
      altitude: numberOf(childText(element, 'ele')),
      time: Number.isNaN(time) ? null : time,
      heartRate: numberOf(descendantText(element, 'hr')),
      cadence: numberOf(descendantText(element, 'cad')),
    });
  }
  if (read.length === 0) throw new GpxError('This GPX file has no track points to replay.');
  const points = withTimes(read);
  return {
    name: childText(root.getElementsByTagNameNS('*', 'trk')[0], 'name'),
    points,
    pointsWithoutTime: read.filter((point) => point.time === null).length,
  };
}

/**
 * Every point gets a time: a point without one comes 1 s after the point before; points before the first
 * timed one come 1 s apart up to it; a file without any time starts at 0 (replays re-date it anyway).
 */
function withTimes(points: (Omit<GpxPoint, 'time'> & { time: number | null })[]): GpxPoint[] {
  const firstTimed = points.findIndex((point) => point.time !== null);
  const start = firstTimed < 0 ? 0 : points[firstTimed]!.time! - firstTimed * 1000;
  let previous = start - 1000;
  return points.map((point) => {
    previous = point.time ?? previous + 1000;
    return { ...point, time: previous };
  });
}

const validCoordinate = (value: number, limit: number) => Number.isFinite(value) && Math.abs(value) <= limit;

function numberOf(text: string | null): number | null {
  if (text === null || text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function childText(element: Element | undefined, localName: string): string | null {
  if (!element) return null;
  for (const child of Array.from(element.children)) {
    if (child.localName === localName) return child.textContent;
  }
  return null;
}

/** An extension's value, at whatever depth and under whatever prefix (`gpxtpx:hr`, `ns3:hr`, `hr`). */
function descendantText(element: Element, localName: string): string | null {
  return element.getElementsByTagNameNS('*', localName)[0]?.textContent ?? null;
}
