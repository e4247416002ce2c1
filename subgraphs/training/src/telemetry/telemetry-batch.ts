/**
 * A telemetry batch as clients send it: columns (one array per channel) or NDJSON (one sample per line),
 * checked for shape only. Values out of range are kept: validation flags them later, it never drops data.
 */
import { BadUserInputError } from '../../../../lib/errors/domain-error';
import { checkText } from '../../../../lib/graphql/input';
import { workoutInstantProblem } from '../../../../lib/workout-time-window';

export const MAX_SAMPLES_PER_BATCH = 20_000;
export const CHANNELS = [
  'latitude',
  'longitude',
  'altitude',
  'heartRate',
  'cadence',
  'power',
  'speed',
  'temperature',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Columns: sample i is sequence[i], time[i] (ms since the epoch or ISO 8601) and channel[i] of each channel. */
export type ColumnarBatch = {
  batchId: string;
  sequence: readonly number[];
  time: readonly (number | string)[];
} & { [C in Channel]?: readonly (number | null)[] | null };

export type SampleRow = { sequence: number; recordedAt: Date } & { [C in Channel]: number | null };

/** NDJSON keys → channels (short keys keep large uploads small). */
const NDJSON_KEYS: Record<string, Channel> = {
  lat: 'latitude',
  lon: 'longitude',
  alt: 'altitude',
  hr: 'heartRate',
  cad: 'cadence',
  pow: 'power',
  spd: 'speed',
  temp: 'temperature',
};

function timeOf(value: number | string, index: number, now: Date): Date {
  const date = typeof value === 'number' ? new Date(value) : new Date(String(value));
  if (Number.isNaN(date.getTime())) {
    throw new BadUserInputError(
      'time',
      `time[${index}] is neither milliseconds since the epoch nor an ISO 8601 time.`,
    );
  }
  const problem = workoutInstantProblem(date.getTime(), now.getTime());
  if (problem) throw new BadUserInputError('time', `time[${index}] ${problem}.`);
  return date;
}

/**
 * The rows of a batch received at `now`; throws BAD_USER_INPUT naming the field for a malformed one
 * (sample times must lie in the workout time window, lib/workout-time-window.ts).
 */
export function samplesOf(batch: ColumnarBatch, now: Date): SampleRow[] {
  if (!batch.batchId || batch.batchId.length > 100)
    throw new BadUserInputError('batchId', 'batchId needs 1 to 100 characters.');
  // The HTTP route takes it from the URL, where GraphQL's input rules do not reach.
  checkText('batchId', batch.batchId, 100);
  const count = batch.sequence.length;
  if (count === 0 || count > MAX_SAMPLES_PER_BATCH) {
    throw new BadUserInputError('sequence', `A batch holds 1 to ${MAX_SAMPLES_PER_BATCH} samples.`);
  }
  if (batch.time.length !== count)
    throw new BadUserInputError('time', `time has ${batch.time.length} values for ${count} samples.`);
  for (const channel of CHANNELS) {
    const values = batch[channel];
    if (values != null && values.length !== count) {
      throw new BadUserInputError(
        channel,
        `${channel} has ${values.length} values for ${count} samples (use null for a gap).`,
      );
    }
    const bad = values?.findIndex((v) => v != null && !Number.isFinite(v)) ?? -1;
    if (bad >= 0)
      throw new BadUserInputError(channel, `${channel}[${bad}] is not a number (use null for a gap).`);
  }
  const seen = new Set<number>();
  return batch.sequence.map((sequence, i) => {
    if (!Number.isInteger(sequence) || sequence < 0 || sequence > 2_147_483_647 || seen.has(sequence)) {
      throw new BadUserInputError(
        'sequence',
        `sequence[${i}] must be a non-negative integer, unique within the batch.`,
      );
    }
    seen.add(sequence);
    const row = { sequence, recordedAt: timeOf(batch.time[i]!, i, now) } as SampleRow;
    for (const channel of CHANNELS) row[channel] = batch[channel]?.[i] ?? null;
    return row;
  });
}

/** Turns NDJSON (`{"seq":0,"t":…,"lat":…,"hr":…}` per line) into columns. */
export function columnsOfNdjson(batchId: string, text: string): ColumnarBatch {
  const columns: { sequence: number[]; time: (number | string)[] } & Record<Channel, (number | null)[]> = {
    sequence: [],
    time: [],
    ...(Object.fromEntries(CHANNELS.map((c) => [c, []])) as unknown as Record<Channel, (number | null)[]>),
  };
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    let sample: Record<string, unknown>;
    try {
      sample = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new BadUserInputError('body', `Line ${index + 1} is not JSON.`);
    }
    columns.sequence.push(sample.seq as number);
    columns.time.push(sample.t as number | string);
    for (const [key, channel] of Object.entries(NDJSON_KEYS))
      columns[channel].push((sample[key] as number | undefined) ?? null);
  });
  return { batchId, ...columns };
}
