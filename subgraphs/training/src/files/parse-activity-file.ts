/**
 * The entry point of file import: takes the uploaded bytes, gunzips them when they are gzip (bounded by
 * MAX_INFLATED_BYTES), recognises the format by content (never by name: the file name and content type
 * only make error messages more helpful), runs the format's parser and checks the result is usable. A
 * file that names no sport gets one from its moving speed when that is clearly a walk, a run or a ride.
 */
import { gunzipSync } from 'node:zlib';
import { BadUserInputError } from '../../../../lib/errors/domain-error';
import type { ActivityFormat, ImportedActivity } from './activity';
import { MAX_SAMPLES_PER_ACTIVITY } from './activity-limits';
import { parseAppleHealth } from './apple-health';
import { parseFit } from './fit';
import { parseGoogleFit } from './google-fit';
import { parseGpx } from './gpx';
import { sportFromSpeed } from './sport-from-speed';
import { parseTcx } from './tcx';

/** Largest file once gunzipped: beyond it the upload is refused (a "gzip bomb" or an absurd file). */
export const MAX_INFLATED_BYTES = 100 * 1024 * 1024;

export const ACCEPTED_FORMATS =
  'FIT, GPX 1.0/1.1, TCX, Apple Health workout JSON and Google Fit session JSON (each optionally gzip-compressed)';

export interface ActivityFileHint {
  fileName?: string;
  contentType?: string;
}

export interface ParseActivityFileOptions {
  /** Overrides MAX_INFLATED_BYTES (tests use a small limit). */
  maxInflatedBytes?: number;
  /** Overrides MAX_SAMPLES_PER_ACTIVITY (tests use a small limit). */
  maxSamples?: number;
}

const fail = (message: string): never => {
  throw new BadUserInputError('file', message);
};

const describe = (hint: ActivityFileHint | undefined): string => {
  const parts = [hint?.fileName && `"${hint.fileName}"`, hint?.contentType && `(${hint.contentType})`];
  const text = parts.filter(Boolean).join(' ');
  return text === '' ? 'The file' : `The file ${text}`;
};

const isGzip = (bytes: Uint8Array): boolean => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

const gunzip = (bytes: Buffer, limit: number, hint: ActivityFileHint | undefined): Buffer => {
  try {
    return gunzipSync(bytes, { maxOutputLength: limit });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      return fail(
        `${describe(hint)} inflates to more than ${limit} bytes once decompressed: ` +
          `the limit is ${limit} bytes (${Math.round(limit / (1024 * 1024))} MB) uncompressed.`,
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`${describe(hint)} starts like gzip but is not a valid gzip stream (${reason}).`);
  }
};

/** FIT: a 12- or 14-byte header with ".FIT" at bytes 8–11. */
const isFit = (bytes: Uint8Array): boolean =>
  bytes.length >= 12 &&
  (bytes[0] === 12 || bytes[0] === 14) &&
  bytes[8] === 0x2e &&
  bytes[9] === 0x46 &&
  bytes[10] === 0x49 &&
  bytes[11] === 0x54;

/** The local name of the first element, skipping the declaration, comments, processing instructions and DOCTYPE. */
const xmlRootName = (text: string): string | null => {
  const prolog = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*/i.exec(text);
  const rest = text.slice(prolog?.[0].length ?? 0);
  const match = /^<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)/.exec(rest);
  const name = match?.[1];
  return name === undefined ? null : (name.split(':').pop() ?? null);
};

const has = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

type Detected = { format: ActivityFormat; parse: () => ImportedActivity };

const detect = (bytes: Buffer, hint: ActivityFileHint | undefined, maxSamples: number): Detected => {
  if (isFit(bytes)) return { format: 'FIT', parse: () => parseFit(bytes, maxSamples) };
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const start = text.trimStart();
  if (start.startsWith('<')) {
    const root = xmlRootName(start);
    if (root === 'gpx') return { format: 'GPX', parse: () => parseGpx(text, maxSamples) };
    if (root === 'TrainingCenterDatabase') return { format: 'TCX', parse: () => parseTcx(text, maxSamples) };
    return fail(
      `${describe(hint)} is XML but neither GPX nor TCX (its root element is ${root === null ? 'unreadable' : `<${root}>`}). ` +
        `Accepted formats: ${ACCEPTED_FORMATS}.`,
    );
  }
  if (start.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return fail(`${describe(hint)} looks like JSON but is not valid JSON: ${reason}.`);
    }
    if (typeof json === 'object' && json !== null && !Array.isArray(json)) {
      if (has(json, 'workout') || has(json, 'route')) {
        return { format: 'APPLE_HEALTH', parse: () => parseAppleHealth(json, maxSamples) };
      }
      if (has(json, 'session') || has(json, 'datasets')) {
        return { format: 'GOOGLE_FIT', parse: () => parseGoogleFit(json, maxSamples) };
      }
    }
    return fail(
      `${describe(hint)} is JSON but neither Apple Health ("workout", "route") nor Google Fit ("session", ` +
        `"datasets") JSON. Accepted formats: ${ACCEPTED_FORMATS}.`,
    );
  }
  const claimsFit = /\.fit$/i.test(hint?.fileName ?? '') || /fit/i.test(hint?.contentType ?? '');
  return fail(
    `${describe(hint)} is not a recognised activity file` +
      (claimsFit ? ' (it is named like a FIT file, but bytes 8–11 are not ".FIT")' : '') +
      `. Accepted formats: ${ACCEPTED_FORMATS}.`,
  );
};

/**
 * Parses an uploaded activity file of any accepted format (see ACCEPTED_FORMATS). Throws
 * BadUserInputError (field `file`) with an actionable message for anything it cannot import.
 */
export const parseActivityFile = (
  bytes: Buffer,
  hint?: ActivityFileHint,
  options: ParseActivityFileOptions = {},
): ImportedActivity => {
  if (bytes.length === 0) fail(`${describe(hint)} is empty.`);
  const content = isGzip(bytes) ? gunzip(bytes, options.maxInflatedBytes ?? MAX_INFLATED_BYTES, hint) : bytes;
  if (content.length === 0) fail(`${describe(hint)} is empty once decompressed.`);
  const maxSamples = options.maxSamples ?? MAX_SAMPLES_PER_ACTIVITY;
  const activity = detect(content, hint, maxSamples).parse();
  if (activity.samples.length === 0 && (activity.startedAt === null || activity.finishedAt === null)) {
    fail(
      `${describe(hint)} (${activity.format}) holds neither samples nor a start and end time: ` +
        'there is no activity to import.',
    );
  }
  return withSportFromSpeed(activity);
};

/** A file whose words name no sport gets the one its moving speed tells (walk, run, ride), if any. */
export const withSportFromSpeed = (activity: ImportedActivity): ImportedActivity => {
  if (activity.sportSource !== 'UNKNOWN') return activity;
  const speed = sportFromSpeed(activity.samples, activity.segmentStarts, activity.pauses);
  const reason = `${activity.sportReason.replace(/\.$/, '')}; ${speed.reason}.`;
  return speed.sport === null
    ? { ...activity, sportReason: reason }
    : { ...activity, sport: speed.sport, sportSource: 'INFERRED_FROM_SPEED', sportReason: reason };
};
