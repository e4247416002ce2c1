/** In-memory repositories with the behaviour of the real ones, for unit tests of the training services. */
import type { InTransaction } from '../../../lib/db/unit-of-work';
import type { EventEnvelope } from '../../../lib/events/envelope';
import type { OutboxWriter } from '../../../lib/events/outbox';
import type { ImportJobRecord, ImportJobRepo, NewImportJob } from './imports/import-job.repo';
import type { ImportedActivity } from './files/activity';
import {
  EMPTY_PROFILE,
  type TrainingProfile,
  type TrainingProfileRepo,
} from './profile/training-profile.repo';
import type { PersonalRecordRow, PersonalRecordsRepo } from './records/personal-records.repo';
import type { SamplesRepo, StoredSample } from './telemetry/samples.repo';
import type { TrainingRepos } from './training.repos';
import type { UserErasureRepo } from './erasure/user-erasure.repo';
import type { TrackPrivacyRepo } from './privacy/track-privacy.repo';
import { NO_TRACK_PRIVACY, type PrivacyZone } from './privacy/track-privacy';
import type { SocialGraphRepo } from './visibility/social-graph.repo';
import type { KnownGearRecord, KnownGearRepo } from './workouts/known-gear.repo';
import { aWorkoutRecord } from './workouts/workout.builders';
import type { WorkoutRecord, WorkoutRepo } from './workouts/workout.repo';

const newestFirst = (a: WorkoutRecord, b: WorkoutRecord) =>
  b.startedAt.getTime() - a.startedAt.getTime() || b.id.localeCompare(a.id);

export function fakeWorkoutRepo(): WorkoutRepo & { rows: WorkoutRecord[] } {
  const rows: WorkoutRecord[] = [];
  const page = (matching: WorkoutRecord[], limit: number, after: { startedAt: Date; id: string } | null) =>
    matching
      .sort(newestFirst)
      .filter(
        (r) =>
          !after || r.startedAt < after.startedAt || (+r.startedAt === +after.startedAt && r.id < after.id),
      )
      .slice(0, limit)
      .map((r) => ({ ...r }));
  return {
    rows,
    async insert(w) {
      const { bestEfforts: _bestEfforts, ...rest } = w;
      const sameActivity = (r: WorkoutRecord) =>
        r.userId === w.userId && w.device != null && r.device === w.device && +r.startedAt === +w.startedAt;
      if (rows.some((r) => r.id === w.id || sameActivity(r))) return null;
      const row = aWorkoutRecord(rest);
      rows.push(row);
      return { ...row };
    },
    findById: async (id) => {
      const row = rows.find((r) => r.id === id);
      return row ? { ...row } : null;
    },
    async update(id, expectedStatus, changes) {
      const row = rows.find((r) => r.id === id && [expectedStatus].flat().includes(r.status));
      if (!row) return null;
      const { bestEfforts: _bestEfforts, ...rest } = changes;
      Object.assign(row, rest);
      return { ...row };
    },
    async delete(id) {
      const index = rows.findIndex((r) => r.id === id);
      if (index < 0) return false;
      rows.splice(index, 1);
      return true;
    },
    idOfActivity: async (userId, device, startedAt) =>
      rows.find((r) => r.userId === userId && r.device === device && +r.startedAt === +startedAt)?.id ?? null,
    idsToRecompute: async (version, limit, after) =>
      rows
        .filter(
          (r) =>
            r.status === 'FINISHED' &&
            r.sampleCount > 0 &&
            (version === 'all' || r.metricsVersion !== version) &&
            (after === null || r.id > after),
        )
        .map((r) => r.id)
        .sort()
        .slice(0, limit),
    listByUser: async (userId, limit, after) =>
      page(
        rows.filter((r) => r.userId === userId),
        limit,
        after,
      ),
    listFinishedByUser: async (userId, visibilities, limit, after) =>
      page(
        rows.filter(
          (r) => r.userId === userId && visibilities.includes(r.visibility) && r.status === 'FINISHED',
        ),
        limit,
        after,
      ),
    listPublicByUser: async (userId, limit, after) =>
      page(
        rows.filter((r) => r.userId === userId && r.visibility === 'PUBLIC' && r.status === 'FINISHED'),
        limit,
        after,
      ),
  };
}

