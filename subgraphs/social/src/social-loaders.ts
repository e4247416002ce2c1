/**
 * Batches the look-ups of one request, as the viewer sees them: profiles (visibility and blocks applied),
 * relations, workouts (only those the viewer may see), kudos and photos — one query each per page instead
 * of one per item.
 */
import DataLoader from 'dataloader';
import type { RequestContext } from '../../../lib/graphql/context';
import { canSeeWorkout, type Relation } from './access/audience';
import type { MediaRecord } from './media/media.repo';
import type { ProfileRecord } from './profiles/profile.repo';
import type { ProfileService } from './profiles/profile.service';
import type { KudosView, ReactionsService } from './reactions/reactions.service';
import type { SocialRepos } from './social.repos';
import type { WorkoutRecord } from './workouts/workout.repo';

export interface SocialLoaders {
  profile: DataLoader<string, ProfileRecord | null>;
  relation: DataLoader<string, Relation>;
  workout: DataLoader<string, WorkoutRecord | null>;
  kudos: DataLoader<string, KudosView | null>;
  photos: DataLoader<string, MediaRecord[]>;
  media: DataLoader<string, MediaRecord | null>;
}

export function createSocialLoaders(deps: {
  repos: SocialRepos;
  profiles: Pick<ProfileService, 'visibleTo'>;
  reactions: Pick<ReactionsService, 'kudosOf'>;
}) {
  const { repos } = deps;
  const perRequest = new WeakMap<RequestContext, SocialLoaders>();
  return (ctx: RequestContext): SocialLoaders => {
    let loaders = perRequest.get(ctx);
    if (loaders) return loaders;
    const viewerId = ctx.viewer?.userId ?? null;
    const relation: SocialLoaders['relation'] = new DataLoader(async (ids) => {
      const found = await repos.relations.relationsTo(viewerId, ids);
      return ids.map((id) => found.get(id)!);
    });
    const workout: SocialLoaders['workout'] = new DataLoader(async (ids) => {
      const found = new Map((await repos.workouts.findMany(ids)).map((w) => [w.id, w]));
      return Promise.all(
        ids.map(async (id) => {
          const w = found.get(id);
          return w && canSeeWorkout(await relation.load(w.userId), w.visibility) ? w : null;
        }),
      );
    });
    loaders = {
      relation,
      workout,
      profile: new DataLoader(async (ids) => {
        const found = await deps.profiles.visibleTo(viewerId, ids);
        return ids.map((id) => found.get(id) ?? null);
      }),
      kudos: new DataLoader(async (ids) => {
        const visible = (await workout.loadMany(ids)).filter(
          (w): w is WorkoutRecord => !!w && !(w instanceof Error),
        );
        const views = new Map((await deps.reactions.kudosOf(viewerId, visible)).map((k) => [k.workoutId, k]));
        return ids.map((id) => views.get(id) ?? null);
      }),
      photos: new DataLoader(async (ids) => {
        const rows = await repos.media.photosOf(ids);
        return ids.map((id) => rows.filter((row) => row.workoutId === id));
      }),
      media: new DataLoader(async (ids) => {
        const found = new Map((await repos.media.findMany(ids)).map((m) => [m.id, m]));
        return ids.map((id) => found.get(id) ?? null);
      }),
    };
    perRequest.set(ctx, loaders);
    return loaders;
  };
}
