/**
 * Web-Mercator ("slippy map") tile arithmetic: world pixels of a position at a zoom, the zoom that fits a
 * bounding box into a view, and the tiles (with their place in the view) that cover it.
 */

export const TILE_SIZE = 256;
/** Web Mercator stops here: the projection of the poles is infinite. */
export const MAX_LATITUDE = 85.051_128_78;

export interface LatLon {
  lat: number;
  lon: number;
}

export interface BoundingBox {
  south: number;
  west: number;
  north: number;
  east: number;
}

export interface Point {
  x: number;
  y: number;
}

/** The position's pixel in the whole world's image at `zoom` (256 × 2^zoom pixels square). */
export function worldPixel({ lat, lon }: LatLon, zoom: number): Point {
  const size = TILE_SIZE * 2 ** zoom;
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
  const phi = (clamped * Math.PI) / 180;
  return {
    x: ((lon + 180) / 360) * size,
    y: ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * size,
  };
}

/** The tile holding the position at `zoom` (a position on a tile boundary belongs to the tile after it). */
export function tileOf(position: LatLon, zoom: number): Point {
  const pixel = worldPixel(position, zoom);
  const last = 2 ** zoom - 1;
  return {
    x: Math.min(last, Math.floor(pixel.x / TILE_SIZE)),
    y: Math.min(last, Math.max(0, Math.floor(pixel.y / TILE_SIZE))),
  };
}

export function boundingBox(points: readonly LatLon[]): BoundingBox | null {
  if (points.length === 0) return null;
  const box = { south: Infinity, west: Infinity, north: -Infinity, east: -Infinity };
  for (const { lat, lon } of points) {
    box.south = Math.min(box.south, lat);
    box.north = Math.max(box.north, lat);
    box.west = Math.min(box.west, lon);
    box.east = Math.max(box.east, lon);
  }
  return box;
}

/** The highest zoom (up to `maxZoom`) at which the box fits into `width` × `height` pixels. */
export function fitZoom(box: BoundingBox, width: number, height: number, maxZoom = 17): number {
  for (let zoom = maxZoom; zoom > 0; zoom--) {
    const southWest = worldPixel({ lat: box.south, lon: box.west }, zoom);
    const northEast = worldPixel({ lat: box.north, lon: box.east }, zoom);
    if (northEast.x - southWest.x <= width && southWest.y - northEast.y <= height) return zoom;
  }
  return 0;
}

export interface PlacedTile {
  zoom: number;
  /** The tile's column, wrapped into 0 … 2^zoom − 1 (a view may cross the antimeridian). */
  x: number;
  y: number;
  /** Where its top left corner lies in the view. */
  left: number;
  top: number;
}

export interface MercatorView {
  zoom: number;
  tiles: PlacedTile[];
  /** A position's place in the view, in the view's pixels. */
  project: (position: LatLon) => Point;
}

/** The view of `width` × `height` pixels centred on the points' box at the zoom that fits it within `padding`. */
export function mercatorView(
  points: readonly LatLon[],
  width: number,
  height: number,
  padding = 24,
  maxZoom = 17,
): MercatorView | null {
  const box = boundingBox(points);
  if (!box) return null;
  const zoom = fitZoom(box, width - 2 * padding, height - 2 * padding, maxZoom);
  const southWest = worldPixel({ lat: box.south, lon: box.west }, zoom);
  const northEast = worldPixel({ lat: box.north, lon: box.east }, zoom);
  const originX = (southWest.x + northEast.x) / 2 - width / 2;
  const originY = (southWest.y + northEast.y) / 2 - height / 2;
  const count = 2 ** zoom;
  const tiles: PlacedTile[] = [];
  const firstY = Math.max(0, Math.floor(originY / TILE_SIZE));
  const lastY = Math.min(count - 1, Math.floor((originY + height) / TILE_SIZE));
  for (
    let column = Math.floor(originX / TILE_SIZE);
    column <= Math.floor((originX + width) / TILE_SIZE);
    column++
  ) {
    for (let row = firstY; row <= lastY; row++) {
      tiles.push({
        zoom,
        x: ((column % count) + count) % count,
        y: row,
        left: column * TILE_SIZE - originX,
        top: row * TILE_SIZE - originY,
      });
    }
  }
  return {
    zoom,
    tiles,
    project: (position) => {
      const pixel = worldPixel(position, zoom);
      return { x: pixel.x - originX, y: pixel.y - originY };
    },
  };
}

/** A tile's URL from a template with `{z}`, `{x}` and `{y}` (`https://tile.example.org/{z}/{x}/{y}.png`). */
export function tileHref(template: string, tile: Pick<PlacedTile, 'zoom' | 'x' | 'y'>): string {
  return template
    .replaceAll('{z}', String(tile.zoom))
    .replaceAll('{x}', String(tile.x))
    .replaceAll('{y}', String(tile.y));
}
