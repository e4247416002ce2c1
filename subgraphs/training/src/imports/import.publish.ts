/** The events an import job announces when it is settled: its workout stored, or the file refused (keyed by the job). */
import { createEvent, type EventEnvelope } from '../../../../lib/events/envelope';
import type { ImportJobRecord } from './import-job.repo';
import type { WorkoutRecord } from '../workouts/workout.repo';

type Job = Pick<ImportJobRecord, 'id' | 'userId' | 'fileName'>;

export const importFinished = (
  job: Job,
  workout: Pick<WorkoutRecord, 'id' | 'sport'>,
  now: Date,
): EventEnvelope<'training.import.finished'> =>
  createEvent(
    'training.import.finished',
    job.id,
    {
      userId: job.userId,
      importId: job.id,
      workoutId: workout.id,
      fileName: job.fileName,
      sport: workout.sport,
      finishedAt: now.toISOString(),
    },
    { actorId: job.userId },
    now,
  );

export const importFailed = (job: Job, reason: string, now: Date): EventEnvelope<'training.import.failed'> =>
  createEvent(
    'training.import.failed',
    job.id,
    { userId: job.userId, importId: job.id, fileName: job.fileName, reason, failedAt: now.toISOString() },
    { actorId: job.userId },
    now,
  );
