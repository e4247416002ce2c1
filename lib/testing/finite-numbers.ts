/**
 * Finiteness checks for property tests of computed figures: GraphQL's `Float` cannot represent NaN or
 * ±Infinity, so one such number anywhere in a result fails every read that touches it.
 */

export interface NonFiniteNumber {
  /** Where it is, e.g. `splits.kilometre[3].averageHeartRate` (empty for the value itself). */
  path: string;
  value: number;
}

const child = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/**
 * The first number that is not finite in `value`, walked depth first through arrays, typed arrays, plain
 * objects and dates (an invalid date counts as NaN); null when there is none.
 */
export function firstNonFiniteNumber(value: unknown, path = ''): NonFiniteNumber | null {
  return walk(value, path, new Set());
}

function walk(value: unknown, path: string, seen: Set<object>): NonFiniteNumber | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : { path, value };
  if (value === null || typeof value !== 'object' || seen.has(value)) return null;
  seen.add(value);
  if (value instanceof Date) return walk(value.getTime(), child(path, 'getTime()'), seen);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const items = value as unknown as ArrayLike<number | bigint>;
    for (let index = 0; index < items.length; index++) {
      const found = walk(items[index], child(path, index), seen);
      if (found) return found;
    }
    return null;
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = walk(value[index], child(path, index), seen);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    const found = walk(item, child(path, key), seen);
    if (found) return found;
  }
  return null;
}

/** Throws, naming the path, when `value` holds a number that is not finite (for `fc.property` bodies). */
export function assertFiniteNumbers(value: unknown, label = 'result'): void {
  const found = firstNonFiniteNumber(value);
  if (found) {
    const where = !found.path || found.path.startsWith('[') ? label + found.path : `${label}.${found.path}`;
    throw new Error(`${where} is ${found.value}, not a finite number`);
  }
}
