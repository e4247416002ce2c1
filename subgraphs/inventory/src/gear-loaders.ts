/**
 * Batches the look-ups of one request: the gear of a page of workouts, and the components, workout
 * counts and wear-threshold times of a list of gear, each in one query instead of one per item.
 */
import DataLoader from 'dataloader';
import { requireViewer } from '../../../lib/auth/viewer';
import type { RequestContext } from '../../../lib/graphql/context';
import type { GearComponentService } from './gear-component.service';
import type { Gear, GearComponent } from './gear-view';
import type { GearService } from './gear.service';

export interface GearLoaders {
  /** The viewer's gear by id; null for unknown ids and anyone else's gear. */
  visibleGear: DataLoader<string, Gear | null>;
  components: DataLoader<Gear, GearComponent[], string>;
  workoutCount: DataLoader<string, number>;
  wearThresholdReachedAt: DataLoader<Gear, Date | null, string>;
}

export function createGearLoaders(deps: { gear: GearService; components: GearComponentService }) {
  const { gear, components } = deps;
  const perRequest = new WeakMap<RequestContext, GearLoaders>();
  return (ctx: RequestContext): GearLoaders => {
    let loaders = perRequest.get(ctx);
    if (!loaders) {
      loaders = {
        visibleGear: new DataLoader(async (ids) => {
          const found = new Map(
            (await gear.visibleByIds(requireViewer(ctx.viewer), ids)).map((g) => [g.id, g]),
          );
          return ids.map((id) => found.get(id) ?? null);
        }),
        components: new DataLoader((gears) => components.ofGears(gears), { cacheKeyFn: (g) => g.id }),
        workoutCount: new DataLoader((ids) => gear.workoutCounts(ids)),
        wearThresholdReachedAt: new DataLoader((gears) => gear.wearThresholdReachedAt(gears), {
          cacheKeyFn: (g) => g.id,
        }),
      };
      perRequest.set(ctx, loaders);
    }
    return loaders;
  };
}
