import { describe, expect, it } from 'vitest';
import { polylinePoints, positionsOf, projectEquirectangular } from './track-projection';

describe('the track without a map', () => {
  it('keeps the positions where both coordinates are known', () => {
    expect(positionsOf([46, null, 46.1, 46.2], [14, 14.1, null, 14.2])).toEqual([
      { lat: 46, lon: 14 },
      { lat: 46.2, lon: 14.2 },
    ]);
  });

  it('shrinks longitudes by the cosine of the latitude, so that the track keeps its shape', () => {
    // A square of 0.01° of latitude by 0.01°/cos(60°) of longitude is a square on the ground.
    const points = projectEquirectangular(
      [
        { lat: 60, lon: 10 },
        { lat: 60.01, lon: 10.02 },
      ],
      200,
      200,
      0,
    );
    const width = Math.abs(points[1]!.x - points[0]!.x);
    const height = Math.abs(points[1]!.y - points[0]!.y);
    expect(width / height).toBeCloseTo(Math.cos((60.005 * Math.PI) / 180) * 2, 6);
  });

  it('fits and centres the track in the view, north up', () => {
    const points = projectEquirectangular(
      [
        { lat: 0, lon: 0 },
        { lat: 0.01, lon: 0.04 },
        { lat: 0, lon: 0.04 },
      ],
      400,
      300,
      20,
    );
    // Wider than high: the width fills 360 px, the height is centred.
    expect(points[0]!.x).toBeCloseTo(20, 6);
    expect(points[1]!.x).toBeCloseTo(380, 6);
    expect(points[1]!.y).toBeLessThan(points[0]!.y);
    expect((points[0]!.y + points[1]!.y) / 2).toBeCloseTo(150, 6);
  });

  it('puts a single position in the middle, and writes polyline points', () => {
    expect(projectEquirectangular([{ lat: 46, lon: 14 }], 100, 50)).toEqual([{ x: 50, y: 25 }]);
    expect(
      polylinePoints([
        { x: 1.234, y: 5 },
        { x: 3, y: 4.56 },
      ]),
    ).toBe('1.2,5 3,4.6');
  });
});
