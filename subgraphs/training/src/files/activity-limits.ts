/**
 * How much one uploaded activity may hold, and the error that names the limit a file crossed. Parsers
 * count as they read and stop at the first sample past the limit, before the expensive work.
 */
import { DomainError } from '../../../../lib/errors/domain-error';

/**
 * Most samples one activity may hold: 500 000 is almost 6 days at 1 Hz (a 24-hour activity recorded every
 * second is 86 400), so multi-day and multisport events fit while a file cannot hold an unbounded track.
 */
export const MAX_SAMPLES_PER_ACTIVITY = 500_000;

/** A file refused for its size rather than its content: the upload endpoint answers 413 for it. */
export class FileTooLargeError extends DomainError {
  /** `limit` names the limit the file crossed, e.g. `MAX_SAMPLES_PER_ACTIVITY`. */
  constructor(message: string, limit: string) {
    super('BAD_USER_INPUT', message, { field: 'file', limit });
  }
}

/** 500000 → "500 000", as the README and messages write numbers. */
const spaced = (value: number): string => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

/** The error for a file holding more than `max` samples (`what`: "track points", "heart-rate entries", …). */
export const tooManySamples = (format: string, what: string, max: number): FileTooLargeError =>
  new FileTooLargeError(
    `The ${format} file holds more than ${spaced(max)} ${what}: at most ${spaced(max)} samples per activity ` +
      `are accepted (MAX_SAMPLES_PER_ACTIVITY). Split the activity into several files.`,
    'MAX_SAMPLES_PER_ACTIVITY',
  );

/** Throws tooManySamples when `count` exceeds `max`. */
export const checkSampleCount = (count: number, max: number, format: string, what: string): void => {
  if (count > max) throw tooManySamples(format, what, max);
};
