import { availableDatabaseKinds } from '../../../lib/testing/test-databases';
import { addShoes, anAthlete } from './gear.builders';
import { openTestInventory, type TestInventory } from './inventory.test-db';

describe.each(availableDatabaseKinds())('gear repositories on %s', (kind) => {
  let inventory: TestInventory;
  let repo: TestInventory['repo'];
  let gear: TestInventory['gear'];
  let components: TestInventory['components'];

  beforeAll(async () => {
    inventory = await openTestInventory(kind);
    ({ repo, gear, components } = inventory);
  });
  afterAll(() => inventory.close());

  const changesOf = async (gearId: string) =>
    (
      await inventory.prisma.outboxEvent.findMany({
        where: { key: gearId, type: 'inventory.gear.changed' },
        orderBy: { sequence: 'asc' },
      })
    ).map((row) => (row.payload as { data: unknown }).data);

  it('stores added gear with its defaults and writes its change to the outbox in the same transaction', async () => {
    const ann = anAthlete();
    const shoes = await gear.add(ann, {
      kind: 'SHOES',
      brand: 'Brooks',
      purchaseDate: new Date('2026-03-01T00:00:00Z'),
    });
    expect(await repo.findById(shoes.id)).toMatchObject({
      userId: ann.userId,
      brand: 'Brooks',
      purchaseDate: new Date('2026-03-01T00:00:00Z'),
      retirementDistanceMeters: 700_000,
      status: 'ACTIVE',
      defaultForSports: [],
    });
    expect(await changesOf(shoes.id)).toEqual([
      { gearId: shoes.id, userId: ann.userId, kind: 'SHOES', status: 'ACTIVE', defaultForSports: [] },
    ]);
  });

  it('records and announces the wear thresholds of gear added already worn, in the same transaction', async () => {
    const shoes = await gear.add(anAthlete(), {
      kind: 'SHOES',
      nickname: 'Old',
      initialDistanceMeters: 690_000,
    });
    expect(shoes).toMatchObject({ wearStatus: 'REPLACE_SOON', wearThresholdPercent: 80 });
    const [reachedAt] = await gear.wearThresholdReachedAt([shoes]);
    const announced = await inventory.prisma.outboxEvent.findMany({
      where: { key: shoes.id, type: 'inventory.gear.wear-threshold-reached' },
    });
    expect(announced.map((row) => [row.occurredAt, (row.payload as { data: unknown }).data])).toEqual([
      [reachedAt, expect.objectContaining({ thresholdPercent: 80, distanceMeters: 690_000 })],
    ]);
  });

  it('replaces the defaults of one sport and keeps those of others, publishing each gear item that changed', async () => {
    const ann = anAthlete();
    const [a, b, c] = await addShoes(gear, ann, 'A', 'B', 'C');
    await gear.setDefaults(ann, 'RUN', [a.id, b.id]);
    await gear.setDefaults(ann, 'WALK', [a.id]);
    const runDefaults = await gear.setDefaults(ann, 'RUN', [c.id, b.id, c.id]);

    expect(runDefaults.map((g) => g.id)).toEqual([c.id, b.id]);
    expect((await repo.findById(a.id))?.defaultForSports).toEqual(['WALK']);
    expect((await repo.findById(b.id))?.defaultForSports).toEqual(['RUN']);
    expect(
      (await changesOf(a.id)).map((d) => (d as { defaultForSports: string[] }).defaultForSports),
    ).toEqual([[], ['RUN'], ['RUN', 'WALK'], ['WALK']]);
    expect(await changesOf(b.id)).toHaveLength(2); // added, then RUN once: the second RUN list kept it
  });

  it('retires gear once, clearing its defaults', async () => {
    const ann = anAthlete();
    const shoes = await gear.add(ann, { kind: 'SHOES', nickname: 'Old' });
    await gear.setDefaults(ann, 'RUN', [shoes.id]);
    await gear.retire(ann, shoes.id);
    await expect(gear.retire(ann, shoes.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await repo.findById(shoes.id)).toMatchObject({ status: 'RETIRED', defaultForSports: [] });
    expect(await repo.listDefaults(ann.userId, 'RUN')).toEqual([]);
    expect((await gear.listOf(ann, ann.userId, true)).map((g) => g.id)).toEqual([shoes.id]);
    expect(await gear.listOf(ann, ann.userId)).toEqual([]);
  });

  it('records a wear threshold once, ever, with when it was first reached', async () => {
    const shoes = await gear.add(anAthlete(), { kind: 'SHOES', nickname: 'x' });
    const other = await gear.add(anAthlete(), { kind: 'SHOES', nickname: 'y' });
    const [first, later] = [new Date('2026-11-20T08:00:00Z'), new Date('2026-11-21T08:00:00Z')];
    expect(await repo.recordThreshold(shoes.id, 80, first)).toBe(true);
    expect(await repo.recordThreshold(shoes.id, 80, later)).toBe(false);
    expect(await repo.recordThreshold(shoes.id, 100, later)).toBe(true);
    expect(await repo.recordThreshold(other.id, 80, later)).toBe(true);

    const recorded = await repo.thresholdsOf([shoes.id]);
    expect(recorded.sort((a, b) => a.percent - b.percent)).toEqual([
      { gearId: shoes.id, percent: 80, reachedAt: first },
      { gearId: shoes.id, percent: 100, reachedAt: later },
    ]);
  });

  it('installs components at the gear’s distance and lists them per gear item, oldest first', async () => {
    const ann = anAthlete();
    const bike = await gear.add(ann, { kind: 'BIKE', nickname: 'Bike', initialDistanceMeters: 2_000_000 });
    const chain = await components.add(ann, bike.id, { kind: 'CHAIN' });
    const tyre = await components.add(ann, bike.id, { kind: 'TYRE', name: 'Front' });
    await repo.credit(bike.id, 1_000_000, 3600);
    await components.retire(ann, tyre.id);
    await repo.credit(bike.id, 500_000, 1800);

    const [list] = await components.ofGears([await gear.get(ann, bike.id)]);
    expect(list!.map((c) => [c.id, c.distanceMeters, c.wearPercent])).toEqual([
      [chain.id, 1_500_000, 30],
      [tyre.id, 1_000_000, 20],
    ]);
  });
});
