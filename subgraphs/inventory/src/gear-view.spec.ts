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

  it('never goes below zero when deleted workouts took the gear under its distance at install', () => {
    expect(toComponent(aComponentRecord({ gearDistanceAtInstallMeters: 500 }), 200).distanceMeters).toBe(0);
  });
});
