/** In-memory repositories with the behaviour of the real ones, for unit tests of the inventory services. */
import type { EventEnvelope } from '../../../lib/events/envelope';
import type { ComponentRecord, GearComponentRepo } from './gear-component.repo';
import type { GearRecord, GearRepo } from './gear.repo';
import type { InTransaction } from './inventory.prisma';

export interface FakeGearRepo extends GearRepo {
  rows: GearRecord[];
  /** When each `gearId:percent` was first recorded. */
  thresholds: Map<string, Date>;
  outbox: EventEnvelope[];
}

export function fakeGearRepo(): FakeGearRepo {
  const rows: GearRecord[] = [];
  const thresholds = new Map<string, Date>();
  const outbox: EventEnvelope[] = [];
  const row = (id: string) => rows.find((r) => r.id === id);
  const copy = (r: GearRecord): GearRecord => ({ ...r, defaultForSports: [...r.defaultForSports] });
  const newestFirst = (a: GearRecord, b: GearRecord) =>
    b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id);
  return {
    rows,
    thresholds,
    outbox,
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
    appendEvents: async (events) => void outbox.push(...events),
  };
}

/** Runs the work with the fake itself: a fake has nothing to roll back, so tests check effects of failures apart. */
export const fakeTransaction =
  <Repos>(repos: Repos): InTransaction<Repos> =>
  (work) =>
    work(repos);

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
