import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { parseEvent, type AnyEvent } from '../lib/events/envelope';
import { eventually } from '../lib/testing/eventually';
import { recordSpans, type SpanRecording } from '../lib/tracing/span-recorder';
import { traceIdOf } from '../lib/tracing/trace-context';
import { FinishWorkoutDocument, MeDocument, StartWorkoutDocument } from './__generated__/operations';
import { anAthlete } from './support/athletes';
import { useTestPlatform } from './support/test-platform';

const pulse = useTestPlatform();

let recording: SpanRecording;
beforeEach(() => {
  recording = recordSpans();
});
afterEach(() => recording.stop());

const spansNamed = (name: string) => recording.spans().filter((s) => s.name === name);
const scopeOf = (span: ReadableSpan) => span.instrumentationScope.name;

/** The gateway span of the operation named `operationName` (one per request). */
function gatewaySpanOf(operationName: string): ReadableSpan {
  const spans = spansNamed('graphql.request').filter(
    (s) => s.attributes['graphql.operation.name'] === operationName,
  );
  expect(spans).toHaveLength(1);
  return spans[0]!;
}

/** The span ids above `span` in its trace, nearest first (Apollo's own gateway spans sit in between). */
function ancestorIdsOf(span: ReadableSpan): string[] {
  const byId = new Map(recording.spans().map((s) => [s.spanContext().spanId, s]));
  const ids: string[] = [];
  for (let id = span.parentSpanContext?.spanId; id; id = byId.get(id)?.parentSpanContext?.spanId)
    ids.push(id);
  return ids;
}

async function retainedEvents(topic: string): Promise<AnyEvent[]> {
  const events: AnyEvent[] = [];
  await pulse().platform.bus.readRetained([topic], null, async (message) => {
    const event = parseEvent(message);
    if (event) events.push(event);
  });
  return events;
}

