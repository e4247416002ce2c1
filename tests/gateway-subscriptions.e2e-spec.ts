import type { FormattedExecutionResult } from 'graphql';
import { createClient as createSseClient } from 'graphql-sse';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { join } from 'node:path';
import { repoRoot } from '../lib/paths';
import { eventually } from '../lib/testing/eventually';
import { loadSupergraph } from '../gateway/src/supergraph-file';
import { FinishRecordingDocument, StartWithIdDocument } from './__generated__/operations';
import { anAthlete } from './support/athletes';
import { useTestPlatform } from './support/test-platform';
import { ndjson, runSamples } from './support/tracks';

const pulse = useTestPlatform();

// Fields of two subgraphs: the progress comes from training, the athlete's display name from identity.
const PROGRESS = `subscription GatewayProgress($workoutId: ID!) {
  workoutProgress(workoutId: $workoutId) {
    workoutId
    status
    sampleCount
    distanceMeters
    athlete { displayName }
  }
}`;

interface Progress {
  workoutId: string;
  status: string;
  sampleCount: number;
  distanceMeters: number;
  athlete: { displayName: string };
}
type Result = FormattedExecutionResult<{ workoutProgress: Progress }>;

const T0 = Date.now() - 3_600_000;
const gatewayWsUrl = () => pulse().platform.gateway.url.replace(/^http/, 'ws');

function gatewayClient(token: string) {
  let closeCode: number | undefined;
  const client = createClient({
    url: gatewayWsUrl(),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    on: { closed: (event) => (closeCode = (event as { code: number }).code) },
  });
  return { client, closeCode: () => closeCode };
}

function subscribe(client: Client, workoutId: string, query = PROGRESS) {
  const results: Result[] = [];
  const errors: unknown[] = [];
  let completed = false;
  client.subscribe<Result['data']>(
    { query, variables: { workoutId } },
    {
      next: (result) => results.push(result as Result),
      error: (error) => errors.push(error),
      complete: () => (completed = true),
    },
  );
  const progress = () => results.flatMap((r) => (r.data ? [r.data.workoutProgress] : []));
  return { results, errors, progress, completed: () => completed };
}

async function startWorkout(token: string) {
  const start = await pulse().send(
    StartWithIdDocument,
    { sport: 'RUN', startedAt: new Date(T0).toISOString() },
    token,
  );
  return start.data!.startWorkout.id;
}

const samples = runSamples({ start: T0, seconds: 900, speed: 1000 / 300, heartRate: 140 });

