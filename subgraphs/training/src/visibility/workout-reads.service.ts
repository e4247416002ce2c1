/**
 * Reads of workouts by anyone — their athlete, another athlete, or nobody signed in — through the one
 * visibility policy (visibility-policy.ts). What a viewer may not see is reported as missing: NOT_FOUND, or
 * null where a missing workout is null (a federated reference). What they may see comes as they may see it
 * (asSeenBy: the athlete's own fields blanked for others).
 */
import { validate as isUuid } from 'uuid';
import type { Viewer } from '../../../../lib/auth/viewer';
import { BadUserInputError, NotFoundError } from '../../../../lib/errors/domain-error';
import { pageArgs, toConnection, type Connection } from '../../../../lib/graphql/relay';
import type { WorkoutRecord, WorkoutRepo } from '../workouts/workout.repo';
import { keyOf, parseKey } from '../workouts/workout.service';
import type { SocialGraphRepo } from './social-graph.repo';
import {
  asSeenBy,
  isOwner,
  maySee,
  STRANGERS,
  visibilitiesFor,
  type Relation,
  type ViewerId,
} from './visibility-policy';

export type WorkoutReadsService = ReturnType<typeof createWorkoutReadsService>;

const idOf = (viewer: Viewer | null): ViewerId => viewer?.userId ?? null;

/** Finds, lists and checks workouts for a viewer, applying the visibility policy to every read. */
export function createWorkoutReadsService(deps: {
  workouts: Pick<WorkoutRepo, 'findById' | 'listFinishedByUser'>;
  socialGraph: Pick<SocialGraphRepo, 'relationOf'>;
}) {
  /** The viewer's relation to an athlete (nothing to look up for anonymous or for the athlete themself). */
  const relationOf = (viewerId: ViewerId, athleteId: string): Promise<Relation> =>
    viewerId === null || viewerId === athleteId
      ? Promise.resolve(STRANGERS)
      : deps.socialGraph.relationOf(viewerId, athleteId);

  /** Whether the viewer may see the workout now (no query for its athlete). */
  const maySeeNow = async (viewer: Viewer | null, workout: WorkoutRecord): Promise<boolean> =>
    isOwner(idOf(viewer), workout) ||
    maySee(idOf(viewer), workout, await relationOf(idOf(viewer), workout.userId));

  /** The workout as the viewer may see it, or null (missing, not a UUID, or not theirs to see). */
  async function find(viewer: Viewer | null, id: string): Promise<WorkoutRecord | null> {
    if (!isUuid(id)) return null;
    const workout = await deps.workouts.findById(id);
    if (!workout || !(await maySeeNow(viewer, workout))) return null;
    return asSeenBy(idOf(viewer), workout);
  }

  return {
    find,

    /** As `find`, but a workout the viewer may not see answers NOT_FOUND, as one that does not exist. */
    async get(viewer: Viewer | null, id: string): Promise<WorkoutRecord> {
      if (!isUuid(id)) throw new BadUserInputError('id', 'id must be a workout id (a UUID).');
      const workout = await find(viewer, id);
      if (!workout) throw new NotFoundError('Workout', id);
      return workout;
    },

    /** Re-checks a workout read earlier (a child field, a live message): NOT_FOUND when no longer visible. */
    async check(viewer: Viewer | null, workout: WorkoutRecord): Promise<void> {
      if (isOwner(idOf(viewer), workout)) return;
      const current = await deps.workouts.findById(workout.id);
      if (!current || !(await maySeeNow(viewer, current))) throw new NotFoundError('Workout', workout.id);
    },

    /** Whether the viewer and the athlete have blocked each other (either way). */
    blocked: async (viewer: Viewer | null, athleteId: string): Promise<boolean> =>
      (await relationOf(idOf(viewer), athleteId)).blocked,

    /** A page of the athlete's finished workouts this viewer may see, newest first; none when blocked. */
    async listOf(
      viewer: Viewer | null,
      userId: string,
      first?: number | null,
      after?: string | null,
    ): Promise<Connection<WorkoutRecord>> {
      if (!isUuid(userId)) throw new BadUserInputError('userId', 'userId must be a user id (a UUID).');
      const page = pageArgs(first, after, parseKey);
      const visibilities = visibilitiesFor(idOf(viewer), userId, await relationOf(idOf(viewer), userId));
      const rows = visibilities.length
        ? await deps.workouts.listFinishedByUser(userId, visibilities, page.limit + 1, page.after)
        : [];
      const connection = toConnection(rows, page, keyOf);
      return {
        ...connection,
        edges: connection.edges.map((e) => ({ ...e, node: asSeenBy(idOf(viewer), e.node) })),
      };
    },
  };
}
