import fc from 'fast-check';
import { BadUserInputError } from '../../../../lib/errors/domain-error';
import {
  coarseLocation,
  LATITUDE_STEP_DEGREES,
  longitudeStepDegrees,
  searchCentre,
  type LatLng,
} from './coarse-location';

const EARTH_RADIUS_METERS = 6_371_008.8;
const radians = (degrees: number) => (degrees * Math.PI) / 180;
const metersBetween = (a: LatLng, b: LatLng) => {
  const h =
    Math.sin(radians(b.latitude - a.latitude) / 2) ** 2 +
    Math.cos(radians(a.latitude)) *
      Math.cos(radians(b.latitude)) *
      Math.sin(radians(b.longitude - a.longitude) / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
};

// Spread evenly over the range (fc.double alone favours tiny numbers).
const between = (min: number, max: number) =>
  fc.integer({ min: 0, max: 2 ** 30 }).map((n) => min + ((max - min) * n) / 2 ** 30);
// Away from the poles (where cells widen) and the antimeridian (where a row's last cell is cut short): both
// are tested on their own.
const anyPlace = fc.record({ latitude: between(-89, 89), longitude: between(-179, 179) });
const anywhere = fc.record({ latitude: between(-90, 90), longitude: between(-180, 180) });

describe('coarseLocation', () => {
  it('puts a home within about 710 m of where it is (half a 1 km cell each way)', () => {
    fc.assert(
      fc.property(anyPlace, (home) => {
        expect(metersBetween(home, coarseLocation(home))).toBeLessThan(710);
      }),
    );
  });

  it('gives every home of one cell the same point: nothing finer than the cell is kept', () => {
    const cell = coarseLocation({ latitude: 48.8566, longitude: 2.3522 });
    const halfWidth = longitudeStepDegrees(cell.latitude) / 2;
    for (const [dLat, dLng] of [
      [0.0044, 0.98],
      [-0.0044, -0.98],
      [0.004, -0.5],
    ] as const) {
      const home = { latitude: cell.latitude + dLat, longitude: cell.longitude + dLng * halfWidth };
      expect(coarseLocation(home)).toEqual(cell);
    }
  });

  it('is stable: a snapped point snaps to itself', () => {
    fc.assert(
      fc.property(anywhere, (home) => {
        const once = coarseLocation(home);
        expect(coarseLocation(once)).toEqual(once);
      }),
    );
  });

  it('spaces rows 0.009° (1.0 km) apart and cells 1.0 km wide within a row', () => {
    fc.assert(
      fc.property(anyPlace, (home) => {
        const { latitude, longitude } = coarseLocation(home);
        expect(
          Math.abs(latitude / LATITUDE_STEP_DEGREES - Math.round(latitude / LATITUDE_STEP_DEGREES)),
        ).toBeLessThan(1e-6);
        const step = longitudeStepDegrees(latitude);
        const east = { latitude, longitude: longitude + step };
        expect(metersBetween({ latitude, longitude }, east)).toBeCloseTo(1_000.8, 0);
      }),
    );
  });

  it('keeps coordinates in range, at the antimeridian and the poles too', () => {
    fc.assert(
      fc.property(anywhere, (home) => {
        const { latitude, longitude } = coarseLocation(home);
        expect(Math.abs(latitude)).toBeLessThanOrEqual(90);
        expect(Math.abs(longitude)).toBeLessThanOrEqual(180);
      }),
    );
    expect(coarseLocation({ latitude: 89.9999, longitude: 123.4 })).toEqual({ latitude: 90, longitude: 0 });
    expect(coarseLocation({ latitude: -90, longitude: -180 })).toEqual({ latitude: -90, longitude: 0 });
    const fiji = coarseLocation({ latitude: -17.7134, longitude: 179.9999 });
    expect(fiji.longitude).toBeLessThanOrEqual(180);
    // A row's last cell is cut short at ±180°: a home there is pulled back into the cell beside it.
    expect(metersBetween({ latitude: -17.7134, longitude: 179.9999 }, fiji)).toBeLessThan(1_600);
  });

  it.each([
    [{ latitude: 90.5, longitude: 0 }, 'homeLocation.latitude'],
    [{ latitude: Number.NaN, longitude: 0 }, 'homeLocation.latitude'],
    [{ latitude: 0, longitude: -180.01 }, 'homeLocation.longitude'],
    [{ latitude: 0, longitude: Number.POSITIVE_INFINITY }, 'homeLocation.longitude'],
  ])('refuses %o (BAD_USER_INPUT on %s)', (home, field) => {
    expect(() => coarseLocation(home)).toThrow(BadUserInputError);
    try {
      coarseLocation(home);
    } catch (error) {
      expect((error as BadUserInputError).details).toEqual({ field });
    }
  });
});

describe('searchCentre', () => {
  it('keeps a centre to a fraction of a millimetre and turns a subnormal into the equator', () => {
    expect(searchCentre({ latitude: 45.123456789, longitude: 13.6 }, 'search.near')).toEqual({
      latitude: 45.123456789,
      longitude: 13.6,
    });
    expect(searchCentre({ latitude: 5e-324, longitude: -5e-324 }, 'search.near')).toEqual({
      latitude: 0,
      longitude: 0,
    });
  });

  it('refuses a point off the globe, naming the field', () => {
    expect(() => searchCentre({ latitude: 91, longitude: 0 }, 'search.near')).toThrow(BadUserInputError);
    expect(() => searchCentre({ latitude: 0, longitude: Number.NaN }, 'search.near')).toThrow(
      /search\.near\.longitude|longitude/,
    );
  });
});
