/**
 * A unit of work the database could not take in time (lib/db/unit-of-work.ts): Prisma rolls it back, and the
 * shared error formatter answers SERVICE_UNAVAILABLE (send it again) instead of INTERNAL_SERVER_ERROR. Checked
 * against Prisma's real errors, on each database kind, with inventory's client as any context's.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { GraphQLError } from 'graphql';
import { pino } from 'pino';
import { inTransaction } from '../../../lib/db/unit-of-work';
import { createErrorFormatter } from '../../../lib/errors/format-error';
import { availableDatabaseKinds } from '../../../lib/testing/test-databases';
import { inventoryRepos } from './inventory.repos';
import { openTestInventory, type TestInventory } from './inventory.test-db';

const format = createErrorFormatter(pino({ level: 'silent' }));
const asClientSees = (error: unknown) => {
  const thrown = new GraphQLError('resolver failed', { originalError: error as Error, path: ['addGear'] });
  return format({ message: thrown.message, path: ['addGear'] }, thrown);
};
const shoes = (userId: string) => ({
  id: randomUUID(),
  userId,
  kind: 'SHOES' as const,
  brand: 'Brooks',
  model: 'Ghost',
  nickname: null,
  purchaseDate: null,
  initialDistanceMeters: 0,
  retirementDistanceMeters: 800_000,
});

describe.each(availableDatabaseKinds())('a unit of work the database cannot take in time, on %s', (kind) => {
  let inventory: TestInventory;
  beforeAll(async () => {
    inventory = await openTestInventory(kind);
  });
  afterAll(() => inventory.close());

  it('that ran past its timeout is rolled back and answered SERVICE_UNAVAILABLE', async () => {
    const gear = shoes(randomUUID());
    const failure = await inTransaction(inventory.prisma, inventoryRepos, { timeout: 100 })(async (repos) => {
      await repos.gear.insert(gear);
      await sleep(400);
      return repos.gear.findByIds([gear.id]);
    }).catch((error: unknown) => error);

    expect(asClientSees(failure)).toEqual({
      message: expect.stringMatching(/^Pulse is too busy to save this now: nothing of it was written/),
      path: ['addGear'],
      locations: undefined,
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 },
    });
    expect(await inventory.repo.findByIds([gear.id])).toEqual([]);
  });

  it('that could not start while others held the database is answered SERVICE_UNAVAILABLE', async () => {
    // More transactions held open than any test pool has connections (the embedded database has one turn).
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holders = Array.from({ length: 12 }, () =>
      inTransaction(inventory.prisma, inventoryRepos, { maxWait: 5_000, timeout: 10_000 })(async (repos) => {
        await repos.gear.findByIds([randomUUID()]);
        await held;
      }),
    );
    await sleep(500);
    const gear = shoes(randomUUID());
    const failure = await inTransaction(inventory.prisma, inventoryRepos, { maxWait: 50 })((repos) =>
      repos.gear.insert(gear),
    ).catch((error: unknown) => error);
    release();
    await Promise.allSettled(holders);

    expect(asClientSees(failure).extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 });
    expect(await inventory.repo.findByIds([gear.id])).toEqual([]);
  });
});
