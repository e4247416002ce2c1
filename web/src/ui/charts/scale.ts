/** Chart arithmetic: extents, linear scales, round tick values, and SVG paths that break where data is missing. */

export type Domain = readonly [number, number];

/** The smallest and largest finite value, or null when there is none. */
export function extent(values: readonly (number | null | undefined)[]): Domain | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (value == null || !Number.isFinite(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return min <= max ? [min, max] : null;
}

/** Maps `domain` linearly onto `range`; a domain of one value maps to the middle of the range. */
export function linearScale(domain: Domain, range: Domain): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d1 === d0) return () => (r0 + r1) / 2;
  const factor = (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * factor;
}

/** Steps for decimal axes: 1, 2, 2.5 or 5 times a power of ten. */
const DECIMAL_MULTIPLES = [1, 2, 2.5, 5, 10];
/** Steps for axes in seconds read as a clock (pace): whole seconds, minutes and hours. */
const CLOCK_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 18_000, 36_000];

export type TickKind = 'decimal' | 'clock';

/** The round step that cuts `span` into about `count` intervals. */
export function niceStep(span: number, count: number, kind: TickKind = 'decimal'): number {
  const raw = span / Math.max(1, count);
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  if (kind === 'clock' && raw <= CLOCK_STEPS[CLOCK_STEPS.length - 1]!) {
    return CLOCK_STEPS.find((step) => step >= raw)!;
  }
  const power = 10 ** Math.floor(Math.log10(raw));
  const multiple = DECIMAL_MULTIPLES.find((m) => m * power >= raw * (1 - 1e-9))!;
  return multiple * power;
}

/**
 * Round tick values covering the domain, about `count` of them: the first at or below its minimum and the last
 * at or above its maximum, so that the axis can be extended to them and every value fits.
 */
export function niceTicks(domain: Domain, count = 5, kind: TickKind = 'decimal'): number[] {
  let [min, max] = domain;
  if (min === max) {
    // A flat series still gets an axis around its value.
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    min -= pad;
    max += pad;
  }
  const step = niceStep(max - min, count, kind);
  const first = Math.floor(min / step + 1e-9) * step;
  const last = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; first + i * step <= last + step * 1e-9; i++) {
    // Rounded to the step's precision: 0.1 + 0.2 must read 0.3.
    ticks.push(Number((first + i * step).toFixed(12)));
  }
  return ticks;
}

/**
 * An SVG path through the points: `M x y L x y …`, starting a new piece after each missing value (null y),
 * so that a gap in the data shows as a gap in the line.
 */
export function linePath(
  xs: readonly number[],
  ys: readonly (number | null)[],
  x: (value: number) => number,
  y: (value: number) => number,
): string {
  const parts: string[] = [];
  let drawing = false;
  for (let i = 0; i < xs.length; i++) {
    const value = ys[i];
    const at = xs[i];
    if (value == null || at == null || !Number.isFinite(value) || !Number.isFinite(at)) {
      drawing = false;
      continue;
    }
    parts.push(`${drawing ? 'L' : 'M'}${round(x(at))} ${round(y(value))}`);
    drawing = true;
  }
  return parts.join(' ');
}

const round = (value: number) => Math.round(value * 10) / 10;
