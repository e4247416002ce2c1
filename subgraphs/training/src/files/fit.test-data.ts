/**
 * Builds real FIT activity files for tests with the FIT SDK's Encoder: file_id, creator device_info, a
 * timer start, 1 Hz records, one timer stop/start pause, a final timer stop, session and activity
 * messages. Reusable by any test that needs FIT bytes (it is not a spec file).
 */
import {
  Encoder,
  Profile,
  type ActivityMesg,
  type DeviceInfoMesg,
  type Encodable,
  type EventMesg,
  type FileIdMesg,
  type Mesg,
  type RecordMesg,
  type SessionMesg,
  type Types,
} from '@garmin/fitsdk';

export interface FitActivityOptions {
  /** FIT sport and sub-sport names as the SDK spells them. Default running / generic. */
  sport?: Types.Sport;
  subSport?: Types.SubSport;
  /** The session's sport profile name ("Trail Run"), when any. */
  sportProfileName?: string;
  /** file_id / device_info manufacturer. Default "garmin". */
  manufacturer?: Types.Manufacturer;
  product?: number;
  serialNumber?: number;
  /** First record's time. Default FIT_START. */
  start?: Date;
  /** Records before and after the pause. Default 10 and 10. */
  recordsBeforePause?: number;
  recordsAfterPause?: number;
  /** Length of the timer-stop pause, seconds. Default 60. */
  pauseSeconds?: number;
  /** Write positions (false: an indoor activity). Default true. */
  withPositions?: boolean;
}

export const FIT_START = new Date('2024-05-01T08:00:00Z');
export const FIT_START_LATITUDE = 46.05;
export const FIT_START_LONGITUDE = 14.5;
export const FIT_CALORIES = 42;
export const FIT_DISTANCE_METERS = 150;

const DEGREES_TO_SEMICIRCLES = 2 ** 31 / 180;

const mesgNum = (name: string): number => {
  const number = Profile.MesgNum[name];
  if (number === undefined) throw new Error(`The FIT profile has no message ${name}`);
  return number;
};

/** The record written at second `second` after the start (the n-th record overall). */
export const fitRecordValues = (n: number) => ({
  latitude: FIT_START_LATITUDE + n * 0.0001,
  longitude: FIT_START_LONGITUDE,
  altitude: 300 + n * 0.2,
  heartRate: 120 + n,
  cadence: 80,
  fractionalCadence: 0.5,
  power: 250,
  speed: 3,
  temperature: 20,
});

export const buildFitActivity = (options: FitActivityOptions = {}): Uint8Array => {
  const start = options.start ?? FIT_START;
  const before = options.recordsBeforePause ?? 10;
  const after = options.recordsAfterPause ?? 10;
  const pause = options.pauseSeconds ?? 60;
  const withPositions = options.withPositions ?? true;
  const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
  const device: Pick<FileIdMesg, 'manufacturer' | 'product' | 'serialNumber'> = {
    manufacturer: options.manufacturer ?? 'garmin',
    product: options.product ?? 3113,
    serialNumber: options.serialNumber ?? 3_999_999_999,
  };

  const encoder = new Encoder();
  const write = <T extends Mesg>(mesg: Encodable<T>) => encoder.writeMesg(mesg);
  write<FileIdMesg>({ mesgNum: mesgNum('FILE_ID'), type: 'activity', timeCreated: start, ...device });
  write<DeviceInfoMesg>({
    mesgNum: mesgNum('DEVICE_INFO'),
    timestamp: start,
    deviceIndex: 'creator',
    softwareVersion: 12.3,
    ...device,
  });
  write<EventMesg>({ mesgNum: mesgNum('EVENT'), timestamp: start, event: 'timer', eventType: 'start' });

  const record = (n: number, second: number) => {
    const values = fitRecordValues(n);
    write<RecordMesg>({
      mesgNum: mesgNum('RECORD'),
      timestamp: at(second),
      ...(withPositions
        ? {
            positionLat: Math.round(values.latitude * DEGREES_TO_SEMICIRCLES),
            positionLong: Math.round(values.longitude * DEGREES_TO_SEMICIRCLES),
          }
        : {}),
      enhancedAltitude: values.altitude,
      heartRate: values.heartRate,
      cadence: values.cadence,
      fractionalCadence: values.fractionalCadence,
      power: values.power,
      enhancedSpeed: values.speed,
      temperature: values.temperature,
    });
  };
  for (let n = 0; n < before; n++) record(n, n);
  const stoppedAt = before - 1;
  const resumedAt = stoppedAt + pause;
  write<EventMesg>({
    mesgNum: mesgNum('EVENT'),
    timestamp: at(stoppedAt),
    event: 'timer',
    eventType: 'stopAll',
  });
  write<EventMesg>({
    mesgNum: mesgNum('EVENT'),
    timestamp: at(resumedAt),
    event: 'timer',
    eventType: 'start',
  });
  for (let n = 0; n < after; n++) record(before + n, resumedAt + n);
  const end = resumedAt + Math.max(after - 1, 0);
  write<EventMesg>({ mesgNum: mesgNum('EVENT'), timestamp: at(end), event: 'timer', eventType: 'stopAll' });

  write<SessionMesg>({
    mesgNum: mesgNum('SESSION'),
    timestamp: at(end),
    startTime: start,
    sport: options.sport ?? 'running',
    subSport: options.subSport ?? 'generic',
    ...(options.sportProfileName !== undefined && { sportProfileName: options.sportProfileName }),
    totalElapsedTime: end,
    totalTimerTime: end - pause,
    totalDistance: FIT_DISTANCE_METERS,
    totalCalories: FIT_CALORIES,
    event: 'session',
    eventType: 'stop',
  });
  write<ActivityMesg>({
    mesgNum: mesgNum('ACTIVITY'),
    timestamp: at(end),
    totalTimerTime: end - pause,
    numSessions: 1,
    type: 'manual',
    event: 'activity',
    eventType: 'stop',
  });
  return encoder.close();
};