async function sendBatch(token: string, workoutId: string, index: number) {
  const response = await fetch(
    `${pulse().gatewayOrigin}/telemetry/workouts/${workoutId}/batches/gw-${index}`,
    {
      method: 'POST',
      body: ndjson(samples.slice(index * 300, index * 300 + 300)),
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${token}` },
    },
  );
  expect(response.status).toBe(200);
}

/** A gauge of the gateway's /metrics (the whole platform runs in this process: one registry). */
async function metric(name: string): Promise<number> {
  const text = await (await fetch(`${pulse().gatewayOrigin}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return Number(line?.split(' ')[1]);
}

/** Waits for the close of a raw socket and gives its code. */
function closeCodeOf(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => socket.once('close', (code) => resolve(code)));
}

describe('subscriptions through the gateway', () => {
  it('sends the merged events in order over graphql-ws, and identical subscribers share one upstream', async () => {
    const { accessToken: token } = await anAthlete(pulse(), 'Gwen Gateway');
    const workoutId = await startWorkout(token);
    const first = gatewayClient(token);
    const second = gatewayClient(token);
    try {
      const one = subscribe(first.client, workoutId);
      // The current figures come at once, with the display name identity owns.
      await eventually(() =>
        expect(one.progress()[0]).toEqual({
          workoutId,
          status: 'IN_PROGRESS',
          sampleCount: 0,
          distanceMeters: 0,
          athlete: { displayName: 'Gwen Gateway' },
        }),
      );
      const two = subscribe(second.client, workoutId);
      await eventually(async () => {
        expect(await metric('pulse_gateway_active_subscriptions')).toBe(2);
        expect(await metric('pulse_gateway_subscription_upstreams')).toBe(1);
      });
      // A client joining a shared upstream gets its latest event at once.
      await eventually(() => expect(two.progress()[0]).toMatchObject({ workoutId, sampleCount: 0 }));

      for (const batch of [0, 1, 2]) {
        await sendBatch(token, workoutId, batch);
        await eventually(() => {
          expect(one.progress().at(-1)?.sampleCount).toBe(batch * 300 + 300);
          expect(two.progress().at(-1)?.sampleCount).toBe(batch * 300 + 300);
        });
      }
      for (const received of [one, two]) {
        const counts = received.progress().map((p) => p.sampleCount);
        expect(counts).toEqual([...counts].sort((a, b) => a - b));
        expect(received.progress().every((p) => p.athlete.displayName === 'Gwen Gateway')).toBe(true);
        expect(received.errors).toEqual([]);
      }
      expect(one.progress().at(-1)!.distanceMeters).toBeGreaterThan(2900);

      // The finish is the upstream's last message: every client gets it, then completes.
      await pulse().send(
        FinishRecordingDocument,
        { id: workoutId, finishedAt: new Date(T0 + 901_000).toISOString() },
        token,
      );
      await eventually(() => {
        expect(one.completed() && two.completed()).toBe(true);
        expect(one.progress().at(-1)?.status).toBe('FINISHED');
        expect(two.progress().at(-1)?.status).toBe('FINISHED');
      });
    } finally {
      await first.client.dispose();
      await second.client.dispose();
    }
    // The last client leaving closes the upstream.
    await eventually(async () => {
      expect(await metric('pulse_gateway_active_subscriptions')).toBe(0);
      expect(await metric('pulse_gateway_subscription_upstreams')).toBe(0);
    });
  });

  it('delivers the same events over SSE', async () => {
    const { accessToken: token } = await anAthlete(pulse(), 'Sam Stream');
    const workoutId = await startWorkout(token);
    const client = createSseClient({
      url: pulse().platform.gateway.url,
      fetchFn: fetch,
      headers: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    const results: Result[] = [];
    let completed = false;
    const dispose = client.subscribe(
      { query: PROGRESS, variables: { workoutId } },
      {
        next: (result) => results.push(result as Result),
        error: (error) => results.push({ errors: [{ message: String(error) }] }),
        complete: () => (completed = true),
      },
    );
    try {
      await eventually(() => expect(results[0]?.data?.workoutProgress.sampleCount).toBe(0));
      await sendBatch(token, workoutId, 0);
      await eventually(() => expect(results.at(-1)?.data?.workoutProgress.sampleCount).toBe(300));
      expect(results.every((r) => !r.errors)).toBe(true);
      expect(results.at(-1)!.data!.workoutProgress).toMatchObject({
        workoutId,
        status: 'IN_PROGRESS',
        athlete: { displayName: 'Sam Stream' },
      });
      expect(completed).toBe(false);
    } finally {
      dispose();
      client.dispose();
    }
  });

  it('answers an SSE request with a bad token with 401 UNAUTHENTICATED', async () => {
    const response = await fetch(pulse().platform.gateway.url, {
      method: 'POST',
      headers: {
        accept: 'text/event-stream',
        'content-type': 'application/json',
        authorization: 'Bearer nope',
      },
      body: JSON.stringify({ query: PROGRESS, variables: { workoutId: 'w' } }),
    });
    expect(response.status).toBe(401);
    expect((await response.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it("closes the socket with 4403 when the subscription is refused upstream (another athlete's workout)", async () => {
    const { accessToken: owner } = await anAthlete(pulse());
    const { accessToken: stranger } = await anAthlete(pulse(), 'Stranger');
    const workoutId = await startWorkout(owner);
    const { client, closeCode } = gatewayClient(stranger);
    try {
      const attempt = subscribe(client, workoutId);
      await eventually(() => expect(closeCode()).toBe(4403));
      expect(attempt.progress()).toEqual([]);
    } finally {
      await client.dispose();
    }
  });

  it('closes a socket that never sends connection_init with 4408', async () => {
    const socket = new WebSocket(gatewayWsUrl(), 'graphql-transport-ws');
    expect(await closeCodeOf(socket)).toBe(4408);
  });

  it('closes a socket whose connection_init carries a bad token with 4401', async () => {
    const socket = new WebSocket(gatewayWsUrl(), 'graphql-transport-ws');
    socket.on('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: 'Bearer forged' } })),
    );
    expect(await closeCodeOf(socket)).toBe(4401);
  });

  it('closes a socket that sends something other than a protocol message with 4400', async () => {
    const socket = new WebSocket(gatewayWsUrl(), 'graphql-transport-ws');
    socket.on('open', () => socket.send('{"type":"hello"}'));
    expect(await closeCodeOf(socket)).toBe(4400);
  });

  it('closes a socket that opens more than 50 subscriptions at once with 4429', async () => {
    const { accessToken: token } = await anAthlete(pulse());
    const workoutId = await startWorkout(token);
    const { client, closeCode } = gatewayClient(token);
    try {
      const subscriptions = Array.from({ length: 51 }, () => subscribe(client, workoutId));
      await eventually(() => expect(closeCode()).toBe(4429));
      expect(subscriptions[0]!.errors).not.toEqual([]);
    } finally {
      await client.dispose();
    }
  });

  it('refuses queries and invalid operations with an error code, without closing the socket', async () => {
    const { accessToken: token } = await anAthlete(pulse());
    const { client, closeCode } = gatewayClient(token);
    try {
      const query = subscribe(client, 'w', '{ __typename }');
      const invalid = subscribe(client, 'w', 'subscription { workoutProgress(workoutId: "w") { nope } }');
      await eventually(() => {
        expect(JSON.stringify(query.errors)).toContain('BAD_REQUEST');
        expect(JSON.stringify(invalid.errors)).toContain('GRAPHQL_VALIDATION_FAILED');
      });
      // The client closes its idle socket normally (lazy mode); the server closed nothing.
      expect(closeCode() ?? 1000).toBe(1000);
    } finally {
      await client.dispose();
    }
  });
  it('applies the query limits to subscriptions before any subgraph is called', async () => {
    const { accessToken: token } = await anAthlete(pulse());
    const { client } = gatewayClient(token);
    // Workout → athlete → workouts → node → athlete → … : deeper than the 12 levels allowed.
    const nested = (depth: number): string =>
      depth === 0 ? 'id' : `athlete { workouts(first: 1) { edges { node { ${nested(depth - 1)} } } } }`;
    try {
      const deep = subscribe(
        client,
        'w',
        `subscription($workoutId: ID!) { workoutProgress(workoutId: $workoutId) { workout { ${nested(4)} } } }`,
      );
      await eventually(() => expect(JSON.stringify(deep.errors)).toContain('QUERY_TOO_COMPLEX'));
    } finally {
      await client.dispose();
    }
  });
  it('ends active subscriptions with SUPERGRAPH_RELOADED on a reload, and serves the new supergraph', async () => {
    const { accessToken: token } = await anAthlete(pulse());
    const workoutId = await startWorkout(token);
    const { client } = gatewayClient(token);
    try {
      const progress = subscribe(client, workoutId);
      await eventually(() => expect(progress.progress()).not.toHaveLength(0));
      const urls = Object.fromEntries(pulse().platform.subgraphs.map((s) => [s.name, s.url]));
      await pulse().platform.gateway.reload(loadSupergraph(join(repoRoot, 'supergraph.graphql'), urls));
      await eventually(() =>
        expect(JSON.stringify([...progress.results, ...progress.errors])).toContain('SUPERGRAPH_RELOADED'),
      );
      // Queries and new subscriptions go on, planned against the reloaded supergraph.
      expect((await pulse().send(StartWithIdDocument, { sport: 'RUN' }, token)).errors).toBeUndefined();
      const again = subscribe(client, workoutId);
      await eventually(() => expect(again.progress()[0]).toMatchObject({ workoutId, sampleCount: 0 }));
    } finally {
      await client.dispose();
    }
  });
});
