/**
 * An activity read from a file (GPX, TCX, FIT) or a health-data export (Apple Health, Google Fit),
 * normalised so that importing does not care where it came from.
 */
import type { Sport } from '../../../../lib/sports';
import type { PauseInterval, TrackSample } from '../metrics/track';
import type { SportChoice } from './sport-choice';

export type ActivityFormat = 'GPX' | 'TCX' | 'FIT' | 'APPLE_HEALTH' | 'GOOGLE_FIT';

export interface ImportedActivity extends SportChoice {
  format: ActivityFormat;
  /**
   * The sport: named by the file's own words (`sportSource` FILE), else guessed from its moving speed by
   * `parseActivityFile` (INFERRED_FROM_SPEED); OTHER when neither tells (UNKNOWN). `sportReason` says why.
   */
  sport: Sport;
  /** When the activity started (ms since the epoch): the first timed sample, or the file's own start. */
  startedAt: number | null;
  /** When it ended (ms), when the file says or the last timed sample. */
  finishedAt: number | null;
  /**
   * The recording device or app, as stable as the file allows (FIT: manufacturer/product/serial;
   * TCX: Creator name + UnitId; GPX: the `creator` attribute; Apple Health: source name/device;
   * Google Fit: application package / device uid). With startedAt it identifies duplicate uploads.
   */
  device: string;
  /** A name the file gave the activity (GPX <name>, TCX notes, …), when any. */
  title: string | null;
  /** Samples in file order; time may be null for files without timestamps (some GPX). */
  samples: TrackSample[];
  /** Device pause / timer-stop intervals (FIT timer events, TCX lap gaps), when the file has them. */
  pauses: PauseInterval[];
  /** Indices of samples that begin a new segment (GPX trk/trkseg boundaries, …): see Track.segmentStarts. */
  segmentStarts: number[];
  /** Energy reported by the device or app, kcal, when any. */
  calories: number | null;
  /** Distance the device reported (m), when any; the engine recomputes its own from positions. */
  deviceDistanceMeters: number | null;
  /** True when the altitude is barometric (FIT enhanced_altitude from a baro device, …), when known. */
  barometricAltitude: boolean;
}
