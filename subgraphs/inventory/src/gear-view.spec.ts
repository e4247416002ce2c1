import { aComponentRecord, aGearRecord } from './gear.builders';
import { gearName, toComponent, toGear, wearPercent } from './gear-view';

describe('gearName', () => {
  it.each([
    ['the nickname first', { nickname: 'Red rocket', brand: 'Canyon', model: 'Endurace' }, 'Red rocket'],
    ['brand and model without a nickname', { brand: 'Brooks', model: 'Ghost 16' }, 'Brooks Ghost 16'],
    ['the brand alone', { brand: 'Brooks' }, 'Brooks'],
    ['the model alone', { model: 'Ghost 16' }, 'Ghost 16'],
  ])('uses %s', (_case, names, expected) => {
    expect(gearName({ kind: 'SHOES', brand: null, model: null, nickname: null, ...names })).toBe(expected);
  });

  it.each([
    ['SHOES', 'Shoes'],
    ['BIKE', 'Bike'],
    ['OTHER', 'Gear'],
  ] as const)('falls back to the kind %s in words', (kind, expected) => {
    expect(gearName({ kind, brand: null, model: null, nickname: null })).toBe(expected);
  });
});

describe('toGear', () => {
  it('adds the initial distance to the credited one and measures wear against the retirement distance', () => {
    const gear = toGear(
      aGearRecord({
        initialDistanceMeters: 100_000,
        creditedDistanceMeters: 250_000,
        creditedMovingSeconds: 90_000,
        retirementDistanceMeters: 700_000,
      }),
    );
    expect(gear).toMatchObject({ distanceMeters: 350_000, movingSeconds: 90_000, wearPercent: 50 });
  });

  it('has no wear percentage without a retirement distance', () => {
    expect(toGear(aGearRecord({ kind: 'BIKE', retirementDistanceMeters: null })).wearPercent).toBeNull();
  });

  it('reports wear beyond 100 % for gear used past its retirement distance', () => {
    expect(wearPercent(1_050, 1_000)).toBeCloseTo(105);
  });

  it('holds wear at the largest finite number for a retirement distance stored as 5e-324 m', () => {
    expect(
      toGear(aGearRecord({ initialDistanceMeters: 10, retirementDistanceMeters: 5e-324 })).wearPercent,
    ).toBe(Number.MAX_VALUE);
  });
});

describe('toGear: wear status', () => {
  const shoesAt = (distanceMeters: number, overrides: Parameters<typeof aGearRecord>[0] = {}) =>
    toGear(
      aGearRecord({ retirementDistanceMeters: 1000, creditedDistanceMeters: distanceMeters, ...overrides }),
    );

  it.each([
    ['0 %', 0, 'FINE', null],
    ['79.9 %', 799, 'FINE', null],
    ['80 %', 800, 'REPLACE_SOON', 80],
    ['99.9 %', 999, 'REPLACE_SOON', 80],
    ['100 %', 1000, 'REPLACE', 100],
    ['more than 100 %', 2500, 'REPLACE', 100],
  ])('at %s of its retirement distance is %s', (_share, distance, wearStatus, wearThresholdPercent) => {
    expect(shoesAt(distance)).toMatchObject({ wearStatus, wearThresholdPercent });
  });

  it('counts the initial distance: gear brought to Pulse worn shows it', () => {
    expect(shoesAt(100, { initialDistanceMeters: 750 })).toMatchObject({
      wearStatus: 'REPLACE_SOON',
      wearThresholdPercent: 80,
    });
  });

  it('is FINE without a retirement distance, however far it went', () => {
    expect(
      toGear(aGearRecord({ kind: 'BIKE', retirementDistanceMeters: null, creditedDistanceMeters: 1e9 })),
    ).toMatchObject({ wearStatus: 'FINE', wearThresholdPercent: null, wearPercent: null });
  });

  it('keeps showing the wear of retired gear', () => {
    const retired = { status: 'RETIRED', retiredAt: new Date('2026-11-20T08:00:00Z') } as const;
    expect(shoesAt(1200, retired)).toMatchObject({ wearStatus: 'REPLACE', wearThresholdPercent: 100 });
    expect(shoesAt(300, retired)).toMatchObject({ wearStatus: 'FINE', wearThresholdPercent: null });
  });
});

describe('toComponent', () => {
  it('counts the gear distance since the component was installed', () => {
    const chain = toComponent(aComponentRecord({ gearDistanceAtInstallMeters: 1_000_000 }), 3_500_000);
    expect(chain).toMatchObject({ distanceMeters: 2_500_000, wearPercent: 50 });
  });

  it('stops counting when the component was retired', () => {
    const tyre = aComponentRecord({
      kind: 'TYRE',
      gearDistanceAtInstallMeters: 1_000_000,
      gearDistanceAtRetirementMeters: 2_000_000,
      retiredAt: new Date(),
    });
    expect(toComponent(tyre, 9_000_000)).toMatchObject({ distanceMeters: 1_000_000, wearPercent: 20 });
  });

  it.each([
    [0, 'FINE'],
    [3_995_000, 'FINE'],
    [4_000_000, 'REPLACE_SOON'],
    [4_995_000, 'REPLACE_SOON'],
    [5_000_000, 'REPLACE'],
    [6_000_000, 'REPLACE'],
  ])('wears like gear against its expected lifetime: a 5 000 km chain at %d m is %s', (meters, status) => {
    expect(toComponent(aComponentRecord({ expectedLifetimeMeters: 5_000_000 }), meters).wearStatus).toBe(
      status,
    );
  });

  it('keeps the status a retired component had when it was retired', () => {
    const chain = aComponentRecord({
      gearDistanceAtRetirementMeters: 4_500_000,
      retiredAt: new Date('2026-11-20T08:00:00Z'),
    });
    expect(toComponent(chain, 9_000_000)).toMatchObject({ wearPercent: 90, wearStatus: 'REPLACE_SOON' });
  });

  it('never goes below zero when deleted workouts took the gear under its distance at install', () => {
    expect(toComponent(aComponentRecord({ gearDistanceAtInstallMeters: 500 }), 200).distanceMeters).toBe(0);
  });
});
