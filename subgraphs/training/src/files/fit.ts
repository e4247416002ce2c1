/**
 * Reads a FIT activity file with Garmin's FIT SDK (Decoder, Stream) into an ImportedActivity.
 *
 * - Samples: `record` messages (semicircles → degrees; enhanced altitude/speed preferred; running and
 *   walking cadence, recorded by FIT as strides per minute, is doubled to steps per minute).
 * - Pauses: `event` timer stop/stop_all … start pairs; the first record after each pause and after each
 *   session start (multisport) begins a segment.
 * - Sport, calories, distance: the `session` messages (sport/sub-sport, else the sport profile's name). A
 *   multisport file is imported as one activity: sport is the sessions' common sport (OTHER when they
 *   differ), calories and distance are summed.
 * - Device: `file_id` (else the creator `device_info`) as `manufacturer/product/serialNumber`, with the
 *   numeric product id (stable across SDK profile versions, unlike the product's name).
 * - barometricAltitude: a heuristic. FIT does not say whether altitude is barometric; it is reported true
 *   when the file comes from a Garmin device (file_id manufacturer `garmin`) and its records carry
 *   altitude, since most Garmin devices that record altitude to FIT (Edge, fēnix, Forerunner 9xx, …) have
 *   a barometric altimeter. Files from other manufacturers are reported false.
 */
import {
  Decoder,
  Profile,
  Stream,
  Utils,
  type FileIdMesg,
  type DeviceInfoMesg,
  type RecordMesg,
  type SessionMesg,
  type SportMesg,
} from '@garmin/fitsdk';
import { BadUserInputError } from '../../../../lib/errors/domain-error';
import { emptySample, type PauseInterval, type TrackSample } from '../metrics/track';
import type { ImportedActivity } from './activity';
import { MAX_SAMPLES_PER_ACTIVITY, tooManySamples } from './activity-limits';
import { sportFromFit } from './fit-sport';
import { normalizePauses, segmentStartsAt, timeBounds } from './samples';
import {
  commonSport,
  fieldClue,
  sportFromClues,
  textClue,
  type SportChoice,
  type SportClue,
} from './sport-choice';
import { isStepSport, type SportContext } from './sport-vocabulary';

const SEMICIRCLES_TO_DEGREES = 180 / 2 ** 31;

const fail = (message: string): never => {
  throw new BadUserInputError('file', message);
};

const numberOf = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/** A FIT date-time as ms since the epoch (Date with the SDK's default options, FIT seconds otherwise). */
const timeOf = (value: unknown): number | null => {
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.getTime() : null;
  const seconds = numberOf(value);
  return seconds === null ? null : Utils.convertDateTimeToDate(seconds).getTime();
};

/** Why checkIntegrity failed: a truncated file or a CRC mismatch, with the sizes involved. */
const integrityProblem = (bytes: Uint8Array): string => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerSize = view.getUint8(0);
  const dataSize = view.getUint32(4, true);
  const expected = headerSize + dataSize + 2;
  if (bytes.byteLength < expected) {
    return (
      `The FIT file is truncated: its header announces ${dataSize} bytes of records (${expected} bytes in ` +
      `all, with header and CRC) but the file has ${bytes.byteLength} bytes. Upload the complete file.`
    );
  }
  return (
    `The FIT file is corrupted: the CRC of the header or of bytes 0–${headerSize + dataSize - 1} does not ` +
    `match the stored checksum.`
  );
};

const readSample = (record: RecordMesg, stepCadence: boolean): TrackSample => {
  const lat = numberOf(record.positionLat);
  const lon = numberOf(record.positionLong);
  const positioned = lat !== null && lon !== null;
  const cadence = numberOf(record.cadence);
  const strides = cadence === null ? null : cadence + (numberOf(record.fractionalCadence) ?? 0);
  return {
    ...emptySample(timeOf(record.timestamp)),
    latitude: positioned ? lat * SEMICIRCLES_TO_DEGREES : null,
    longitude: positioned ? lon * SEMICIRCLES_TO_DEGREES : null,
    altitude: numberOf(record.enhancedAltitude) ?? numberOf(record.altitude),
    heartRate: numberOf(record.heartRate),
    cadence: strides === null ? null : stepCadence ? strides * 2 : strides,
    power: numberOf(record.power),
    speed: numberOf(record.enhancedSpeed) ?? numberOf(record.speed),
    temperature: numberOf(record.temperature),
  };
};

/** Device pauses: each timer stop (or stop_all) until the next timer start. */
const timerPauses = (events: readonly { timestamp?: unknown; event?: unknown; eventType?: unknown }[]) => {
  const pauses: PauseInterval[] = [];
  const timerEvents = events
    .filter((event) => event.event === 'timer')
    .map((event) => ({ time: timeOf(event.timestamp), type: event.eventType }))
    .filter((event): event is { time: number; type: unknown } => event.time !== null)
    .sort((a, b) => a.time - b.time);
  let stoppedAt: number | null = null;
  for (const event of timerEvents) {
    if ((event.type === 'stop' || event.type === 'stopAll') && stoppedAt === null) stoppedAt = event.time;
    if (event.type === 'start' && stoppedAt !== null) {
      pauses.push({ from: stoppedAt, to: event.time });
      stoppedAt = null;
    }
  }
  return normalizePauses(pauses);
};

