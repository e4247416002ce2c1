/**
 * Reads a GPX 1.1 or 1.0 document into an ImportedActivity: every `trk/trkseg/trkpt` in document order
 * (or every `rte/rtept` when the tracks hold no point), each trkseg and trk boundary starting a segment.
 * Sensor values come from the point's extensions, matched by local name whatever the namespace prefix:
 * Garmin TrackPointExtension v1/v2 (`hr`, `cad`, `atemp`/`wtemp`, `speed`) and Strava's `power`.
 * Sport: the first `<trk><type>` the vocabulary knows, else the words of the tracks' names and
 * descriptions ("Morning Run"), else those of the document's name, description and keywords.
 */
import { BadUserInputError } from '../../../../lib/errors/domain-error';
import { emptySample, type TrackSample } from '../metrics/track';
import type { ImportedActivity } from './activity';
import { checkSampleCount, MAX_SAMPLES_PER_ACTIVITY } from './activity-limits';
import { parseIsoTime } from './iso-time';
import { timeBounds } from './samples';
import { fieldClue, sportFromClues, textClue } from './sport-choice';
import { sportFromWord } from './sport-vocabulary';
import {
  attribute,
  child,
  childText,
  children,
  countStartTags,
  descendantText,
  parseXmlDocument,
  toNumber,
  type XmlDocument,
  type XmlElement,
} from './xml-document';

const HEART_RATE = new Set(['hr', 'heartrate']);
const CADENCE = new Set(['cad', 'cadence']);
const POWER = new Set(['power', 'watts']);
const TEMPERATURE = new Set(['atemp', 'temp', 'temperature']);
const WATER_TEMPERATURE = new Set(['wtemp']);
const SPEED = new Set(['speed']);

/** `where` is only computed for the message: finding an element's line scans the text before it. */
const invalid = (what: string, value: string, where: () => string): BadUserInputError =>
  new BadUserInputError('file', `The GPX file has an invalid ${what} "${value}" at ${where()}.`);

const readPoint = (doc: XmlDocument, point: XmlElement, label: string): TrackSample => {
  const where = () => `${label}${doc.where(point)}`;
  const latText = attribute(point, 'lat');
  const lonText = attribute(point, 'lon');
  if (latText === null || lonText === null) {
    throw new BadUserInputError('file', `The GPX file has a point without lat/lon attributes at ${where()}.`);
  }
  const latitude = toNumber(latText);
  if (latitude === null || latitude < -90 || latitude > 90) throw invalid('latitude', latText, where);
  const longitude = toNumber(lonText);
  if (longitude === null || longitude < -180 || longitude > 180) throw invalid('longitude', lonText, where);

  const timeText = childText(point, 'time');
  const time = timeText === null ? null : parseIsoTime(timeText);
  if (timeText !== null && time === null) throw invalid('<time>', timeText, where);
  const eleText = childText(point, 'ele');
  const altitude = toNumber(eleText);
  if (eleText !== null && altitude === null) throw invalid('<ele>', eleText, where);

  const extensions = child(point, 'extensions');
  const extension = (names: ReadonlySet<string>): number | null =>
    extensions ? toNumber(descendantText(extensions, names)) : null;
  return {
    ...emptySample(time),
    latitude,
    longitude,
    altitude,
    heartRate: extension(HEART_RATE),
    cadence: extension(CADENCE),
    power: extension(POWER),
    temperature: extension(TEMPERATURE) ?? extension(WATER_TEMPERATURE),
    // GPX 1.0 has a <speed> element of its own; 1.1 moved it into extensions.
    speed: extension(SPEED) ?? toNumber(childText(point, 'speed')),
  };
};

/** Reads a GPX document; refuses it unread when it holds more than `maxSamples` trkpt (or rtept). */
export const parseGpx = (text: string, maxSamples = MAX_SAMPLES_PER_ACTIVITY): ImportedActivity => {
  for (const name of ['trkpt', 'rtept']) {
    checkSampleCount(countStartTags(text, name, maxSamples), maxSamples, 'GPX', `<${name}> points`);
  }
  const doc = parseXmlDocument(text, 'GPX');
  if (doc.rootName !== 'gpx') {
    throw new BadUserInputError(
      'file',
      `The file is XML but not GPX: its root element is <${doc.rootName}>, expected <gpx>.`,
    );
  }
  const { root } = doc;
  const samples: TrackSample[] = [];
  const segmentStarts: number[] = [];
  const addSegment = (points: XmlElement[], label: (index: number) => string) => {
    if (points.length === 0) return;
    if (samples.length > 0) segmentStarts.push(samples.length);
    points.forEach((point, index) => samples.push(readPoint(doc, point, label(index))));
  };

  const tracks = children(root, 'trk');
  tracks.forEach((track, t) =>
    children(track, 'trkseg').forEach((segment, s) =>
      addSegment(children(segment, 'trkpt'), (p) => `trk[${t}]/trkseg[${s}]/trkpt[${p}]`),
    ),
  );
  if (samples.length === 0) {
    children(root, 'rte').forEach((route, r) =>
      addSegment(children(route, 'rtept'), (p) => `rte[${r}]/rtept[${p}]`),
    );
  }
  if (samples.length === 0) {
    throw new BadUserInputError(
      'file',
      'The GPX file contains no track points (no trk/trkseg/trkpt nor rte/rtept).',
    );
  }

  const metadata = child(root, 'metadata');
  const context = { hasPositions: true };
  const sportField = (track: XmlElement) => {
    const type = childText(track, 'type');
    return fieldClue('<trk><type>', type, sportFromWord(type, context));
  };
  // GPX 1.1 keeps name, desc and keywords in <metadata>; GPX 1.0 at the root.
  const documentText = (element: XmlElement | null, prefix: string) =>
    element
      ? ['name', 'desc', 'keywords'].flatMap((name) =>
          textClue(`<${prefix}${name}>`, childText(element, name)),
        )
      : [];
  const sport = sportFromClues(
    [
      ...tracks.flatMap(sportField),
      ...tracks.flatMap((track) => [
        ...textClue('<trk><name>', childText(track, 'name')),
        ...textClue('<trk><desc>', childText(track, 'desc')),
      ]),
      ...documentText(metadata, 'metadata><'),
      ...documentText(root, 'gpx><'),
    ],
    context,
  );
  const title =
    tracks.map((track) => childText(track, 'name')).find((name) => name !== null) ??
    (metadata ? childText(metadata, 'name') : null) ??
    childText(root, 'name');

  const bounds = timeBounds(samples);
  return {
    format: 'GPX',
    ...sport,
    startedAt: bounds?.first ?? null,
    finishedAt: bounds?.last ?? null,
    device: attribute(root, 'creator') ?? 'unknown',
    title,
    samples,
    pauses: [],
    segmentStarts,
    calories: null,
    deviceDistanceMeters: null,
    barometricAltitude: false,
  };
};
