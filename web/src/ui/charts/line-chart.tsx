/** A line chart drawn in SVG: a responsive viewBox, both axes with a few round ticks, gaps where data is missing. */
import { useId } from 'react';
import { extent, linearScale, linePath, niceTicks, type TickKind } from './scale';
import './charts.css';

const WIDTH = 640;
const HEIGHT = 220;
const MARGIN = { top: 32, right: 20, bottom: 48, left: 68 };

export interface LineChartProps {
  /** What the chart shows ("Heart rate"): its accessible name. */
  title: string;
  /** A sentence summing the series up for screen readers (range, average…). */
  description?: string;
  /** The horizontal axis's name with its unit ("Distance (km)"). */
  xLabel: string;
  /** The vertical axis's name with its unit ("Heart rate (bpm)"). */
  yLabel: string;
  xs: readonly number[];
  /** One value per x; null where there is none (the line breaks). */
  ys: readonly (number | null)[];
  formatX?: (value: number) => string;
  formatY?: (value: number) => string;
  /** `clock` for values in seconds read as m:ss (pace). */
  yTicks?: TickKind;
  /** Smaller values at the top (pace: faster is higher). */
  invertY?: boolean;
}

const plain = (value: number) => String(Math.round(value * 100) / 100);

export function LineChart({
  title,
  description,
  xLabel,
  yLabel,
  xs,
  ys,
  formatX = plain,
  formatY = plain,
  yTicks = 'decimal',
  invertY = false,
}: LineChartProps) {
  const id = useId();
  const xDomain = extent(xs);
  const yDomain = extent(ys);
  if (!xDomain || !yDomain) return null;

  const xTickValues = niceTicks(xDomain, 6);
  const yTickValues = niceTicks(yDomain, 4, yTicks);
  const left = MARGIN.left;
  const right = WIDTH - MARGIN.right;
  const top = MARGIN.top;
  const bottom = HEIGHT - MARGIN.bottom;
  // The axes run from the outer ticks, so that every tick and value lies on the plot.
  const x = linearScale([xTickValues[0]!, xTickValues[xTickValues.length - 1]!], [left, right]);
  const yRange: [number, number] = invertY ? [top, bottom] : [bottom, top];
  const y = linearScale([yTickValues[0]!, yTickValues[yTickValues.length - 1]!], yRange);

  return (
    <figure className="line-chart">
      <svg
        className="chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={description ? `${id}-desc` : undefined}
      >
        <title id={`${id}-title`}>{title}</title>
        {description && <desc id={`${id}-desc`}>{description}</desc>}
        <g className="chart-grid" aria-hidden="true">
          {yTickValues.map((tick) => (
            <g key={`y${tick}`}>
              <line x1={left} x2={right} y1={y(tick)} y2={y(tick)} />
              <text x={left - 8} y={y(tick)} textAnchor="end" dominantBaseline="middle">
                {formatY(tick)}
              </text>
            </g>
          ))}
          {xTickValues.map((tick) => (
            <g key={`x${tick}`}>
              <line x1={x(tick)} x2={x(tick)} y1={bottom} y2={bottom + 5} />
              <text x={x(tick)} y={bottom + 22} textAnchor="middle">
                {formatX(tick)}
              </text>
            </g>
          ))}
          <line className="chart-axis" x1={left} x2={right} y1={bottom} y2={bottom} />
          <text className="chart-axis-label" x={(left + right) / 2} y={HEIGHT - 4} textAnchor="middle">
            {xLabel}
          </text>
          {/* Above the plot rather than rotated beside it: it stays clear of the tick labels at any width. */}
          <text className="chart-axis-label" x={8} y={20} textAnchor="start">
            {yLabel}
          </text>
        </g>
        <path className="chart-line" d={linePath(xs, ys, x, y)} />
      </svg>
    </figure>
  );
}
