/** GraphQL adapters of the inventory context: parse arguments, call one service method, map the result. */
import { requireViewer } from '../../../lib/auth/viewer';
import { DateTime, Duration } from '../../../lib/graphql/scalars';
import type { Resolvers } from './__generated__/resolvers-types';
import type { GearComponentService } from './gear-component.service';
import { createGearLoaders } from './gear-loaders';
import type { Gear } from './gear-view';
import type { GearService } from './gear.service';

export function createResolvers(deps: { gear: GearService; components: GearComponentService }): Resolvers {
  const { gear, components } = deps;
  const loaders = createGearLoaders(deps);
  return {
    DateTime,
    Duration,
    Query: {
      myGear: (_root, args, ctx) => {
        const viewer = requireViewer(ctx.viewer);
        return gear.listOf(viewer, viewer.userId, args.includeRetired);
      },
      gear: (_root, args, ctx) => gear.get(requireViewer(ctx.viewer), args.id),
    },
    Mutation: {
      addGear: (_root, args, ctx) => gear.add(requireViewer(ctx.viewer), args.input),
      updateGear: (_root, args, ctx) => gear.update(requireViewer(ctx.viewer), args.id, args.input),
      retireGear: (_root, args, ctx) => gear.retire(requireViewer(ctx.viewer), args.id),
      setDefaultGear: (_root, args, ctx) =>
        gear.setDefaults(requireViewer(ctx.viewer), args.sport, args.gearIds),
      addGearComponent: (_root, args, ctx) =>
        components.add(requireViewer(ctx.viewer), args.gearId, args.input),
      retireGearComponent: (_root, args, ctx) => components.retire(requireViewer(ctx.viewer), args.id),
    },
    Gear: {
      __resolveReference: (ref, ctx) => gear.get(requireViewer(ctx.viewer), ref.id),
      components: async (item, args, ctx) =>
        (await loaders(ctx).components.load(item)).filter((c) => args.includeRetired || !c.retiredAt),
      workoutCount: (item, _args, ctx) => loaders(ctx).workoutCount.load(item.id),
      wearThresholdReachedAt: (item, _args, ctx) => loaders(ctx).wearThresholdReachedAt.load(item),
    },
    Workout: {
      gear: async (workout, _args, ctx) => {
        requireViewer(ctx.viewer);
        const found = await loaders(ctx).visibleGear.loadMany(workout.gearIds);
        const failed = found.find((g) => g instanceof Error);
        if (failed) throw failed;
        return found.filter((g): g is Gear => g !== null);
      },
    },
    User: {
      __resolveReference: (ref) => ({ id: ref.id }),
      gear: (user, args, ctx) => gear.listOf(requireViewer(ctx.viewer), user.id, args.includeRetired),
    },
  };
}
