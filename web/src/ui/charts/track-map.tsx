/**
 * A workout's track in SVG: on Web-Mercator tiles when a tile server is configured, otherwise on its own
 * (equirectangular), with start and finish marked. Needs no outside request without tiles.
 */
import { useId } from 'react';
import { mercatorView, tileHref, TILE_SIZE, type LatLon, type Point } from './mercator';
import { polylinePoints, projectEquirectangular } from './track-projection';
import './charts.css';

const WIDTH = 640;
const HEIGHT = 400;

export interface TrackMapProps {
  positions: readonly LatLon[];
  /** A tile URL template ({z}/{x}/{y}); null draws the track alone. */
  tileUrl: string | null;
  tileAttribution: string | null;
  title?: string;
}

export function TrackMap({ positions, tileUrl, tileAttribution, title = 'Map of the track' }: TrackMapProps) {
  const id = useId();
  if (positions.length < 2) return null;
  const view = tileUrl ? mercatorView(positions, WIDTH, HEIGHT) : null;
  const points: Point[] = view
    ? positions.map(view.project)
    : projectEquirectangular(positions, WIDTH, HEIGHT);
  const start = points[0]!;
  const finish = points[points.length - 1]!;
  return (
    <figure className="track-map">
      <svg
        className="chart track"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title`}
      >
        <title id={`${id}-title`}>{title}</title>
        {view && tileUrl ? (
          <g aria-hidden="true">
            {view.tiles.map((tile) => (
              <image
                key={`${tile.x}/${tile.y}/${tile.left}`}
                href={tileHref(tileUrl, tile)}
                x={tile.left}
                y={tile.top}
                width={TILE_SIZE}
                height={TILE_SIZE}
              />
            ))}
          </g>
        ) : (
          <rect className="track-ground" width={WIDTH} height={HEIGHT} aria-hidden="true" />
        )}
        <polyline className="track-line" points={polylinePoints(points)} />
        <circle className="track-start" cx={start.x} cy={start.y} r={8}>
          <title>Start</title>
        </circle>
        <rect className="track-finish" x={finish.x - 7} y={finish.y - 7} width={14} height={14}>
          <title>Finish</title>
        </rect>
      </svg>
      {view && tileAttribution && (
        <figcaption className="muted map-attribution">Map: {tileAttribution}</figcaption>
      )}
    </figure>
  );
}
