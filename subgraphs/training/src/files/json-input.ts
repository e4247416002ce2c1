/**
 * Validation of the health-data JSON formats with zod: one BadUserInputError naming the offending path
 * (`route[12].timestamp`) and what was expected, plus the zod building blocks both formats share.
 */
import { z } from 'zod';
import { BadUserInputError } from '../../../../lib/errors/domain-error';
import { checkSampleCount } from './activity-limits';
import { parseIsoTime } from './iso-time';

/** `route[12].timestamp` from zod's path segments. */
export const formatPath = (path: readonly PropertyKey[]): string =>
  path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('') || '(root)';

/** Parses `json` with `schema`, or throws one BadUserInputError describing the first problems found. */
export const parseJsonInput = <Schema extends z.ZodType>(
  schema: Schema,
  json: unknown,
  format: string,
): z.output<Schema> => {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues
    .slice(0, 3)
    .map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  const more = result.error.issues.length > 3 ? ` (and ${result.error.issues.length - 3} more)` : '';
  throw new BadUserInputError('file', `The ${format} JSON is invalid at ${problems.join('; ')}${more}.`);
};

/** An ISO 8601 date-time string, as ms since the epoch. */
export const isoDateTime = z.string().transform((text, context) => {
  const time = parseIsoTime(text);
  if (time === null) {
    context.addIssue({
      code: 'custom',
      message: `expected an ISO 8601 date-time such as 2024-05-01T08:00:00Z, got "${text}"`,
    });
    return z.NEVER;
  }
  return time;
});

const INT64_MESSAGE = 'expected an integer, or a string of digits';

/** An int64 as Google's REST APIs write it: a JSON string of digits (or a plain integer), as a bigint. */
export const int64 = z
  .union([z.int(), z.string().regex(/^-?\d+$/, { error: INT64_MESSAGE })], { error: INT64_MESSAGE })
  .transform((value) => BigInt(value));

/** Refuses an array of `json` at `key` longer than `max`, before its entries are validated one by one. */
export const checkEntryCount = (
  json: unknown,
  key: string,
  max: number,
  format: string,
  what: string,
): void => {
  const entries = typeof json === 'object' && json !== null ? (json as Record<string, unknown>)[key] : null;
  if (Array.isArray(entries)) checkSampleCount(entries.length, max, format, what);
};
