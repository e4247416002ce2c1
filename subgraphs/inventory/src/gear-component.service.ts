/** The components of an athlete's gear (chain, tyres, …): add, retire, and their wear from the gear's distance. */
import { v7 as uuidv7, validate as isUuid } from 'uuid';
import type { Viewer } from '../../../lib/auth/viewer';
import type { Clock } from '../../../lib/clock';
import { BadUserInputError, ConflictError, NotFoundError } from '../../../lib/errors/domain-error';
import { componentLifetimeFor, type ComponentKind } from './gear-defaults';
import { notInFuture, optionalText, wearLimit } from './gear-input';
import type { GearComponentRepo } from './gear-component.repo';
import { toComponent, totalDistance, type Gear, type GearComponent } from './gear-view';
import type { GearRecord, GearRepo } from './gear.repo';

export interface AddGearComponentInput {
  kind: ComponentKind;
  name?: string | null;
  expectedLifetimeMeters?: number | null;
  installedAt?: Date | null;
}

export type GearComponentService = ReturnType<typeof createGearComponentService>;

export function createGearComponentService(deps: {
  gear: Pick<GearRepo, 'findById'>;
  components: GearComponentRepo;
  clock: Clock;
}) {
  const { gear, components, clock } = deps;

  async function ownGear(viewer: Viewer, id: string, field: string): Promise<GearRecord | null> {
    if (!isUuid(id)) throw new BadUserInputError(field, `${field} must be a UUID.`);
    const found = await gear.findById(id);
    return found && found.userId === viewer.userId ? found : null;
  }

  function lifetime(kind: ComponentKind, given: number | null | undefined): number {
    const meters = componentLifetimeFor(kind, given);
    if (meters === null) {
      throw new BadUserInputError(
        'expectedLifetimeMeters',
        `Give the expected lifetime of an ${kind} component.`,
      );
    }
    return wearLimit('expectedLifetimeMeters', meters);
  }

  return {
    /** Installs a component on the viewer's active gear; its wear counts from the gear's distance now. */
    async add(viewer: Viewer, gearId: string, input: AddGearComponentInput): Promise<GearComponent> {
      const owner = await ownGear(viewer, gearId, 'gearId');
      if (!owner) throw new NotFoundError('Gear', gearId);
      if (owner.status === 'RETIRED') {
        throw new ConflictError(`Gear ${gearId} is retired: it takes no new components.`, { id: gearId });
      }
      const now = clock.now();
      const distance = totalDistance(owner);
      const added = await components.insert({
        id: uuidv7(),
        gearId,
        kind: input.kind,
        name: optionalText('name', input.name),
        expectedLifetimeMeters: lifetime(input.kind, input.expectedLifetimeMeters),
        gearDistanceAtInstallMeters: distance,
        installedAt: input.installedAt ? notInFuture('installedAt', input.installedAt, now) : now,
      });
      return toComponent(added, distance);
    },

    /** Retires a component of the viewer's gear; its distance stops at the gear's distance now. */
    async retire(viewer: Viewer, id: string): Promise<GearComponent> {
      if (!isUuid(id)) throw new BadUserInputError('id', 'id must be a component id (a UUID).');
      const component = await components.findById(id);
      const owner = component && (await ownGear(viewer, component.gearId, 'id'));
      if (!owner) throw new NotFoundError('GearComponent', id);
      const distance = totalDistance(owner);
      const retired = await components.retire(id, clock.now(), distance);
      if (retired === 'already-retired') {
        throw new ConflictError(`Component ${id} is already retired.`, { id });
      }
      return toComponent(retired, distance);
    },

    /** The components of each gear item (retired ones too), oldest first, in the order of `gears`. */
    async ofGears(gears: readonly Gear[]): Promise<GearComponent[][]> {
      const rows = await components.listByGears(gears.map((g) => g.id));
      return gears.map((g) =>
        rows.filter((c) => c.gearId === g.id).map((c) => toComponent(c, g.distanceMeters)),
      );
    },
  };
}
