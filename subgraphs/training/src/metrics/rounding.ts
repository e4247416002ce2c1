/** Output rounding: values are rounded to a step (0.1, 1, 0.001...) only when written into the result. */
export function roundTo(value: number, step: number): number {
  const decimals = Math.max(0, Math.round(-Math.log10(step)));
  const rounded = Math.round(value / step) * step;
  // Beyond ~1e307, value / step overflows; a number that large has no fraction left to round anyway.
  if (!Number.isFinite(rounded)) return value;
  // Removes binary noise such as 0.30000000000000004 and normalises -0 to 0.
  return Number(rounded.toFixed(decimals)) + 0;
}

export const roundOrNull = (value: number | null, step: number): number | null =>
  value === null ? null : roundTo(value, step);
