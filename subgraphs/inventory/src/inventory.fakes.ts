/** In-memory repositories with the behaviour of the real ones, for unit tests of the inventory services. */
import type { ConsumeOnce, InTransaction } from '../../../lib/db/unit-of-work';
import type { EventEnvelope } from '../../../lib/events/envelope';
import type { OutboxWriter } from '../../../lib/events/outbox';
import type { ComponentRecord, GearComponentRepo } from './gear-component.repo';
import type { GearUsageRepo } from './gear-usage.repo';
import type { GearRecord, GearRepo } from './gear.repo';
import type { Usage } from './workout-usage';

export interface FakeGearRepo extends GearRepo {
  rows: GearRecord[];
  /** When each `gearId:percent` was first recorded. */
  thresholds: Map<string, Date>;
}

/** An outbox that keeps the events written to it. */
export function fakeOutbox(): OutboxWriter & { events: EventEnvelope[] } {
  const events: EventEnvelope[] = [];
  return { events, write: async (written) => void events.push(...written) };
}

export function fakeGearRepo(): FakeGearRepo {
  const rows: GearRecord[] = [];
  const thresholds = new Map<string, Date>();
  const row = (id: string) => rows.find((r) => r.id === id);
  const copy = (r: GearRecord): GearRecord => ({ ...r, defaultForSports: [...r.defaultForSports] });
  const newestFirst = (a: GearRecord, b: GearRecord) =>
    b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id);
  return {
    rows,
    thresholds,
    findById: async (id) => (row(id) ? copy(row(id)!) : null),
    findByIds: async (ids) => rows.filter((r) => ids.includes(r.id)).map(copy),
    listByUser: async (userId, includeRetired) =>
      rows
        .filter((r) => r.userId === userId && (includeRetired || r.status === 'ACTIVE'))
        .sort(newestFirst)
        .map(copy),
    listDefaults: async (userId, sport) =>
      rows
        .filter((r) => r.userId === userId && r.status === 'ACTIVE' && r.defaultForSports.includes(sport))
        .sort(newestFirst)
        .map(copy),
    async insert(gear) {
      const created: GearRecord = {
        ...gear,
        status: 'ACTIVE',
        retiredAt: null,
        creditedDistanceMeters: 0,
        creditedMovingSeconds: 0,
        defaultForSports: [],
        createdAt: new Date(Date.UTC(2026, 0, 1) + rows.length * 1000),
      };
      rows.push(created);
      return copy(created);
    },
    async update(id, changes) {
      Object.assign(row(id)!, changes);
      return copy(row(id)!);
    },
    async retire(id, at) {
      const r = row(id)!;
      if (r.status !== 'ACTIVE') return 'already-retired';
      Object.assign(r, { status: 'RETIRED', retiredAt: at, defaultForSports: [] });
      return copy(r);
    },
    async replaceDefaults(userId, sport, gearIds) {
      const changed: string[] = [];
      for (const r of rows.filter((g) => g.userId === userId)) {
        const has = r.defaultForSports.includes(sport);
        const wanted = gearIds.includes(r.id) && r.status === 'ACTIVE';
        if (has && !wanted) r.defaultForSports = r.defaultForSports.filter((s) => s !== sport);
        if (!has && wanted) r.defaultForSports = [...r.defaultForSports, sport];
        if (has !== wanted) changed.push(r.id);
      }
      return changed.sort();
    },
    async credit(id, distanceMeters, movingSeconds) {
      const r = row(id)!;
      r.creditedDistanceMeters += distanceMeters;
      r.creditedMovingSeconds += movingSeconds;
      return copy(r);
    },
    async recordThreshold(gearId, percent, reachedAt) {
      const key = `${gearId}:${percent}`;
      if (thresholds.has(key)) return false;
      thresholds.set(key, reachedAt);
      return true;
    },
    thresholdsOf: async (gearIds) =>
      [...thresholds].flatMap(([key, reachedAt]) => {
        const [gearId, percent] = key.split(':') as [string, string];
        return gearIds.includes(gearId) ? [{ gearId, percent: Number(percent), reachedAt }] : [];
      }),
  };
}

/** Runs the work with the fakes themselves: a fake has nothing to roll back, so tests check effects of failures apart. */
export const fakeTransaction =
  <Repos>(repos: Repos): InTransaction<Repos> =>
  (work) =>
    work(repos);

/** consumeOnce over the fakes: remembers the event ids it applied and skips them the second time. */
export function fakeConsumeOnce<Repos>(repos: Repos): ConsumeOnce<Repos> & { applied: Set<string> } {
  const applied = new Set<string>();
  const consumeOnce = async (eventId: string, work: (repos: Repos) => Promise<void>) => {
    if (applied.has(eventId)) return 'duplicate' as const;
    await work(repos);
    applied.add(eventId);
    return 'applied' as const;
  };
  return Object.assign(consumeOnce, { applied });
}

/** What each workout credited to each gear item, and the workouts training deleted. */
export function fakeGearUsageRepo(gear: FakeGearRepo): GearUsageRepo & {
  rows: (Usage & { workoutId: string; userId: string })[];
  deleted: Set<string>;
} {
  const rows: (Usage & { workoutId: string; userId: string })[] = [];
  const deleted = new Set<string>();
  const at = (workoutId: string, gearId: string) =>
    rows.findIndex((r) => r.workoutId === workoutId && r.gearId === gearId);
  return {
    rows,
    deleted,
    isDeleted: async (workoutId) => deleted.has(workoutId),
    markDeleted: async (workoutId) => void deleted.add(workoutId),
    usagesOfWorkout: async (workoutId) =>
      rows
        .filter((r) => r.workoutId === workoutId)
        .map(({ gearId, distanceMeters, movingSeconds }) => ({ gearId, distanceMeters, movingSeconds })),
    ownGearIds: async (userId, gearIds) =>
      new Set(gear.rows.filter((g) => g.userId === userId && gearIds.includes(g.id)).map((g) => g.id)),
    insert: async (workoutId, userId, usage) => void rows.push({ ...usage, workoutId, userId }),
    update: async (workoutId, usage) => void Object.assign(rows[at(workoutId, usage.gearId)]!, usage),
    delete: async (workoutId, gearId) => void rows.splice(at(workoutId, gearId), 1),
    workoutCounts: async (gearIds) => gearIds.map((id) => rows.filter((r) => r.gearId === id).length),
  };
}

/** Every inventory repository as an in-memory fake (the shape of `inventoryRepos(tx)`). */
export function fakeInventoryRepos() {
  const gear = fakeGearRepo();
  return {
    gear,
    components: fakeGearComponentRepo(),
    usages: fakeGearUsageRepo(gear),
    outbox: fakeOutbox(),
  };
}

export function fakeGearComponentRepo(): GearComponentRepo & { rows: ComponentRecord[] } {
  const rows: ComponentRecord[] = [];
  return {
    rows,
    findById: async (id) => rows.find((r) => r.id === id) ?? null,
    listByGears: async (gearIds) => rows.filter((r) => gearIds.includes(r.gearId)),
    async insert(component) {
      const created = { ...component, retiredAt: null, gearDistanceAtRetirementMeters: null };
      rows.push(created);
      return { ...created };
    },
    async retire(id, at, gearDistanceMeters) {
      const r = rows.find((c) => c.id === id)!;
      if (r.retiredAt) return 'already-retired';
      Object.assign(r, { retiredAt: at, gearDistanceAtRetirementMeters: gearDistanceMeters });
      return { ...r };
    },
  };
}
