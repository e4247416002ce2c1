/**
 * Which member of a consumer group handles which partition of a topic, for the Redis Streams adapter:
 * per-key order across processes needs one partition handled by one member at a time (Kafka's partition
 * assignment). A member holds a partition through a lease, a key set with `SET NX PX` to its id that its
 * heartbeat renews; the group's live members are a sorted set scored by their last heartbeat, on Redis's
 * clock so that the processes' clocks do not matter. Each member holds at most
 * ceil(partitions / live members) and gives back its extras, so that a newcomer gets a share; a member
 * that stops heartbeating (killed) drops out of the set and loses its leases once they expire.
 */
import type Redis from 'ioredis';
import type { ChainableCommander } from 'ioredis';
import type { StreamKeys } from './redis-stream-messages';

// KEYS[1]: the live members; KEYS[2..]: the leases of partitions 0, 1, … ARGV: the member, the TTL in ms.
// Registers the member, forgets members silent for a TTL, renews the member's leases, and tells who holds what.
const HEARTBEAT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local ttl = tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - ttl)
redis.call('PEXPIRE', KEYS[1], ttl * 2)
local owners = {}
for i = 2, #KEYS do
  local owner = redis.call('GET', KEYS[i])
  if owner == ARGV[1] then redis.call('PEXPIRE', KEYS[i], ttl) end
  owners[i - 1] = owner or ''
end
return { redis.call('ZCARD', KEYS[1]), owners }`;

// KEYS: leases. ARGV[1]: the member. Deletes those the member still holds (never another member's).
const RELEASE = `
local released = 0
for i = 1, #KEYS do
  if redis.call('GET', KEYS[i]) == ARGV[1] then released = released + redis.call('DEL', KEYS[i]) end
end
return released`;

interface LeaseScripts {
  pulseLeaseHeartbeat(keyCount: number, ...keysAndArgs: (string | number)[]): Promise<[number, string[]]>;
  pulseLeaseRelease(keyCount: number, ...keysAndArgs: string[]): Promise<number>;
}

export type LeaseClient = Redis & LeaseScripts;

/** Teaches `client` the lease scripts (sent once, then called by their digest). */
export function withLeaseScripts<C extends Redis>(client: C): C & LeaseScripts {
  client.defineCommand('pulseLeaseHeartbeat', { lua: HEARTBEAT });
  client.defineCommand('pulseLeaseRelease', { lua: RELEASE });
  return client as C & LeaseScripts;
}

/** The most partitions one member holds: every partition has a holder once each live member takes its share. */
export function leaseQuotaOf(partitions: number, liveMembers: number): number {
  return Math.ceil(partitions / Math.max(1, liveMembers));
}

/** What a heartbeat saw: how many members are alive, and who holds each partition ('' for nobody). */
export interface LeaseView {
  live: number;
  owners: string[];
}

export interface LeasePlan {
  /** Free partitions to try to take. */
  take: number[];
  /** Partitions held beyond the quota: stop their workers, then give them back. */
  release: number[];
  /** Partitions with a worker but no longer held (the lease expired): stop the worker at once. */
  lost: number[];
  /** Partitions held without a worker (a take whose reply was lost): start one. */
  adopt: number[];
}

/** What member `me`, running workers for `running` and giving back `releasing`, should do after a heartbeat. */
export function planLeases(
  view: LeaseView,
  me: string,
  running: ReadonlySet<number>,
  releasing: ReadonlySet<number>,
): LeasePlan {
  const quota = leaseQuotaOf(view.owners.length, view.live);
  const held = view.owners
    .flatMap((owner, partition) => (owner === me && !releasing.has(partition) ? [partition] : []))
    // Partitions with a worker are kept first: giving one back waits for the message in hand.
    .sort((a, b) => Number(running.has(b)) - Number(running.has(a)) || a - b);
  const free = view.owners.flatMap((owner, partition) => (owner === '' ? [partition] : []));
  const kept = held.slice(0, quota);
  return {
    take: free.slice(0, Math.max(0, quota - held.length)),
    release: held.slice(quota),
    lost: [...running].filter((partition) => view.owners[partition] !== me),
    adopt: kept.filter((partition) => !running.has(partition)),
  };
}

export interface LeaseScope {
  keys: StreamKeys;
  topic: string;
  group: string;
  partitions: number;
  member: string;
  ttlMs: number;
}

/** The leases of one member on one topic's partitions. */
export function partitionLeasesOf(client: LeaseClient, scope: LeaseScope) {
  const { keys, topic, group, member, ttlMs } = scope;
  const members = keys.members(topic, group);
  const leaseOf = (partition: number) => keys.lease(topic, group, partition);
  const all = Array.from({ length: scope.partitions }, (_, partition) => partition);

  return {
    async heartbeat(): Promise<LeaseView> {
      const leases = all.map(leaseOf);
      const [live, owners] = await client.pulseLeaseHeartbeat(
        1 + leases.length,
        members,
        ...leases,
        member,
        ttlMs,
      );
      return { live, owners };
    },
    /** Tries to take free partitions; resolves to those taken. */
    async take(partitions: number[]): Promise<number[]> {
      if (partitions.length === 0) return [];
      const pipeline = client.pipeline();
      for (const partition of partitions) pipeline.set(leaseOf(partition), member, 'PX', ttlMs, 'NX');
      const replies = (await pipeline.exec()) ?? [];
      return partitions.filter((_, i) => replies[i]?.[1] === 'OK');
    },
    async release(partitions: number[]): Promise<void> {
      if (partitions.length > 0)
        await client.pulseLeaseRelease(partitions.length, ...partitions.map(leaseOf), member);
    },
    /** Leaves the group on this topic: gives back every lease and the place among the live members at once. */
    async leave(): Promise<void> {
      const leases = all.map(leaseOf);
      const transaction = client.multi() as ChainableCommander & {
        pulseLeaseRelease(keyCount: number, ...keysAndArgs: string[]): ChainableCommander;
      };
      const replies = await transaction
        .pulseLeaseRelease(leases.length, ...leases, member)
        .zrem(members, member)
        .exec();
      const failure = replies?.find(([error]) => error)?.[0];
      if (failure) throw failure;
    },
  };
}
