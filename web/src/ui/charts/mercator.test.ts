import { describe, expect, it } from 'vitest';
import { fitZoom, mercatorView, TILE_SIZE, tileHref, tileOf, worldPixel } from './mercator';

/** The slippy-map formulas as the OpenStreetMap wiki writes them, to check ours against. */
function slippyTile(lat: number, lon: number, zoom: number) {
  const n = 2 ** zoom;
  const latRad = (lat * Math.PI) / 180;
  return {
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.asinh(Math.tan(latRad)) / Math.PI) / 2) * n),
  };
}

describe('Web-Mercator tiles', () => {
  it('puts 0°, 0° on the corner of the four middle tiles', () => {
    expect(worldPixel({ lat: 0, lon: 0 }, 1)).toEqual({ x: 256, y: 256 });
    expect(tileOf({ lat: 0, lon: 0 }, 1)).toEqual({ x: 1, y: 1 });
    expect(tileOf({ lat: 0.001, lon: -0.001 }, 1)).toEqual({ x: 0, y: 0 });
    expect(worldPixel({ lat: 0, lon: -180 }, 0)).toEqual({ x: 0, y: 128 });
  });

  it('agrees with the standard slippy-map formulas', () => {
    const places = [
      { lat: 45.774, lon: 14.364 }, // Cerknica lake
      { lat: 51.5074, lon: -0.1278 },
      { lat: -33.8688, lon: 151.2093 },
      { lat: 64.1466, lon: -21.9426 },
    ];
    for (const { lat, lon } of places) {
      for (const zoom of [1, 5, 10, 13, 17]) {
        expect(tileOf({ lat, lon }, zoom)).toEqual(slippyTile(lat, lon, zoom));
      }
    }
    // A value to know by heart: London at zoom 10 is tile 511/340.
    expect(tileOf({ lat: 51.5074, lon: -0.1278 }, 10)).toEqual({ x: 511, y: 340 });
  });

  it('fits a box at the highest zoom that holds it', () => {
    // About 4.3 km × 2.7 km around Cerknica.
    const box = { south: 45.75, west: 14.34, north: 45.775, east: 14.395 };
    const zoom = fitZoom(box, 592, 352);
    const span = (z: number) => {
      const sw = worldPixel({ lat: box.south, lon: box.west }, z);
      const ne = worldPixel({ lat: box.north, lon: box.east }, z);
      return { width: ne.x - sw.x, height: sw.y - ne.y };
    };
    expect(span(zoom).width).toBeLessThanOrEqual(592);
    expect(span(zoom).height).toBeLessThanOrEqual(352);
    expect(span(zoom + 1).width > 592 || span(zoom + 1).height > 352).toBe(true);
    expect(zoom).toBe(13);
  });

  it('covers the view with the tiles around the track, projected with the same math', () => {
    const track = [
      { lat: 45.75, lon: 14.34 },
      { lat: 45.775, lon: 14.395 },
    ];
    const view = mercatorView(track, 640, 400, 24)!;
    expect(view.zoom).toBe(13);
    // The track is centred in the view and within its padding.
    const [a, b] = track.map(view.project) as [{ x: number; y: number }, { x: number; y: number }];
    expect((a.x + b.x) / 2).toBeCloseTo(320, 6);
    expect((a.y + b.y) / 2).toBeCloseTo(200, 6);
    for (const p of [a, b]) {
      expect(p.x).toBeGreaterThanOrEqual(24);
      expect(p.x).toBeLessThanOrEqual(616);
    }
    // Every part of the view is under a tile, and each tile is the one its position says.
    for (const [x, y] of [
      [0, 0],
      [639, 0],
      [0, 399],
      [639, 399],
      [320, 200],
    ] as const) {
      expect(
        view.tiles.some((t) => x >= t.left && x < t.left + TILE_SIZE && y >= t.top && y < t.top + TILE_SIZE),
      ).toBe(true);
    }
    const first = view.tiles.find(
      (t) => a.x >= t.left && a.x < t.left + TILE_SIZE && a.y >= t.top && a.y < t.top + 256,
    )!;
    expect({ x: first.x, y: first.y }).toEqual(slippyTile(45.75, 14.34, 13));
    expect(tileHref('https://tile.example.org/{z}/{x}/{y}.png', first)).toBe(
      `https://tile.example.org/13/${first.x}/${first.y}.png`,
    );
  });

  it('wraps tile columns across the antimeridian and keeps rows inside the world', () => {
    const view = mercatorView(
      [
        { lat: 80, lon: 179.9 },
        { lat: 84, lon: 179.99 },
      ],
      640,
      400,
    )!;
    const count = 2 ** view.zoom;
    for (const tile of view.tiles) {
      expect(tile.x).toBeGreaterThanOrEqual(0);
      expect(tile.x).toBeLessThan(count);
      expect(tile.y).toBeGreaterThanOrEqual(0);
      expect(tile.y).toBeLessThan(count);
    }
    expect(view.tiles.some((t) => t.x === 0)).toBe(true);
  });
});
