import { v7 as uuidv7 } from 'uuid';
import type { Viewer } from '../../../lib/auth/viewer';
import { addShoes } from './gear.builders';
import { createGearService } from './gear.service';
import type { EventEnvelope } from '../../../lib/events/envelope';
import { fakeInventoryRepos, fakeTransaction } from './inventory.fakes';

const NOW = new Date('2026-11-20T08:00:00Z');
const ann: Viewer = { userId: uuidv7(), roles: ['ATHLETE'] };
const bob: Viewer = { userId: uuidv7(), roles: ['ATHLETE'] };

function newTestGear() {
  const repos = fakeInventoryRepos();
  const repo = repos.gear;
  let notified = 0;
  let now = NOW;
  const gear = createGearService({
    gear: repo,
    usages: { workoutCounts: async (ids) => ids.map(() => 0) },
    inTransaction: fakeTransaction(repos),
    clock: { now: () => now },
    notify: () => void (notified += 1),
  });
  return {
    gear,
    repo,
    outbox: repos.outbox.events,
    notifications: () => notified,
    setNow: (at: Date) => void (now = at),
  };
}

const changedEvents = (outbox: EventEnvelope[]) =>
  outbox.filter((e) => e.type === 'inventory.gear.changed').map((e) => e.data);

describe('addGear', () => {
  it('gives shoes a 700 km retirement distance, publishes the change and wakes the relay', async () => {
    const { gear, outbox, notifications } = newTestGear();
    const shoes = await gear.add(ann, { kind: 'SHOES', brand: ' Brooks ', model: 'Ghost 16' });
    expect(shoes).toMatchObject({
      userId: ann.userId,
      name: 'Brooks Ghost 16',
      brand: 'Brooks',
      retirementDistanceMeters: 700_000,
      distanceMeters: 0,
      wearPercent: 0,
      status: 'ACTIVE',
    });
    expect(changedEvents(outbox)).toEqual([
      { gearId: shoes.id, userId: ann.userId, kind: 'SHOES', status: 'ACTIVE', defaultForSports: [] },
    ]);
    expect(notifications()).toBe(1);
  });

  it('gives a bike no retirement distance, and keeps one that is given', async () => {
    const { gear } = newTestGear();
    expect((await gear.add(ann, { kind: 'BIKE', nickname: 'Red' })).retirementDistanceMeters).toBeNull();
    const skis = await gear.add(ann, {
      kind: 'OTHER',
      nickname: 'Skis',
      retirementDistanceMeters: 2_000_000,
    });
    expect(skis.retirementDistanceMeters).toBe(2_000_000);
  });

  it.each([
    ['nickname', { brand: ' ', model: null }],
    ['purchaseDate', { nickname: 'x', purchaseDate: new Date('2026-11-22T08:00:00Z') }],
    ['initialDistanceMeters', { nickname: 'x', initialDistanceMeters: -1 }],
    ['initialDistanceMeters', { nickname: 'x', initialDistanceMeters: 10_000_001 }],
    ['retirementDistanceMeters', { nickname: 'x', retirementDistanceMeters: 0 }],
    // The smallest double: wear (distance ÷ limit) would be Infinity on every read of the gear.
    ['retirementDistanceMeters', { nickname: 'x', retirementDistanceMeters: 5e-324 }],
    ['retirementDistanceMeters', { nickname: 'x', retirementDistanceMeters: 999 }],
    ['retirementDistanceMeters', { nickname: 'x', retirementDistanceMeters: 100_000_001 }],
    ['brand', { brand: 'b'.repeat(101) }],
  ])('refuses a bad %s and stores nothing', async (field, input) => {
    const { gear, repo } = newTestGear();
    await expect(gear.add(ann, { kind: 'SHOES', ...input })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field },
    });
    expect(repo.rows).toEqual([]);
  });

  it('announces the wear thresholds of gear brought to Pulse already worn, as its status shows', async () => {
    const { gear, outbox } = newTestGear();
    const shoes = await gear.add(ann, { kind: 'SHOES', nickname: 'Old', initialDistanceMeters: 600_000 });
    expect(shoes).toMatchObject({ wearStatus: 'REPLACE_SOON', wearThresholdPercent: 80 });
    expect(outbox.map((e) => [e.type, e.data])).toEqual([
      ['inventory.gear.changed', expect.anything()],
      ['inventory.gear.wear-threshold-reached', expect.objectContaining({ thresholdPercent: 80 })],
    ]);
    expect(await gear.wearThresholdReachedAt([shoes])).toEqual([NOW]);
  });

  it('accepts a purchase date of "today" east of UTC', async () => {
    const { gear } = newTestGear();
    const purchaseDate = new Date('2026-11-21T00:00:00+14:00');
    expect((await gear.add(ann, { kind: 'SHOES', nickname: 'x', purchaseDate })).purchaseDate).toEqual(
      purchaseDate,
    );
  });
});