const deviceOf = (fileId: FileIdMesg | undefined, creator: DeviceInfoMesg | undefined): string => {
  const parts = [
    fileId?.manufacturer ?? creator?.manufacturer,
    fileId?.product ?? creator?.product,
    fileId?.serialNumber ?? creator?.serialNumber,
  ];
  if (parts.every((part) => part === undefined || part === null)) return 'unknown';
  return parts.map((part) => (part === undefined || part === null ? 'unknown' : String(part))).join('/');
};

type SportFields = Pick<SessionMesg, 'sport' | 'subSport'>;

const sportField = (where: string, mesg: SportFields, context: SportContext): SportClue[] =>
  fieldClue(
    where,
    mesg.sport === undefined ? null : [mesg.sport, mesg.subSport].filter((x) => x !== undefined).join('/'),
    sportFromFit(mesg.sport, mesg.subSport, context),
  );

/**
 * Each session's sport/sub-sport, else its sport profile's name ("Trail Run", "Bike"); a file without
 * sessions, its `sport` message. Sessions of different sports make one multisport OTHER.
 */
const sportOf = (
  sessions: readonly SessionMesg[],
  sport: SportMesg | undefined,
  context: SportContext,
): SportChoice => {
  const fromSportMesg = sport
    ? [...sportField('sport message', sport, context), ...textClue('sport message name', sport.name)]
    : [];
  if (sessions.length === 0) return sportFromClues(fromSportMesg, context);
  return commonSport(
    sessions.map((session) =>
      sportFromClues(
        [
          ...sportField('session sport', session, context),
          ...textClue('session sport profile name', session.sportProfileName),
          ...fromSportMesg,
        ],
        context,
      ),
    ),
  );
};

/** Reads a FIT activity file; decoding stops at the first record past `maxSamples`. */
export const parseFit = (bytes: Uint8Array, maxSamples = MAX_SAMPLES_PER_ACTIVITY): ImportedActivity => {
  const stream = Stream.fromByteArray(bytes);
  if (!Decoder.isFIT(stream)) {
    fail('The file is not a FIT file: it has no 12- or 14-byte FIT header with ".FIT" at bytes 8–11.');
  }
  const decoder = new Decoder(stream);
  if (!decoder.checkIntegrity()) fail(integrityProblem(bytes));
  let recordCount = 0;
  const { messages, errors } = decoder.read({
    // Throwing here ends the decoding at once: the SDK reports it among `errors`.
    mesgListener: (messageNumber: number) => {
      if (messageNumber === Profile.MesgNum.RECORD && ++recordCount > maxSamples) {
        throw tooManySamples('FIT', 'records', maxSamples);
      }
    },
  });
  if (recordCount > maxSamples) throw tooManySamples('FIT', 'records', maxSamples);
  const [firstError] = errors;
  if (firstError) {
    fail(`The FIT file could not be decoded: ${firstError.message.replace(/^FIT Runtime Error /, '')}.`);
  }

  const fileId = messages.fileIdMesgs?.[0];
  if (fileId?.type !== undefined && fileId.type !== 'activity') {
    fail(
      `The FIT file is a "${String(fileId.type)}" file, not an activity: only activity files can be imported.`,
    );
  }
  const sessions = [...(messages.sessionMesgs ?? [])].sort(
    (a, b) => (timeOf(a.startTime) ?? 0) - (timeOf(b.startTime) ?? 0),
  );
  const records = messages.recordMesgs ?? [];
  const hasPositions = records.some((record) => record.positionLat !== undefined);
  const choice = sportOf(sessions, messages.sportMesgs?.[0], { hasPositions });
  const stepCadence = isStepSport(choice.sport);
  const samples = records.map((record) => readSample(record, stepCadence));
  const pauses = timerPauses(messages.eventMesgs ?? []);
  const sessionStarts = sessions
    .slice(1)
    .map((session) => timeOf(session.startTime))
    .filter((time): time is number => time !== null);
  const segmentStarts = segmentStartsAt(samples, [...pauses.map((pause) => pause.to), ...sessionStarts]);

  const bounds = timeBounds(samples);
  const starts = sessions.map((session) => timeOf(session.startTime));
  const ends = sessions.flatMap((session) => {
    const start = timeOf(session.startTime);
    const elapsed = numberOf(session.totalElapsedTime);
    return [timeOf(session.timestamp), start !== null && elapsed !== null ? start + elapsed * 1000 : null];
  });
  const startCandidates = [...starts, bounds?.first ?? null].filter((time): time is number => time !== null);
  const endCandidates = [...ends, bounds?.last ?? null].filter((time): time is number => time !== null);
  const sum = (values: (number | null)[]): number | null =>
    values.some((value) => value !== null)
      ? values.reduce<number>((total, value) => total + (value ?? 0), 0)
      : null;

  const creator = messages.deviceInfoMesgs?.find(
    (info) => info.deviceIndex === 'creator' || info.deviceIndex === 0,
  );
  const manufacturer = fileId?.manufacturer ?? creator?.manufacturer;
  return {
    format: 'FIT',
    ...choice,
    startedAt: startCandidates.length > 0 ? Math.min(...startCandidates) : null,
    finishedAt: endCandidates.length > 0 ? Math.max(...endCandidates) : null,
    device: deviceOf(fileId, creator),
    title: null,
    samples,
    pauses,
    segmentStarts,
    calories: sum(sessions.map((session) => numberOf(session.totalCalories))),
    deviceDistanceMeters: sum(sessions.map((session) => numberOf(session.totalDistance))),
    barometricAltitude: manufacturer === 'garmin' && samples.some((sample) => sample.altitude !== null),
  };
};
