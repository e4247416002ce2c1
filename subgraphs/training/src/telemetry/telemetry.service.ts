/**
 * Receives telemetry batches of the viewer's own workouts (a re-sent batch or sample is stored once), and
 * reads a workout's stored track back for whoever may see the workout (chart streams, GPX export, map
 * preview): whole for its athlete, with the positions their privacy hides taken out for anyone else.
 */
import type { Viewer } from '../../../../lib/auth/viewer';
import type { Clock } from '../../../../lib/clock';
import { NotFoundError } from '../../../../lib/errors/domain-error';
import type { Logger } from '../../../../lib/logging/logger';
import { mapPreviewOf } from '../privacy/polyline';
import { insideAnyZone, redactTrack, type TrackPrivacy } from '../privacy/track-privacy';
import type { TrainingRepos } from '../training.repos';
import { isOwner } from '../visibility/visibility-policy';
import type { WorkoutReadsService } from '../visibility/workout-reads.service';
import type { WorkoutProgressService } from '../workouts/workout-progress.service';
import type { WorkoutRecord, WorkoutStatus } from '../workouts/workout.repo';
import { workoutIdOf } from '../workouts/own-workout';
import type { WorkoutService } from '../workouts/workout.service';
import type { StoredSample } from './samples.repo';
import { samplesOf, type ColumnarBatch } from './telemetry-batch';
import { streamsOf, type StreamChannel, type WorkoutStreams } from './workout-streams';

export interface TelemetryReceipt {
  workoutId: string;
  batchId: string;
  /** Samples stored now. */
  accepted: number;
  /** Samples already stored by an earlier (re-sent) batch. */
  duplicates: number;
  /** Samples the workout has in all. */
  sampleCount: number;
}

export type TelemetryService = ReturnType<typeof createTelemetryService>;

/** A track as one viewer may see it, with what was hidden from them. */
interface VisibleTrack {
  samples: StoredSample[];
  /** The samples whose position was hidden (by identity). */
  hidden: Set<StoredSample>;
  zones: TrackPrivacy['zones'];
}

/** Stores telemetry batches (the athlete's) and reads tracks back (for whoever may see the workout). */
export function createTelemetryService(deps: {
  repos: Pick<TrainingRepos, 'samples'> & { trackPrivacy: Pick<TrainingRepos['trackPrivacy'], 'of'> };
  workouts: Pick<WorkoutService, 'refreshFigures'>;
  reads: Pick<WorkoutReadsService, 'get' | 'check'>;
  progress: Pick<WorkoutProgressService, 'publishSoon'>;
  clock: Clock;
  logger: Logger;
}) {
  /**
   * What a stored batch changes: a finished workout's figures are recomputed (a late sync, or a finish
   * committed meanwhile that computed its figures without this batch: `status` is the workout's after the
   * store); a recording's running figures go to its live subscribers. The batch is stored whatever happens here.
   */
  async function afterStore(workoutId: string, status: WorkoutStatus) {
    try {
      if (status === 'FINISHED') await deps.workouts.refreshFigures(workoutId);
      // Live figures are not awaited: the client's upload does not wait for subscribers.
      else deps.progress.publishSoon(workoutId);
    } catch (error) {
      deps.logger.error({ err: error, workoutId }, 'figures after a telemetry batch failed');
    }
  }

  /** The workout's samples: all of them for its athlete; for anyone else, redacted by the athlete's privacy. */
  async function visibleTrack(viewer: Viewer | null, workout: WorkoutRecord): Promise<VisibleTrack> {
    const samples = await deps.repos.samples.of(workout.id);
    if (isOwner(viewer?.userId ?? null, workout)) return { samples, hidden: new Set(), zones: [] };
    const privacy = await deps.repos.trackPrivacy.of(workout.userId);
    return { ...redactTrack(samples, privacy), zones: privacy.zones };
  }

  return {
    /** Batches may come in any order, and after the finish (a phone syncing late): all are kept. */
    async record(viewer: Viewer, id: string, batch: ColumnarBatch): Promise<TelemetryReceipt> {
      const workoutId = workoutIdOf(id);
      const rows = samplesOf(batch, deps.clock.now());
      // The owner check is part of the store: someone else's workout, or none, is missing and gets nothing.
      const stored = await deps.repos.samples.storeBatch(workoutId, viewer.userId, batch.batchId, rows);
      if (!stored) throw new NotFoundError('Workout', workoutId);
      const { accepted, sampleCount, status } = stored;
      if (accepted > 0) await afterStore(workoutId, status);
      return {
        workoutId,
        batchId: batch.batchId,
        accepted,
        duplicates: rows.length - accepted,
        sampleCount,
      };
    },

    /**
     * A workout the viewer may see with its samples in sequence order (for the GPX export): redacted for
     * anyone but its athlete; NOT_FOUND when the viewer may not see it.
     */
    async trackOf(
      viewer: Viewer | null,
      id: string,
    ): Promise<{ workout: WorkoutRecord; samples: StoredSample[] }> {
      const workout = await deps.reads.get(viewer, id);
      return { workout, samples: (await visibleTrack(viewer, workout)).samples };
    },

    /**
     * Chart series of a workout read earlier; checked again (NOT_FOUND when the viewer may not see it). For
     * anyone but the athlete, a point whose samples include a hidden one, or whose average position lies in
     * a privacy zone, has no position.
     */
    async streams(
      viewer: Viewer | null,
      workout: WorkoutRecord,
      channels: readonly StreamChannel[],
      resolution: number,
    ): Promise<WorkoutStreams> {
      await deps.reads.check(viewer, workout);
      const track = await visibleTrack(viewer, workout);
      if (isOwner(viewer?.userId ?? null, workout)) return streamsOf(track.samples, channels, resolution);
      return streamsOf(
        track.samples,
        channels,
        resolution,
        (bucket, latitude, longitude) =>
          bucket.some((sample) => track.hidden.has(sample)) ||
          insideAnyZone(latitude, longitude, track.zones),
      );
    },

    /** The track's encoded polyline as the viewer may see it (redacted for others); null without positions. */
    async mapPreview(viewer: Viewer | null, workout: WorkoutRecord): Promise<string | null> {
      if (workout.sampleCount === 0) return null;
      await deps.reads.check(viewer, workout);
      const { samples } = await visibleTrack(viewer, workout);
      return mapPreviewOf(
        samples.flatMap(({ latitude, longitude }) =>
          latitude === null || longitude === null || Math.abs(latitude) > 90 || Math.abs(longitude) > 180
            ? []
            : [{ latitude, longitude }],
        ),
      );
    },
  };
}
