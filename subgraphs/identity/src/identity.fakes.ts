/** In-memory repositories with the behaviour of the real ones, for unit tests of the identity services. */
import type { InTransaction } from '../../../lib/db/unit-of-work';
import type { EventEnvelope } from '../../../lib/events/envelope';
import type { OutboxWriter } from '../../../lib/events/outbox';
import type { LoginThrottleRepo } from './login-throttle.repo';
import type { RefreshTokenRecord, RefreshTokenRepo } from './refresh-token.repo';
import type { SigningKeyRecord, SigningKeyRepo } from './signing-key.repo';
import type { UserRecord, UserRepo } from './user.repo';
import type { ThrottleState } from './login-throttle';

export function fakeUserRepo(): UserRepo & { rows: UserRecord[] } {
  const rows: UserRecord[] = [];
  return {
    rows,
    async create(user) {
      if (rows.some((r) => r.email === user.email)) return 'email-taken';
      const row = { ...user, status: 'ACTIVE' as const, createdAt: new Date() };
      rows.push(row);
      return row;
    },
    findByEmail: async (email) => rows.find((r) => r.email === email) ?? null,
    findById: async (id) => rows.find((r) => r.id === id) ?? null,
    findByIds: async (ids) => rows.filter((r) => ids.includes(r.id)),
    async setTimeZone(id, timeZone) {
      const row = rows.find((r) => r.id === id);
      if (row) row.timeZone = timeZone;
      return row ?? null;
    },
  };
}

export function fakeRefreshTokenRepo(): RefreshTokenRepo & { rows: RefreshTokenRecord[] } {
  const rows: RefreshTokenRecord[] = [];
  const add = (t: Omit<RefreshTokenRecord, 'createdAt' | 'usedAt' | 'revokedAt'>) =>
    rows.push({ ...t, createdAt: new Date(), usedAt: null, revokedAt: null });
  return {
    rows,
    insert: async (t) => void add(t),
    findByHash: async (hash) => rows.find((r) => r.tokenHash === hash) ?? null,
    async rotate(oldId, next, now) {
      const old = rows.find((r) => r.id === oldId);
      if (!old || old.usedAt || old.revokedAt) return false;
      old.usedAt = now;
      add(next);
      return true;
    },
    async revokeFamily(familyId, now) {
      const live = rows.filter((r) => r.familyId === familyId && !r.revokedAt);
      for (const r of live) r.revokedAt = now;
      return live.length;
    },
  };
}

export function fakeLoginThrottleRepo(): LoginThrottleRepo {
  const rows = new Map<string, ThrottleState>();
  return {
    get: async (key) => rows.get(JSON.stringify(key)) ?? null,
    save: async (key, state) => void rows.set(JSON.stringify(key), state),
    clear: async (key) => void rows.delete(JSON.stringify(key)),
  };
}

export function fakeSigningKeyRepo(): SigningKeyRepo {
  const rows: SigningKeyRecord[] = [];
  return {
    active: async () => [...rows].reverse(),
    insert: async (key) => void rows.push({ ...key, createdAt: new Date() }),
  };
}

/** An outbox that keeps the events written to it. */
export function fakeOutbox(): OutboxWriter & { events: EventEnvelope[] } {
  const events: EventEnvelope[] = [];
  return { events, write: async (written) => void events.push(...written) };
}

/** Runs the work with the fakes themselves: a fake has nothing to roll back. */
export const fakeTransaction =
  <Repos>(repos: Repos): InTransaction<Repos> =>
  (work) =>
    work(repos);
