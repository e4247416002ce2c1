/**
 * The ingestion benchmark's client, playing a tracking app: a plausible 1 Hz run (every channel filled,
 * values rounded as a watch records them; seeded, so every run and database gets the same samples), its
 * request bodies (NDJSON, optionally gzipped; GraphQL columns) and the requests that send them.
 */
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type FormattedExecutionResult } from 'graphql';
import type { SampleRow } from '../../subgraphs/training/src/telemetry/telemetry-batch';
import {
  FinishWorkoutDocument,
  RecordTelemetryDocument,
  RegisterDocument,
  StartWithIdDocument,
} from '../../tests/__generated__/operations';

/** The gateway as the client sees it. */
export interface Gateway {
  graphqlUrl: string;
  origin: string;
  token: string;
}

/** One prepared request: resolves to the number of samples the server accepted. */
export type Upload = () => Promise<number>;

const METRES_PER_DEGREE = 111_320;

/** xorshift32: a tiny seeded generator, so that the figures of two runs are comparable. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
}

const rounded = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** `count` samples of a steady run starting at `startMs`, one per second. */
export function runningSamples(count: number, startMs: number): SampleRow[] {
  const random = seededRandom(20_261_120);
  const rows: SampleRow[] = [];
  let latitude = 46.0569;
  let longitude = 14.5058;
  let heading = 0.6;
  for (let second = 0; second < count; second += 1) {
    const speed = 3.2 + 0.25 * Math.sin(second / 300) + (random() - 0.5) * 0.3;
    heading += (random() - 0.5) * 0.05;
    latitude += (speed * Math.cos(heading)) / METRES_PER_DEGREE;
    longitude += (speed * Math.sin(heading)) / (METRES_PER_DEGREE * Math.cos((latitude * Math.PI) / 180));
    rows.push({
      sequence: second,
      recordedAt: new Date(startMs + second * 1000),
      latitude: rounded(latitude, 7),
      longitude: rounded(longitude, 7),
      altitude: rounded(295 + 12 * Math.sin(second / 900) + (random() - 0.5) * 0.6, 1),
      heartRate: Math.round(105 + 50 * Math.min(1, second / 600) + second / 400 + (random() - 0.5) * 4),
      cadence: Math.round(172 + (random() - 0.5) * 6),
      power: Math.round(75 * speed + (random() - 0.5) * 20),
      speed: rounded(speed, 2),
      temperature: rounded(16 + second / 3600, 1),
    });
  }
  return rows;
}

/** The rows in consecutive batches of `size`. */
export function batchesOf(rows: SampleRow[], size: number): SampleRow[][] {
  const batches: SampleRow[][] = [];
  for (let start = 0; start < rows.length; start += size) batches.push(rows.slice(start, start + size));
  return batches;
}

/** A batch as NDJSON with the endpoint's short keys, one sample per line. */
export function ndjsonOf(rows: SampleRow[]): Buffer {
  const lines = rows.map((row) =>
    JSON.stringify({
      seq: row.sequence,
      t: row.recordedAt.getTime(),
      lat: row.latitude,
      lon: row.longitude,
      alt: row.altitude,
      hr: row.heartRate,
      cad: row.cadence,
      pow: row.power,
      spd: row.speed,
      temp: row.temperature,
    }),
  );
  return Buffer.from(lines.join('\n'));
}

export const gzipped = (body: Buffer): Buffer => gzipSync(body);

/** A batch in the shape of the GraphQL TelemetryBatchInput (time in ms since the epoch). */
export function columnsOf(batchId: string, rows: SampleRow[]) {
  return {
    batchId,
    sequence: rows.map((r) => r.sequence),
    time: rows.map((r) => r.recordedAt.getTime()),
    latitude: rows.map((r) => r.latitude),
    longitude: rows.map((r) => r.longitude),
    altitude: rows.map((r) => r.altitude),
    heartRate: rows.map((r) => r.heartRate),
    cadence: rows.map((r) => r.cadence),
    power: rows.map((r) => r.power),
    speed: rows.map((r) => r.speed),
    temperature: rows.map((r) => r.temperature),
  };
}

/** A GraphQL request body: the document printed, with its variables. */
export const graphqlBody = <R, V>(document: TypedDocumentNode<R, V>, variables: V) =>
  JSON.stringify({ query: print(document), variables });

async function postGraphql<R>(url: string, body: string, token?: string): Promise<R> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body,
  });
  const result = (await response.json()) as FormattedExecutionResult<R>;
  if (!result.data || result.errors) throw new Error(`GraphQL failed: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** Registers a new athlete (a unique email each call, even within one millisecond); their access token. */
export async function registerAthlete(graphqlUrl: string, displayName = 'Bench'): Promise<string> {
  const email = `bench-${randomUUID()}@example.com`;
  const body = graphqlBody(RegisterDocument, { email, password: 'bench pass phrase', displayName });
  return (await postGraphql<{ register: { accessToken: string } }>(graphqlUrl, body)).register.accessToken;
}

/** Starts `count` running workouts, one request each; returns their ids. */
export async function startWorkouts(gateway: Gateway, count: number, startMs: number): Promise<string[]> {
  const body = graphqlBody(StartWithIdDocument, { sport: 'RUN', startedAt: new Date(startMs).toISOString() });
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const data = await postGraphql<{ startWorkout: { id: string } }>(gateway.graphqlUrl, body, gateway.token);
    ids.push(data.startWorkout.id);
  }
  return ids;
}

/** Finishes each workout at `finishedAtMs`, one request each. */
export async function finishWorkouts(gateway: Gateway, ids: string[], finishedAtMs: number): Promise<void> {
  const finishedAt = new Date(finishedAtMs).toISOString();
  for (const id of ids) {
    await postGraphql(
      gateway.graphqlUrl,
      graphqlBody(FinishWorkoutDocument, { id, finishedAt }),
      gateway.token,
    );
  }
}

/** POST /telemetry/workouts/{workoutId}/batches/{batchId} with a ready NDJSON body. */
export function httpUpload(
  gateway: Gateway,
  target: { workoutId: string; batchId: string },
  ndjson: { body: Buffer; gzip: boolean },
): Upload {
  const url = `${gateway.origin}/telemetry/workouts/${target.workoutId}/batches/${target.batchId}`;
  const headers = {
    authorization: `Bearer ${gateway.token}`,
    'content-type': 'application/x-ndjson',
    ...(ndjson.gzip && { 'content-encoding': 'gzip' }),
  };
  return async () => {
    const response = await fetch(url, {
      method: 'POST',
      body: new Uint8Array(ndjson.body.buffer as ArrayBuffer, ndjson.body.byteOffset, ndjson.body.length),
      headers,
    });
    if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { accepted: number }).accepted;
  };
}

/** The recordTelemetry mutation for one batch; the body is built now, before any clock starts. */
export function graphqlUpload(
  gateway: Gateway,
  target: { workoutId: string; batchId: string },
  rows: SampleRow[],
): Upload & { bytes: number } {
  const body = graphqlBody(RecordTelemetryDocument, {
    workoutId: target.workoutId,
    batch: columnsOf(target.batchId, rows),
  });
  const upload = async () => {
    const data = await postGraphql<{ recordTelemetry: { accepted: number } }>(
      gateway.graphqlUrl,
      body,
      gateway.token,
    );
    return data.recordTelemetry.accepted;
  };
  return Object.assign(upload, { bytes: Buffer.byteLength(body) });
}
