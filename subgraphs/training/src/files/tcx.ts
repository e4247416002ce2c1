/**
 * Reads a Garmin Training Center (TCX v2) document into an ImportedActivity: the trackpoints of every
 * `Activities/Activity/Lap/Track`, in document order. Each Track after the first starts a segment (Garmin
 * starts a new Track after a timer stop and at every lap); a gap of more than PAUSE_GAP_MS between two
 * Tracks is also reported as a pause. Several Activity elements are read as one activity.
 */
import type { Sport } from '../../../../lib/sports';
import { BadUserInputError } from '../../../../lib/errors/domain-error';
import { emptySample, type PauseInterval, type TrackSample } from '../metrics/track';
import type { ImportedActivity } from './activity';
import { checkSampleCount, MAX_SAMPLES_PER_ACTIVITY } from './activity-limits';
import { parseIsoTime } from './iso-time';
import { timeBounds } from './samples';
import { commonSport, fieldClue, sportFromClues, textClue, type SportChoice } from './sport-choice';
import { isStepSport, sportFromWord } from './sport-vocabulary';
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

/** Gaps between Tracks shorter than this are recording spacing (smart recording writes every ~1–10 s). */
export const PAUSE_GAP_MS = 10_000;

const SPEED = new Set(['speed']);
const WATTS = new Set(['watts']);
const RUN_CADENCE = new Set(['runcadence']);

/** `where` is only computed for the message: finding an element's line scans the text before it. */
const invalid = (what: string, value: string, where: () => string): BadUserInputError =>
  new BadUserInputError('file', `The TCX file has an invalid ${what} "${value}" at ${where()}.`);

const readNumber = (element: XmlElement, name: string, where: () => string): number | null => {
  const text = childText(element, name);
  const value = toNumber(text);
  if (text !== null && value === null) throw invalid(`<${name}>`, text, where);
  return value;
};

const readTrackpoint = (doc: XmlDocument, point: XmlElement, label: string, sport: Sport): TrackSample => {
  const where = () => `${label}${doc.where(point)}`;
  const timeText = childText(point, 'Time');
  const time = timeText === null ? null : parseIsoTime(timeText);
  if (timeText !== null && time === null) throw invalid('<Time>', timeText, where);

  const position = child(point, 'Position');
  const latitude = position ? readNumber(position, 'LatitudeDegrees', where) : null;
  const longitude = position ? readNumber(position, 'LongitudeDegrees', where) : null;
  if (latitude !== null && (latitude < -90 || latitude > 90))
    throw invalid('latitude', String(latitude), where);
  if (longitude !== null && (longitude < -180 || longitude > 180)) {
    throw invalid('longitude', String(longitude), where);
  }
  const heartRateBpm = child(point, 'HeartRateBpm');
  const extensions = child(point, 'Extensions');
  const extension = (names: ReadonlySet<string>) =>
    extensions ? toNumber(descendantText(extensions, names)) : null;
  // RunCadence is strides (one foot) per minute, as Garmin records it; TrackSample wants steps per minute.
  const runCadence = extension(RUN_CADENCE);
  const cadence =
    readNumber(point, 'Cadence', where) ??
    (runCadence === null ? null : isStepSport(sport) ? runCadence * 2 : runCadence);
  return {
    ...emptySample(time),
    latitude: latitude !== null && longitude !== null ? latitude : null,
    longitude: latitude !== null && longitude !== null ? longitude : null,
    altitude: readNumber(point, 'AltitudeMeters', where),
    heartRate: heartRateBpm ? readNumber(heartRateBpm, 'Value', where) : null,
    cadence,
    power: extension(WATTS),
    speed: extension(SPEED),
  };
};

const CONTEXT = { hasPositions: true };

/**
 * TCX's Sport attribute: Running, Biking or Other (other words are tried against the shared vocabulary);
 * with Other, the words of the activity's Notes. Activities of different sports make one multisport OTHER.
 */
const sportOf = (activities: XmlElement[]): SportChoice => {
  const choices = activities.map((activity) => {
    const word = attribute(activity, 'Sport');
    return sportFromClues(
      [
        ...fieldClue('Activity Sport', word, sportFromWord(word, CONTEXT)),
        ...textClue('<Notes>', childText(activity, 'Notes')),
      ],
      CONTEXT,
    );
  });
  return commonSport(choices);
};

