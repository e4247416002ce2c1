/**
 * Public workout summaries: an athlete's finished workouts whose visibility is PUBLIC, readable by anyone
 * (the partner API included, without a user) but a viewer the athlete blocked or who blocked the athlete.
 * Only summary figures leave this module.
 */
import { validate as isUuid } from 'uuid';
import { BadUserInputError } from '../../../../lib/errors/domain-error';
import { pageArgs, toConnection, type Connection } from '../../../../lib/graphql/relay';
import type { Viewer } from '../../../../lib/auth/viewer';
import type { Sport } from '../../../../lib/sports';
import type { WorkoutReadsService } from '../visibility/workout-reads.service';
import type { WorkoutRecord, WorkoutRepo } from './workout.repo';
import { keyOf, parseKey } from './workout.service';

export interface PublicWorkoutSummary {
  id: string;
  userId: string;
  sport: Sport;
  startedAt: Date;
  distanceMeters: number | null;
  movingSeconds: number | null;
  elevationGainMeters: number | null;
}

export type PublicWorkoutsService = ReturnType<typeof createPublicWorkoutsService>;

const summaryOf = (w: WorkoutRecord): PublicWorkoutSummary => ({
  id: w.id,
  userId: w.userId,
  sport: w.sport,
  startedAt: w.startedAt,
  distanceMeters: w.distanceMeters,
  movingSeconds: w.movingSeconds,
  elevationGainMeters: w.elevationGainMeters,
});

/** Lists athletes' public workouts as summaries, to anyone. */
export function createPublicWorkoutsService(deps: {
  workouts: Pick<WorkoutRepo, 'listPublicByUser'>;
  reads: Pick<WorkoutReadsService, 'blocked'>;
}) {
  return {
    /** A page of the athlete's public workouts, newest first; an unknown athlete has none, nor a blocked viewer. */
    async of(
      viewer: Viewer | null,
      userId: string,
      first?: number | null,
      after?: string | null,
    ): Promise<Connection<PublicWorkoutSummary>> {
      if (!isUuid(userId)) throw new BadUserInputError('userId', 'userId must be a user id (a UUID).');
      const page = pageArgs(first, after, parseKey);
      const rows = (await deps.reads.blocked(viewer, userId))
        ? []
        : await deps.workouts.listPublicByUser(userId, page.limit + 1, page.after);
      const connection = toConnection(rows, page, keyOf);
      return { ...connection, edges: connection.edges.map((e) => ({ ...e, node: summaryOf(e.node) })) };
    },
  };
}