export function fakeKnownGear(gear: KnownGearRecord[] = []): KnownGearRepo & { rows: KnownGearRecord[] } {
  return {
    rows: gear,
    ofUser: async (userId) => gear.filter((g) => g.userId === userId).map((g) => ({ ...g })),
    async save(changed) {
      const row = {
        gearId: changed.gearId,
        userId: changed.userId,
        status: changed.status,
        defaultForSports: [...changed.defaultForSports],
      };
      const index = gear.findIndex((g) => g.gearId === changed.gearId);
      if (index < 0) gear.push(row);
      else gear[index] = row;
    },
  };
}

/** Stored samples per workout. */
export type FakeSamples = Map<string, StoredSample[]>;

/** The samples repository in memory: `stored` holds each workout's samples, `batches` the batches seen. */
export function fakeSamplesRepo(
  workouts: WorkoutRepo & { rows: WorkoutRecord[] },
): SamplesRepo & { stored: FakeSamples; batches: Set<string> } {
  const stored: FakeSamples = new Map();
  const batches = new Set<string>();
  const insert: SamplesRepo['insert'] = async (workoutId, rows) => {
    const kept = stored.get(workoutId) ?? [];
    const fresh = rows.filter((row) => !kept.some((s) => s.sequence === row.sequence));
    kept.push(...fresh.map(({ recordedAt, ...row }) => ({ ...row, time: recordedAt?.getTime() ?? null })));
    stored.set(workoutId, kept);
    return fresh.length;
  };
  return {
    stored,
    batches,
    insert,
    async storeBatch(workoutId, userId, batchId, rows) {
      const workout = workouts.rows.find((w) => w.id === workoutId);
      if (!workout || workout.userId !== userId) return null;
      batches.add(`${workoutId}:${batchId}`);
      const accepted = await insert(workoutId, rows);
      workout.sampleCount += accepted;
      return { accepted, sampleCount: workout.sampleCount, status: workout.status };
    },
    of: async (id) => [...(stored.get(id) ?? [])].sort((a, b) => a.sequence - b.sequence),
  };
}

export function fakeProfiles(): TrainingProfileRepo & { rows: Map<string, TrainingProfile> } {
  const rows = new Map<string, TrainingProfile>();
  return {
    rows,
    of: async (userId) => ({ ...(rows.get(userId) ?? EMPTY_PROFILE) }),
    async save(userId, profile) {
      rows.set(userId, { ...profile });
      return { ...profile };
    },
  };
}

/** Personal records per athlete (the real repository derives them from workouts and best efforts). */
export function fakeRecords(byUser: Map<string, PersonalRecordRow[]> = new Map()): PersonalRecordsRepo {
  return {
    of: async (userId, sport) =>
      (byUser.get(userId) ?? []).filter((r) => sport === null || r.sport === sport),
  };
}

export interface FakeImportJob extends ImportJobRecord {
  pendingKey: string | null;
  activity: ImportedActivity | null;
}

export function fakeImportJobRepo(clock: () => Date): ImportJobRepo & { rows: FakeImportJob[] } {
  const rows: FakeImportJob[] = [];
  const record = ({ pendingKey: _key, activity: _activity, ...job }: FakeImportJob): ImportJobRecord => ({
    ...job,
  });
  return {
    rows,
    async create(job: NewImportJob) {
      const pending = rows.find((r) => r.pendingKey === job.pendingKey);
      if (pending) return { created: false, job: record(pending) };
      const { activity, ...rest } = job;
      const row: FakeImportJob = {
        ...rest,
        activity,
        status: 'PENDING',
        format: activity.format,
        error: null,
        createdAt: new Date(clock().getTime() + rows.length),
      };
      rows.push(row);
      return { created: true, job: record(row) };
    },
    findOwn: async (userId, id) => {
      const row = rows.find((r) => r.id === id && r.userId === userId);
      return row ? record(row) : null;
    },
    listOwn: async (userId, limit) =>
      rows
        .filter((r) => r.userId === userId)
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
        .slice(0, limit)
        .map(record),
    async oldestPending() {
      const row = rows.find((r) => r.status === 'PENDING');
      return row ? { job: record(row), activity: row.activity! } : null;
    },
    lockPending: async (jobId) => rows.some((r) => r.id === jobId && r.status === 'PENDING'),
    async markDone(jobId) {
      Object.assign(
        rows.find((r) => r.id === jobId)!,
        { status: 'DONE', pendingKey: null, activity: null },
      );
    },
    async discard(id) {
      const index = rows.findIndex((r) => r.id === id && r.status !== 'DONE');
      if (index >= 0) rows.splice(index, 1);
    },
    async fail(id, error) {
      const row = rows.find((r) => r.id === id);
      if (row) Object.assign(row, { status: 'FAILED', error, pendingKey: null, activity: null });
    },
  };
}

