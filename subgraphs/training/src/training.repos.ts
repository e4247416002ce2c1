/**
 * The training context's repositories, bound to one database handle: the client for reads, or one
 * transaction (the unit of work: `inTransaction(db, trainingRepos)` for services, `consumingOnce` for the
 * consumers), so a workout, its samples and its events commit together or not at all.
 */
import { createOutboxWriter } from '../../../lib/events/outbox';
import { createUserErasureRepo } from './erasure/user-erasure.repo';
import { createImportJobRepo } from './imports/import-job.repo';
import { createTrackPrivacyRepo } from './privacy/track-privacy.repo';
import { createTrainingProfileRepo } from './profile/training-profile.repo';
import { createPersonalRecordsRepo } from './records/personal-records.repo';
import { createSamplesRepo } from './telemetry/samples.repo';
import type { TrainingDb } from './training.prisma';
import { createSocialGraphRepo } from './visibility/social-graph.repo';
import { createKnownGearRepo } from './workouts/known-gear.repo';
import { createWorkoutRepo } from './workouts/workout.repo';

export function trainingRepos(db: TrainingDb) {
  return {
    workouts: createWorkoutRepo(db),
    knownGear: createKnownGearRepo(db),
    samples: createSamplesRepo(db),
    profiles: createTrainingProfileRepo(db),
    records: createPersonalRecordsRepo(db),
    importJobs: createImportJobRepo(db),
    socialGraph: createSocialGraphRepo(db),
    trackPrivacy: createTrackPrivacyRepo(db),
    erasure: createUserErasureRepo(db),
    outbox: createOutboxWriter(db),
  };
}

export type TrainingRepos = ReturnType<typeof trainingRepos>;