describe('updateGear', () => {
  it('changes the fields given, removes those sent as null, keeps the rest', async () => {
    const { gear } = newTestGear();
    const shoes = await gear.add(ann, { kind: 'SHOES', brand: 'Brooks', model: 'Ghost', nickname: 'Old' });
    const updated = await gear.update(ann, shoes.id, { nickname: null, model: 'Ghost 16' });
    expect(updated).toMatchObject({
      brand: 'Brooks',
      model: 'Ghost 16',
      nickname: null,
      name: 'Brooks Ghost 16',
    });
  });

  it('refuses to remove the last of brand, model and nickname, or the kind', async () => {
    const { gear } = newTestGear();
    const shoes = await gear.add(ann, { kind: 'SHOES', nickname: 'Old' });
    await expect(gear.update(ann, shoes.id, { nickname: null })).rejects.toMatchObject({
      details: { field: 'nickname' },
    });
    await expect(gear.update(ann, shoes.id, { kind: null })).rejects.toMatchObject({
      details: { field: 'kind' },
    });
  });

  it('reports the thresholds a lower retirement distance makes the gear reach', async () => {
    const { gear, outbox } = newTestGear();
    const shoes = await gear.add(ann, { kind: 'SHOES', nickname: 'Old', initialDistanceMeters: 450_000 });
    await gear.update(ann, shoes.id, { retirementDistanceMeters: 500_000 });
    expect(outbox.map((e) => e.type)).toEqual([
      'inventory.gear.changed',
      'inventory.gear.changed',
      'inventory.gear.wear-threshold-reached',
    ]);
  });

  it("treats someone else's gear as not found", async () => {
    const { gear } = newTestGear();
    const shoes = await gear.add(ann, { kind: 'SHOES', nickname: 'Old' });
    await expect(gear.update(bob, shoes.id, { nickname: 'Mine' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(gear.get(bob, shoes.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('retireGear', () => {
  it('retires the gear, drops it from its defaults and publishes the change; twice is a conflict', async () => {
    const { gear, outbox } = newTestGear();
    const shoes = await gear.add(ann, { kind: 'SHOES', nickname: 'Old' });
    await gear.setDefaults(ann, 'RUN', [shoes.id]);
    const retired = await gear.retire(ann, shoes.id);
    expect(retired).toMatchObject({ status: 'RETIRED', retiredAt: NOW, defaultForSports: [] });
    expect(changedEvents(outbox).at(-1)).toMatchObject({ status: 'RETIRED', defaultForSports: [] });
    await expect(gear.retire(ann, shoes.id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('keeps retired gear out of the list unless asked', async () => {
    const { gear } = newTestGear();
    const old = await gear.add(ann, { kind: 'SHOES', nickname: 'Old' });
    const fresh = await gear.add(ann, { kind: 'SHOES', nickname: 'New' });
    await gear.retire(ann, old.id);
    expect((await gear.listOf(ann, ann.userId)).map((g) => g.id)).toEqual([fresh.id]);
    expect((await gear.listOf(ann, ann.userId, true)).map((g) => g.id)).toEqual([fresh.id, old.id]);
  });
});

describe('wear status', () => {
  const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

  it('tells when the gear first reached the threshold it is at now', async () => {
    const { gear, setNow } = newTestGear();
    const shoes = await gear.add(ann, { kind: 'SHOES', nickname: 'Old', retirementDistanceMeters: 1000 });
    const wearAt = async (minutes: number, initialDistanceMeters: number) => {
      setNow(at(minutes));
      const updated = await gear.update(ann, shoes.id, { initialDistanceMeters });
      const [reachedAt] = await gear.wearThresholdReachedAt([updated]);
      return [updated.wearStatus, updated.wearThresholdPercent, reachedAt];
    };

    expect(await wearAt(1, 500)).toEqual(['FINE', null, null]);
    expect(await wearAt(2, 850)).toEqual(['REPLACE_SOON', 80, at(2)]);
    expect(await wearAt(3, 1100)).toEqual(['REPLACE', 100, at(3)]);
    expect(await wearAt(4, 900)).toEqual(['REPLACE_SOON', 80, at(2)]); // back below 100 %
    expect(await wearAt(5, 0)).toEqual(['FINE', null, null]);
    expect(await wearAt(6, 1000)).toEqual(['REPLACE', 100, at(3)]); // reached once, ever
  });

  it('keeps the wear of gear it retires', async () => {
    const { gear } = newTestGear();
    const shoes = await gear.add(ann, { kind: 'SHOES', nickname: 'Old', initialDistanceMeters: 720_000 });
    const retired = await gear.retire(ann, shoes.id);
    expect(retired).toMatchObject({ status: 'RETIRED', wearStatus: 'REPLACE', wearThresholdPercent: 100 });
    expect(await gear.wearThresholdReachedAt([retired])).toEqual([NOW]);
  });

  it('has no threshold time for gear without a retirement distance, and asks the store for nothing', async () => {
    const { gear, repo } = newTestGear();
    const bike = await gear.add(ann, { kind: 'BIKE', nickname: 'Red', initialDistanceMeters: 9_000_000 });
    const thresholdsOf = jest.spyOn(repo, 'thresholdsOf');
    expect(bike).toMatchObject({ wearStatus: 'FINE', wearThresholdPercent: null });
    expect(await gear.wearThresholdReachedAt([bike])).toEqual([null]);
    expect(thresholdsOf).not.toHaveBeenCalled();
  });
});

describe('setDefaultGear', () => {
  it('replaces the defaults of the sport and publishes a change for each gear item whose defaults changed', async () => {
    const { gear, outbox } = newTestGear();
    const [a, b, c] = await addShoes(gear, ann, 'A', 'B', 'C');
    await gear.setDefaults(ann, 'RUN', [a.id, b.id]);
    await gear.setDefaults(ann, 'TRAIL_RUN', [a.id]);
    outbox.length = 0;

    const defaults = await gear.setDefaults(ann, 'RUN', [b.id, c.id]);
    expect(defaults.map((g) => g.id)).toEqual([c.id, b.id]);
    expect(changedEvents(outbox)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ gearId: a.id, defaultForSports: ['TRAIL_RUN'] }),
        expect.objectContaining({ gearId: c.id, defaultForSports: ['RUN'] }),
      ]),
    );
    expect(changedEvents(outbox)).toHaveLength(2);
  });

  it('refuses ids that are not the viewer’s active gear, naming gearIds', async () => {
    const { gear } = newTestGear();
    const mine = await gear.add(ann, { kind: 'SHOES', nickname: 'Mine' });
    const retired = await gear.add(ann, { kind: 'SHOES', nickname: 'Retired' });
    await gear.retire(ann, retired.id);
    const bobs = await gear.add(bob, { kind: 'SHOES', nickname: 'Bob’s' });
    for (const bad of [retired.id, bobs.id, uuidv7(), 'nope']) {
      await expect(gear.setDefaults(ann, 'RUN', [mine.id, bad])).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { field: 'gearIds' },
      });
    }
    expect((await gear.get(ann, mine.id)).defaultForSports).toEqual([]);
  });
});

describe('listOf', () => {
  it("forbids listing another athlete's gear", async () => {
    await expect(newTestGear().gear.listOf(bob, ann.userId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
