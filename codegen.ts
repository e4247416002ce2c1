// GraphQL Code Generator: resolver types for every subgraph (federation-aware) and typed operations
// for the end-to-end tests. Output goes to __generated__/ folders; never edit it by hand.
import type { CodegenConfig } from '@graphql-codegen/cli';
import { readdirSync } from 'node:fs';

const subgraphs = readdirSync('subgraphs', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

const resolverTypes = Object.fromEntries(
  subgraphs.map((name) => [
    `subgraphs/${name}/src/__generated__/resolvers-types.ts`,
    {
      schema: `subgraphs/${name}/schema.graphql`,
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useIndexSignature: true,
        enumsAsTypes: true,
        contextType: '../../../../lib/graphql/context#RequestContext',
        mapperTypeSuffix: 'Model',
        mappers: mappersOf(name),
        scalars: { DateTime: 'Date', Duration: 'number', LocalDate: 'string' },
      },
    },
  ]),
);

/** Each subgraph names its domain types in src/graphql-mappers.ts (`export type UserModel = …`). */
function mappersOf(name: string): Record<string, string> {
  const mappers: Record<string, Record<string, string>> = {
    identity: {
      User: '../graphql-mappers#User',
      AuthPayload: '../graphql-mappers#AuthPayload',
      PartnerApiKey: '../graphql-mappers#PartnerApiKey',
    },
    training: {
      Workout: '../graphql-mappers#Workout',
      User: '../graphql-mappers#User',
      WorkoutMetrics: '../graphql-mappers#WorkoutMetrics',
      PersonalRecord: '../graphql-mappers#PersonalRecord',
      ImportJob: '../graphql-mappers#ImportJob',
      WorkoutProgress: '../graphql-mappers#WorkoutProgress',
      TrainingProfile: '../graphql-mappers#TrainingProfile',
      PublicWorkout: '../graphql-mappers#PublicWorkout',
    },
    inventory: {
      Gear: '../graphql-mappers#Gear',
      GearComponent: '../graphql-mappers#GearComponent',
      Workout: '../graphql-mappers#Workout',
      User: '../graphql-mappers#User',
    },
    gamification: {
      User: '../graphql-mappers#User',
      Workout: '../graphql-mappers#Workout',
      LeaderboardEntry: '../graphql-mappers#LeaderboardEntry',
      LeaderboardMove: '../graphql-mappers#LeaderboardMove',
      LeaderboardUpdate: '../graphql-mappers#LeaderboardUpdate',
      Achievement: '../graphql-mappers#Achievement',
      Challenge: '../graphql-mappers#Challenge',
      ChallengeProgress: '../graphql-mappers#ChallengeProgress',
      Level: '../graphql-mappers#Level',
      Streaks: '../graphql-mappers#Streaks',
    },
    insights: {
      User: '../graphql-mappers#User',
      Form: '../graphql-mappers#Form',
      LoadFlag: '../graphql-mappers#LoadFlag',
      Recommendation: '../graphql-mappers#Recommendation',
      InsightModel: '../graphql-mappers#InsightModel',
      InjuryReport: '../graphql-mappers#InjuryReport',
      PeriodSummary: '../graphql-mappers#PeriodSummary',
      YearOverYear: '../graphql-mappers#YearOverYear',
      CohortBenchmark: '../graphql-mappers#CohortBenchmark',
    },
    notifications: {
      User: '../graphql-mappers#User',
      Notification: '../graphql-mappers#Notification',
      NotificationDelivery: '../graphql-mappers#NotificationDelivery',
      PushDevice: '../graphql-mappers#PushDevice',
    },
    social: {
      User: '../graphql-mappers#User',
      Workout: '../graphql-mappers#Workout',
      Profile: '../graphql-mappers#Profile',
      Image: '../graphql-mappers#Image',
      ImageUpload: '../graphql-mappers#ImageUpload',
      FeedItem: '../graphql-mappers#FeedItem',
      WorkoutKudos: '../graphql-mappers#WorkoutKudos',
      Comment: '../graphql-mappers#Comment',
      CommentConnection: '../graphql-mappers#CommentConnection',
      Club: '../graphql-mappers#Club',
      ClubMembership: '../graphql-mappers#ClubMembership',
      Partner: '../graphql-mappers#Partner',
      Follow: '../graphql-mappers#Follow',
      UserConnection: '../graphql-mappers#UserConnection',
      UserEdge: '../graphql-mappers#UserEdge',
    },
  };
  return mappers[name] ?? {};
}

const config: CodegenConfig = {
  overwrite: true,
  silent: true,
  generates: {
    ...resolverTypes,
    'tests/__generated__/operations.ts': {
      schema: 'supergraph.api.graphql',
      documents: 'tests/operations/*.graphql',
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Duration: 'number', LocalDate: 'string' },
      },
    },
  },
};

export default config;
