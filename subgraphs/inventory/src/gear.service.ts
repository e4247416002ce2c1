/** An athlete's gear: add, change, retire, pick defaults per sport, read; only the owner sees it. */
import { v7 as uuidv7, validate as isUuid } from 'uuid';
import type { Viewer } from '../../../lib/auth/viewer';
import type { Clock } from '../../../lib/clock';
import type { InTransaction } from '../../../lib/db/unit-of-work';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
} from '../../../lib/errors/domain-error';
import { gearChanges, newGearDetails, type AddGearInput, type UpdateGearInput } from './gear-input';
import type { GearUsageRepo } from './gear-usage.repo';
import { toGear, type Gear } from './gear-view';
import { gearChanged, wearThresholdsReached } from './gear.publish';
import type { GearRecord, GearRepo } from './gear.repo';
import type { InventoryRepos } from './inventory.repos';
import type { Sport } from '../../../lib/sports';
import { recordWearThresholds } from './wear-thresholds';

export type GearService = ReturnType<typeof createGearService>;

/** What a change of gear writes in one transaction: the gear and its events. */
export type GearTx = Pick<InventoryRepos, 'gear' | 'outbox'>;

export function createGearService(deps: {
  gear: GearRepo;
  usages: Pick<GearUsageRepo, 'workoutCounts'>;
  inTransaction: InTransaction<GearTx>;
  clock: Clock;
  /** Called after a commit that wrote outbox rows (wakes the outbox relay). */
  notify: () => void;
}) {
  const { gear, usages, inTransaction, clock, notify } = deps;

  /** The viewer's own gear; anyone else's is reported as missing so its existence does not leak. */
  async function ownGear(repo: GearRepo, viewer: Viewer, id: string): Promise<GearRecord> {
    if (!isUuid(id)) throw new BadUserInputError('id', 'id must be a gear id (a UUID).');
    const found = await repo.findById(id);
    if (!found || found.userId !== viewer.userId) throw new NotFoundError('Gear', id);
    return found;
  }

  /** Runs a change and its events in one transaction; wakes the relay once it committed. */
  async function publishing<T>(work: (tx: GearTx) => Promise<T>): Promise<T> {
    const result = await inTransaction(work);
    notify();
    return result;
  }

  /**
   * Announces the gear as it now is, with every wear threshold it crossed (recorded first), as the viewer's
   * change.
   */
  async function announceChange({ gear: repo, outbox }: GearTx, changed: Gear, viewer: Viewer, now: Date) {
    const origin = { actorId: viewer.userId };
    const thresholds = await recordWearThresholds(repo, changed, now);
    await outbox.write([
      gearChanged(changed, origin),
      ...wearThresholdsReached(changed, thresholds, origin, now),
    ]);
  }

  return {
    get: async (viewer: Viewer, id: string): Promise<Gear> => toGear(await ownGear(gear, viewer, id)),

    async listOf(viewer: Viewer, userId: string, includeRetired?: boolean | null): Promise<Gear[]> {
      if (userId !== viewer.userId) throw new ForbiddenError('You can only list your own gear.');
      return (await gear.listByUser(userId, includeRetired ?? false)).map(toGear);
    },

    /** The viewer's gear among these ids (others' and unknown ids are left out). */
    async visibleByIds(viewer: Viewer, ids: readonly string[]): Promise<Gear[]> {
      const rows = await gear.findByIds(ids.filter((id) => isUuid(id)));
      return rows.filter((row) => row.userId === viewer.userId).map(toGear);
    },

    /**
     * When each gear item first reached the threshold its wear is at now, in the order of `gears`; null
     * below 80 %, and for gear added already past it before additions were announced (no record of when).
     */
    async wearThresholdReachedAt(gears: readonly Gear[]): Promise<(Date | null)[]> {
      const worn = gears.filter((g) => g.wearThresholdPercent !== null);
      const recorded = worn.length > 0 ? await gear.thresholdsOf(worn.map((g) => g.id)) : [];
      return gears.map(
        (g) =>
          recorded.find((t) => t.gearId === g.id && t.percent === g.wearThresholdPercent)?.reachedAt ?? null,
      );
    },

    workoutCounts: (gearIds: readonly string[]): Promise<number[]> => usages.workoutCounts(gearIds),

    async add(viewer: Viewer, input: AddGearInput): Promise<Gear> {
      const now = clock.now();
      const details = newGearDetails(input, now);
      return publishing(async (tx) => {
        const added = toGear(await tx.gear.insert({ id: uuidv7(), userId: viewer.userId, ...details }));
        // Worn gear brought to Pulse (a high initial distance) is announced now, as its status shows it.
        await announceChange(tx, added, viewer, now);
        return added;
      });
    },

    update: (viewer: Viewer, id: string, input: UpdateGearInput): Promise<Gear> =>
      publishing(async (tx) => {
        const now = clock.now();
        const current = await ownGear(tx.gear, viewer, id);
        const updated = toGear(await tx.gear.update(id, gearChanges(current, input, now)));
        // A lower retirement or a higher initial distance can take the gear over a threshold.
        await announceChange(tx, updated, viewer, now);
        return updated;
      }),

    retire: (viewer: Viewer, id: string): Promise<Gear> =>
      publishing(async ({ gear: repo, outbox }) => {
        await ownGear(repo, viewer, id);
        const retired = await repo.retire(id, clock.now());
        if (retired === 'already-retired') throw new ConflictError(`Gear ${id} is already retired.`, { id });
        const gearRetired = toGear(retired);
        await outbox.write([gearChanged(gearRetired, { actorId: viewer.userId })]);
        return gearRetired;
      }),

    /** Makes exactly these gear items the viewer's defaults for the sport; returns the new defaults. */
    setDefaults: (viewer: Viewer, sport: Sport, gearIds: readonly string[]): Promise<Gear[]> =>
      publishing(async ({ gear: repo, outbox }) => {
        const ids = [...new Set(gearIds)];
        const found = await repo.findByIds(ids.filter((id) => isUuid(id)));
        const usable = new Set(
          found.filter((g) => g.userId === viewer.userId && g.status === 'ACTIVE').map((g) => g.id),
        );
        const unusable = ids.filter((id) => !usable.has(id));
        if (unusable.length > 0) {
          throw new BadUserInputError(
            'gearIds',
            `gearIds must be ids of your active gear; not usable: ${unusable.join(', ')}.`,
          );
        }
        const changed = await repo.replaceDefaults(viewer.userId, sport, ids);
        const events = (await repo.findByIds(changed)).map((g) =>
          gearChanged(toGear(g), { actorId: viewer.userId }),
        );
        await outbox.write(events);
        return (await repo.listDefaults(viewer.userId, sport)).map(toGear);
      }),
  };
}