/** Follows and blocks in memory, keyed `a>b`; the newest change of a pair wins, as in the real one. */
export function fakeSocialGraph(): SocialGraphRepo & {
  follows: Map<string, { on: boolean; at: Date }>;
  blocks: Map<string, { on: boolean; at: Date }>;
} {
  const follows = new Map<string, { on: boolean; at: Date }>();
  const blocks = new Map<string, { on: boolean; at: Date }>();
  const set = (pairs: typeof follows, a: string, b: string, on: boolean, at: Date) => {
    const current = pairs.get(`${a}>${b}`);
    if (!current || current.at <= at) pairs.set(`${a}>${b}`, { on, at });
  };
  return {
    follows,
    blocks,
    followAccepted: async (a, b, at) => set(follows, a, b, true, at),
    followRemoved: async (a, b, at) => set(follows, a, b, false, at),
    blocked: async (a, b, at) => set(blocks, a, b, true, at),
    unblocked: async (a, b, at) => set(blocks, a, b, false, at),
    relationOf: async (viewerId, athleteId) => ({
      follows: follows.get(`${viewerId}>${athleteId}`)?.on ?? false,
      blocked:
        (blocks.get(`${viewerId}>${athleteId}`)?.on ?? false) ||
        (blocks.get(`${athleteId}>${viewerId}`)?.on ?? false),
    }),
  };
}

/** Privacy zones and start/end trimming per athlete, in memory. */
export function fakeTrackPrivacy(): TrackPrivacyRepo & {
  zones: Map<string, PrivacyZone[]>;
  hideStartEnd: Map<string, number>;
} {
  const zones = new Map<string, PrivacyZone[]>();
  const hideStartEnd = new Map<string, number>();
  const zonesOf = async (userId: string) => [...(zones.get(userId) ?? [])];
  const hideStartEndOf = async (userId: string) =>
    hideStartEnd.get(userId) ?? NO_TRACK_PRIVACY.hideStartEndMeters;
  return {
    zones,
    hideStartEnd,
    zonesOf,
    hideStartEndOf,
    of: async (userId) => ({
      zones: await zonesOf(userId),
      hideStartEndMeters: await hideStartEndOf(userId),
    }),
    async addZone(userId, zone, max) {
      const own = zones.get(userId) ?? [];
      if (own.length >= max) return null;
      const added = { ...zone, createdAt: new Date() };
      zones.set(userId, [...own, added]);
      return { ...added };
    },
    async removeZone(userId, id) {
      const own = zones.get(userId) ?? [];
      zones.set(
        userId,
        own.filter((z) => z.id !== id),
      );
      return own.some((z) => z.id === id);
    },
    async setHideStartEnd(userId, meters) {
      hideStartEnd.set(userId, meters);
      return meters;
    },
  };
}

/** Records whose data was erased (the real repository deletes their rows). */
export function fakeErasure(): UserErasureRepo & { erased: string[] } {
  const erased: string[] = [];
  return { erased, eraseUser: async (userId) => void erased.push(userId) };
}

export function fakeOutbox(): OutboxWriter & { events: EventEnvelope[] } {
  const events: EventEnvelope[] = [];
  return { events, write: async (written) => void events.push(...written) };
}

/** Every training repository, in memory. */
export function fakeTrainingRepos(
  options: { gear?: KnownGearRecord[]; records?: Map<string, PersonalRecordRow[]>; now?: () => Date } = {},
) {
  const workouts = fakeWorkoutRepo();
  return {
    workouts,
    knownGear: fakeKnownGear(options.gear),
    samples: fakeSamplesRepo(workouts),
    profiles: fakeProfiles(),
    records: fakeRecords(options.records),
    importJobs: fakeImportJobRepo(options.now ?? (() => new Date('2026-11-20T08:00:00Z'))),
    socialGraph: fakeSocialGraph(),
    trackPrivacy: fakeTrackPrivacy(),
    erasure: fakeErasure(),
    outbox: fakeOutbox(),
  } satisfies TrainingRepos;
}

export type FakeTrainingRepos = ReturnType<typeof fakeTrainingRepos>;

/** Runs the work with the fakes themselves: a fake has nothing to roll back, so tests check effects of failures apart. */
export const fakeTransaction =
  <Repos>(repos: Repos): InTransaction<Repos> =>
  (work) =>
    work(repos);
