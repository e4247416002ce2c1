/**
 * A fingerprint of a model's inputs, stored with every output so that a recommendation or a score can be
 * traced to exactly what produced it, and recomputation can be skipped when nothing changed.
 *
 * Canonical JSON: object keys sorted by UTF-16 code unit, arrays in order, numbers and strings as
 * JSON.stringify writes them, no whitespace. For finite numbers this is the JSON Canonicalization Scheme
 * (RFC 8785). A property whose value is `undefined` is left out, as JSON.stringify does, and a value with a
 * `toJSON` method (a Date) is replaced by its result. Non-finite numbers, bigints, functions and symbols
 * throw: JSON has no spelling for them, and writing NaN as null would give two inputs one hash.
 */
import { createHash } from 'node:crypto';

type JsonText = string;

function canonical(value: unknown, path: string): JsonText {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value))
        throw new TypeError(`cannot hash the non-finite number ${value} at ${path}`);
      return JSON.stringify(value);
    case 'object':
      return canonicalObject(value, path);
    default:
      throw new TypeError(`cannot hash a ${typeof value} at ${path}`);
  }
}

function canonicalObject(value: object, path: string): JsonText {
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === 'function') return canonical(withToJson.toJSON(), path);
  if (Array.isArray(value)) {
    return `[${value.map((item, index) => canonical(item ?? null, `${path}[${index}]`)).join(',')}]`;
  }
  const members = Object.keys(value)
    .sort()
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .map(
      (key) =>
        `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key], `${path}.${key}`)}`,
    );
  return `{${members.join(',')}}`;
}

/** The canonical JSON text of `value` (see the file comment). */
export function canonicalJson(value: unknown): string {
  return canonical(value, '$');
}

/** SHA-256 of the canonical JSON of `value`, as 64 lowercase hex digits. */
export function inputsHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}
