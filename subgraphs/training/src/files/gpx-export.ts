/**
 * Writes a workout's track as GPX 1.1 (creator "Pulse"): metadata name and time, one trk (name, type
 * from GPX_TYPE_BY_SPORT) with one trkseg. Only positioned samples become trkpt (GPX requires lat/lon);
 * sensor values go into Garmin TrackPointExtension v2 (`hr`, `cad`, `atemp`, `speed`) and a `power`
 * element as Strava writes it. `parseGpx(toGpx(…))` gives the same samples back within the rounding below.
 */
import type { Sport } from '../../../../lib/sports';
import type { TrackSample } from '../metrics/track';
import { GPX_TYPE_BY_SPORT } from './sport-vocabulary';

export interface GpxWorkout {
  id: string;
  title: string | null;
  sport: Sport;
  startedAt: Date;
}

/** Tab, line feed and carriage return are the only control characters XML 1.0 allows. */
const isAllowedInXml = (char: string): boolean => {
  const code = char.charCodeAt(0);
  return code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
};

const XML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

const escapeXml = (text: string): string =>
  Array.from(text)
    .filter(isAllowedInXml)
    .join('')
    .replace(/[&<>"']/g, (char) => XML_ENTITIES[char] ?? char);

/** At most `digits` decimals, without trailing zeros. */
const fixed = (value: number, digits: number): string => String(Number(value.toFixed(digits)));

/** hr and cad are xsd:unsignedByte in TrackPointExtension v2. */
const unsignedByte = (value: number): string => String(Math.min(255, Math.max(0, Math.round(value))));

const element = (name: string, value: string | null): string =>
  value === null ? '' : `<${name}>${value}</${name}>`;

const trackPoint = (sample: TrackSample): string | null => {
  if (sample.latitude === null || sample.longitude === null) return null;
  const optional = <T>(value: T | null, format: (value: T) => string): string | null =>
    value === null ? null : format(value);
  const tpx = [
    element(
      'gpxtpx:atemp',
      optional(sample.temperature, (value) => fixed(value, 1)),
    ),
    element('gpxtpx:hr', optional(sample.heartRate, unsignedByte)),
    element('gpxtpx:cad', optional(sample.cadence, unsignedByte)),
    element(
      'gpxtpx:speed',
      optional(sample.speed, (value) => fixed(value, 3)),
    ),
  ].join('');
  const power = element(
    'power',
    optional(sample.power, (value) => String(Math.round(value))),
  );
  const extensions =
    tpx === '' && power === ''
      ? ''
      : `<extensions>${power}${tpx === '' ? '' : `<gpxtpx:TrackPointExtension>${tpx}</gpxtpx:TrackPointExtension>`}</extensions>`;
  return (
    `<trkpt lat="${fixed(sample.latitude, 7)}" lon="${fixed(sample.longitude, 7)}">` +
    element(
      'ele',
      optional(sample.altitude, (value) => fixed(value, 2)),
    ) +
    element(
      'time',
      optional(sample.time, (value) => new Date(value).toISOString()),
    ) +
    extensions +
    '</trkpt>'
  );
};

export const toGpx = (workout: GpxWorkout, samples: readonly TrackSample[]): string => {
  const name = escapeXml(
    workout.title ?? `${GPX_TYPE_BY_SPORT[workout.sport]} ${workout.startedAt.toISOString()}`,
  );
  const points = samples.map(trackPoint).filter((point): point is string => point !== null);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gpx version="1.1" creator="Pulse" xmlns="http://www.topografix.com/GPX/1/1"' +
      ' xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v2"' +
      ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd' +
      ' http://www.garmin.com/xmlschemas/TrackPointExtension/v2' +
      ' https://www8.garmin.com/xmlschemas/TrackPointExtensionv2.xsd">',
    `<metadata><name>${name}</name><time>${workout.startedAt.toISOString()}</time></metadata>`,
    `<trk><name>${name}</name><type>${GPX_TYPE_BY_SPORT[workout.sport]}</type><trkseg>`,
    ...points,
    '</trkseg></trk>',
    '</gpx>',
    '',
  ].join('\n');
};