/** "Forerunner 945 (UnitId 3999999999, ProductID 3113)": Creator name with the unit's serial number. */
const creatorOf = (activities: XmlElement[]): string | null => {
  for (const activity of activities) {
    const creator = child(activity, 'Creator');
    if (!creator) continue;
    const name = childText(creator, 'Name');
    const unitId = childText(creator, 'UnitId');
    const productId = childText(creator, 'ProductID');
    const ids = [unitId && `UnitId ${unitId}`, productId && `ProductID ${productId}`].filter(Boolean);
    const device = [name, ids.length > 0 ? `(${ids.join(', ')})` : null].filter(Boolean).join(' ');
    if (device !== '') return device;
  }
  return null;
};

/** The application that wrote the file (`Author/Name`), when no device is named. */
const authorOf = (root: XmlElement): string | null => {
  const author = child(root, 'Author');
  return author ? childText(author, 'Name') : null;
};

/** Reads a TCX document; refuses it unread when it holds more than `maxSamples` Trackpoints. */
export const parseTcx = (text: string, maxSamples = MAX_SAMPLES_PER_ACTIVITY): ImportedActivity => {
  const points = countStartTags(text, 'Trackpoint', maxSamples);
  checkSampleCount(points, maxSamples, 'TCX', '<Trackpoint> points');
  const doc = parseXmlDocument(text, 'TCX');
  if (doc.rootName !== 'TrainingCenterDatabase') {
    throw new BadUserInputError(
      'file',
      `The file is XML but not TCX: its root element is <${doc.rootName}>, expected <TrainingCenterDatabase>.`,
    );
  }
  const activities = children(doc.root, 'Activities').flatMap((list) => children(list, 'Activity'));
  if (activities.length === 0) {
    throw new BadUserInputError(
      'file',
      'The TCX file contains no Activities/Activity (courses and workouts are not recorded activities).',
    );
  }
  const choice = sportOf(activities);
  const { sport } = choice;

  const samples: TrackSample[] = [];
  const segmentStarts: number[] = [];
  const pauses: PauseInterval[] = [];
  let calories: number | null = null;
  let distance: number | null = null;
  let lapStart: number | null = null;
  let previousTrackEnd: number | null = null;

  activities.forEach((activity, a) => {
    children(activity, 'Lap').forEach((lap, l) => {
      const lapWhere = () => `Activity[${a}]/Lap[${l}]${doc.where(lap)}`;
      const lapCalories = readNumber(lap, 'Calories', lapWhere);
      if (lapCalories !== null) calories = (calories ?? 0) + lapCalories;
      const lapDistance = readNumber(lap, 'DistanceMeters', lapWhere);
      if (lapDistance !== null) distance = (distance ?? 0) + lapDistance;
      const startText = attribute(lap, 'StartTime');
      if (startText !== null) {
        const start = parseIsoTime(startText);
        if (start === null) throw invalid('Lap StartTime', startText, lapWhere);
        lapStart = lapStart === null ? start : Math.min(lapStart, start);
      }
      children(lap, 'Track').forEach((track, t) => {
        const points = children(track, 'Trackpoint');
        if (points.length === 0) return;
        const first = samples.length;
        if (first > 0) segmentStarts.push(first);
        points.forEach((point, p) =>
          samples.push(
            readTrackpoint(doc, point, `Activity[${a}]/Lap[${l}]/Track[${t}]/Trackpoint[${p}]`, sport),
          ),
        );
        const bounds = timeBounds(samples.slice(first));
        if (bounds && previousTrackEnd !== null && bounds.first - previousTrackEnd > PAUSE_GAP_MS) {
          pauses.push({ from: previousTrackEnd, to: bounds.first });
        }
        if (bounds) previousTrackEnd = bounds.last;
      });
    });
  });
  if (samples.length === 0) {
    throw new BadUserInputError('file', 'The TCX file contains no trackpoints (Lap/Track/Trackpoint).');
  }

  const bounds = timeBounds(samples);
  const notes = activities.map((activity) => childText(activity, 'Notes')).find((note) => note !== null);
  const idTime = activities
    .map((activity) => parseIsoTime(childText(activity, 'Id') ?? ''))
    .find((t) => t !== null);
  const startedAt = lapStart ?? idTime ?? bounds?.first ?? null;
  return {
    format: 'TCX',
    ...choice,
    startedAt: bounds && startedAt !== null ? Math.min(startedAt, bounds.first) : startedAt,
    finishedAt: bounds?.last ?? null,
    device: creatorOf(activities) ?? authorOf(doc.root) ?? 'unknown',
    title: notes ?? null,
    samples,
    pauses,
    segmentStarts,
    calories,
    deviceDistanceMeters: distance,
    barometricAltitude: false,
  };
};
