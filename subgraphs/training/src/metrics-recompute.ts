/**
 * Recomputes the figures of finished workouts that have a track: those computed with an older metrics
 * configuration (or never), or all of them. Each workout is updated in its own transaction with an
 * updated event when its figures changed, so other contexts (gear wear, …) follow.
 */
import type { Logger } from '../../../lib/logging/logger';
import { METRICS_CONFIG } from './metrics/metrics-config';
import { createTrackRepo } from './track.repo';
import type { TrainingPrisma } from './training.prisma';
import { createTrainingProfileRepo } from './training-profile.repo';
import { createWorkoutRepo } from './workout.repo';
import { createWorkoutService } from './workout.service';
import { createKnownGearRepo } from './known-gear.repo';

const PAGE = 200;

export async function recomputeMetrics(options: {
  prisma: TrainingPrisma;
  all: boolean;
  logger: Logger;
}): Promise<{ recomputed: number; failed: number }> {
  const { prisma, logger } = options;
  const workouts = createWorkoutService({
    workouts: createWorkoutRepo(prisma),
    knownGear: createKnownGearRepo(prisma),
    track: createTrackRepo(prisma),
    profiles: createTrainingProfileRepo(prisma),
    clock: { now: () => new Date() },
  });
  const stale = options.all
    ? {}
    : { OR: [{ metricsVersion: null }, { metricsVersion: { not: METRICS_CONFIG.version } }] };
  let recomputed = 0;
  let failed = 0;
  let after: string | undefined;
  for (;;) {
    const page = await prisma.workout.findMany({
      where: { status: 'FINISHED', sampleCount: { gt: 0 }, ...stale, ...(after && { id: { gt: after } }) },
      orderBy: { id: 'asc' },
      take: PAGE,
      select: { id: true },
    });
    for (const { id } of page) {
      try {
        await workouts.refreshFigures(id);
        recomputed += 1;
      } catch (error) {
        failed += 1;
        logger.error({ err: error, workoutId: id }, 'recomputing a workout failed');
      }
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.id;
  }
  return { recomputed, failed };
}
