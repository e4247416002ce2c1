import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { eventually } from '../lib/testing/eventually';
import {
  FinishRecordingDocument,
  StartWithIdDocument,
  WorkoutProgressDocument,
  type WorkoutProgressSubscription,
} from './__generated__/operations';
import { anAthlete } from './support/athletes';
import { useTestPlatform } from './support/test-platform';
import { ndjson, runSamples } from './support/tracks';

const pulse = useTestPlatform();

/** graphql-ws client of the training subgraph (the gateway serves subscriptions in a later step). */
function trainingClient(token: string): Client {
  const training = pulse().platform.subgraphs.find((s) => s.name === 'training')!;
  return createClient({
    url: training.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
}

function subscribe(client: Client, workoutId: string) {
  const messages: NonNullable<WorkoutProgressSubscription['workoutProgress']>[] = [];
  const errors: unknown[] = [];
  let active = true;
  const dispose = client.subscribe<WorkoutProgressSubscription>(
    { query: print(WorkoutProgressDocument), variables: { workoutId } },
    {
      next: (result) => {
        if (result.data) messages.push(result.data.workoutProgress);
        if (result.errors) errors.push(...result.errors);
      },
      error: (error) => errors.push(error),
      complete: () => {
        active = false;
      },
    },
  );
  return { messages, errors, dispose, isActive: () => active };
}

const T0 = Date.now() - 3_600_000;

describe('live workout progress (graphql-ws on the training subgraph)', () => {
  it('sends the running figures after each batch and the final ones at the finish, to the owner only', async () => {
    const { accessToken: token } = await anAthlete(pulse());
    const { accessToken: stranger } = await anAthlete(pulse(), 'Stranger');
    const start = await pulse().send(
      StartWithIdDocument,
      { sport: 'RUN', startedAt: new Date(T0).toISOString() },
      token,
    );
    const workoutId = start.data!.startWorkout.id;

    const client = trainingClient(token);
    const strangerClient = trainingClient(stranger);
    try {
      const owner = subscribe(client, workoutId);
      const other = subscribe(strangerClient, workoutId);
      await eventually(() => expect(other.errors).not.toHaveLength(0));
      expect(JSON.stringify(other.errors)).toContain('NOT_FOUND');

      // A new subscriber first gets the figures as they are (nothing recorded yet).
      await eventually(() => expect(owner.messages[0]).toMatchObject({ sampleCount: 0, distanceMeters: 0 }));
      const samples = runSamples({ start: T0, seconds: 600, speed: 1000 / 300, heartRate: 142 });
      for (const [batch, from] of [0, 300].entries()) {
        const response = await fetch(
          `${pulse().gatewayOrigin}/telemetry/workouts/${workoutId}/batches/live-${batch}`,
          {
            method: 'POST',
            body: ndjson(samples.slice(from, from + 300)),
            headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${token}` },
          },
        );
        expect(response.status).toBe(200);
        await eventually(() => expect(owner.messages.at(-1)?.sampleCount).toBe(from + 300));
      }
      const running = owner.messages.at(-1)!;
      expect(running).toMatchObject({ workoutId, status: 'IN_PROGRESS', heartRate: 142 });
      expect(running.distanceMeters).toBeGreaterThan(1900);

      await pulse().send(
        FinishRecordingDocument,
        { id: workoutId, finishedAt: new Date(T0 + 601_000).toISOString() },
        token,
      );
      await eventually(() => expect(owner.messages.at(-1)?.status).toBe('FINISHED'));
      expect(owner.messages.at(-1)!.distanceMeters).toBeCloseTo(2000, -1);
      // The finish is the last message: the subscription completes.
      await eventually(() => expect(owner.isActive()).toBe(false));
    } finally {
      await client.dispose();
      await strangerClient.dispose();
    }
  });
});