describe('tracing from the gateway through the subgraphs into events', () => {
  it('puts the gateway request, the subgraph fetch and the subgraph request in one trace', async () => {
    const { user } = await anAthlete(pulse());

    const gateway = gatewaySpanOf('Register');
    const traceId = gateway.spanContext().traceId;
    expect(scopeOf(gateway)).toBe('pulse.gateway');
    expect(gateway.attributes['graphql.operation.type']).toBe('mutation');
    const fetches = spansNamed('subgraph.fetch').filter((s) => s.spanContext().traceId === traceId);
    expect(fetches).toHaveLength(1);
    expect(ancestorIdsOf(fetches[0]!)).toContain(gateway.spanContext().spanId);
    const identity = spansNamed('subgraph.request').filter((s) => s.spanContext().traceId === traceId);
    expect(identity.map(scopeOf)).toEqual(['pulse.subgraph.identity']);
    expect(identity[0]!.parentSpanContext?.spanId).toBe(fetches[0]!.spanContext().spanId);
    expect(identity[0]!.attributes['graphql.operation.name']).toBe('Register__identity__0');

    // The event the request published carries the same trace (written to the outbox, relayed later).
    await eventually(async () => {
      const registered = (await retainedEvents('pulse.identity.v1')).find(
        (e) => e.type === 'identity.user.registered' && e.data.userId === user.id,
      );
      expect(traceIdOf(registered?.traceparent)).toBe(traceId);
    });
  });

  it('continues the trace in the consumer of an event and in the events it emits', async () => {
    const { accessToken } = await anAthlete(pulse());
    const startedAt = new Date(Date.now() - 3_600_000).toISOString();
    const started = await pulse().send(StartWorkoutDocument, { sport: 'RUN', startedAt }, accessToken);
    const workoutId = started.data!.startWorkout.id;
    const finished = await pulse().send(
      FinishWorkoutDocument,
      { id: workoutId, distanceMeters: 5_000 },
      accessToken,
    );
    expect(finished.errors).toBeUndefined();
    const traceId = gatewaySpanOf('FinishWorkout').spanContext().traceId;

    // Its four consumers (inventory, gamification, insights and social) handle training.workout.completed
    // inside a span of the FinishWorkout trace; which of them comes first is up to the scheduler.
    await eventually(() => {
      const consumed = spansNamed('event.consume training.workout.completed').filter(
        (s) => s.spanContext().traceId === traceId,
      );
      expect(consumed.map((s) => s.attributes['pulse.event.type'])).toEqual([
        'training.workout.completed',
        'training.workout.completed',
        'training.workout.completed',
        'training.workout.completed',
      ]);
    });
    const completed = (await retainedEvents('pulse.training.v1')).find(
      (e) => e.type === 'training.workout.completed' && e.aggregateId === workoutId,
    );
    expect(traceIdOf(completed?.traceparent)).toBe(traceId);
  });

  it("continues a client's own traceparent", async () => {
    const clientTraceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await fetch(`${pulse().gatewayOrigin}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        traceparent: `00-${clientTraceId}-00f067aa0ba902b7-01`,
      },
      body: JSON.stringify({ query: 'query ClientTraced { sports { sport } }' }),
    });
    expect(response.status).toBe(200);
    const gateway = gatewaySpanOf('ClientTraced');
    expect(gateway.spanContext().traceId).toBe(clientTraceId);
    expect(gateway.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(
      spansNamed('subgraph.request')
        .filter((s) => s.spanContext().traceId === clientTraceId)
        .map(scopeOf),
    ).toEqual(['pulse.subgraph.training']);
  });
});

/** The value of one series in a Prometheus text exposition (0 when absent). */
function seriesValue(exposition: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const line = exposition
    .split('\n')
    .find((l) => l.startsWith(`${name}{`) && wanted.every((label) => l.includes(label)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

describe('gateway metrics at /metrics', () => {
  const scrape = async () => (await fetch(`${pulse().gatewayOrigin}/metrics`)).text();
  const post = (body: object, headers: Record<string, string> = {}) =>
    fetch(`${pulse().gatewayOrigin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('counts successful and failing requests, their latency and their error codes', async () => {
    const { accessToken } = await anAthlete(pulse());
    const before = await scrape();
    const querySuccess = { operation_type: 'query', outcome: 'success' };
    const queryError = { operation_type: 'query', outcome: 'error' };
    const unknownError = { operation_type: 'unknown', outcome: 'error' };

    expect((await pulse().send(MeDocument, {}, accessToken)).errors).toBeUndefined();
    expect((await pulse().send(MeDocument, {}, accessToken)).errors).toBeUndefined();
    expect((await pulse().send(MeDocument, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await post({ query: '{ noSuchField }' })).status).toBe(400);
    expect((await post({ query: '{ me { id } }' }, { authorization: 'Bearer forged' })).status).toBe(401);

    const after = await scrape();
    const delta = (name: string, labels: Record<string, string>) =>
      seriesValue(after, name, labels) - seriesValue(before, name, labels);
    expect(delta('pulse_gateway_requests_total', querySuccess)).toBe(2);
    expect(delta('pulse_gateway_request_duration_seconds_count', querySuccess)).toBe(2);
    expect(delta('pulse_gateway_requests_total', queryError)).toBe(1);
    // The invalid query and the forged token are refused before an operation type is known.
    expect(delta('pulse_gateway_requests_total', unknownError)).toBe(2);
    expect(delta('pulse_gateway_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(delta('pulse_gateway_errors_total', { code: 'UNAUTHENTICATED' })).toBe(2);
    // Exported for rate limiting to count with; the subscription series are the subscription module's.
    for (const series of [
      'pulse_gateway_rate_limited_total counter',
      'pulse_gateway_active_subscriptions gauge',
      'pulse_gateway_subscription_messages_dropped_total counter',
    ]) {
      expect(after).toContain(`# TYPE ${series}`);
    }
  });
});
