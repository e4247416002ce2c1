/** The sync engine's requests, sent through the app's Apollo Client (with the session's token, renewed as needed). */
import { graphql } from '../__generated__/gql';
import { apolloClient } from '../api/apollo';
import type { SyncTransport } from './sync-engine';

const StartMutation = graphql(`
  mutation OutboxSyncStart($id: ID!, $sport: Sport!, $startedAt: DateTime!) {
    startWorkout(id: $id, sport: $sport, startedAt: $startedAt) {
      id
      status
    }
  }
`);

const TelemetryMutation = graphql(`
  mutation OutboxSyncTelemetry($workoutId: ID!, $batch: TelemetryBatchInput!) {
    recordTelemetry(workoutId: $workoutId, batch: $batch) {
      workoutId
      batchId
      accepted
      duplicates
      sampleCount
    }
  }
`);

const PauseMutation = graphql(`
  mutation OutboxSyncPause($id: ID!, $at: DateTime!) {
    pauseWorkout(id: $id, at: $at) {
      id
      status
    }
  }
`);

const ResumeMutation = graphql(`
  mutation OutboxSyncResume($id: ID!, $at: DateTime!) {
    resumeWorkout(id: $id, at: $at) {
      id
      status
    }
  }
`);

const FinishMutation = graphql(`
  mutation OutboxSyncFinish($id: ID!, $finishedAt: DateTime!) {
    finishWorkout(id: $id, finishedAt: $finishedAt) {
      id
      status
    }
  }
`);

const DiscardMutation = graphql(`
  mutation OutboxSyncDiscard($id: ID!) {
    discardWorkout(id: $id)
  }
`);

const StatusQuery = graphql(`
  query OutboxSyncStatus($id: ID!) {
    workout(id: $id) {
      id
      status
    }
  }
`);

const iso = (ms: number) => new Date(ms).toISOString();

export const apolloSyncTransport: SyncTransport = {
  async startWorkout({ workoutId, sport, startedAt }) {
    await apolloClient.mutate({
      mutation: StartMutation,
      variables: { id: workoutId, sport, startedAt: iso(startedAt) },
    });
  },
  async recordTelemetry(workoutId, batch) {
    const { data } = await apolloClient.mutate({
      mutation: TelemetryMutation,
      variables: { workoutId, batch },
    });
    return { sampleCount: data!.recordTelemetry.sampleCount };
  },
  async pauseWorkout(id, at) {
    await apolloClient.mutate({ mutation: PauseMutation, variables: { id, at: iso(at) } });
  },
  async resumeWorkout(id, at) {
    await apolloClient.mutate({ mutation: ResumeMutation, variables: { id, at: iso(at) } });
  },
  async finishWorkout(id, at) {
    await apolloClient.mutate({ mutation: FinishMutation, variables: { id, finishedAt: iso(at) } });
  },
  async discardWorkout(id) {
    await apolloClient.mutate({ mutation: DiscardMutation, variables: { id } });
  },
  async workoutStatus(id) {
    const { data } = await apolloClient.query({
      query: StatusQuery,
      variables: { id },
      fetchPolicy: 'network-only',
    });
    return data?.workout?.status ?? null;
  },
};
