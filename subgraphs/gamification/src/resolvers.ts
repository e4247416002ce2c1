/** GraphQL adapters of the gamification context: parse arguments, call one service method, map the result. */
import { requireViewer } from '../../../lib/auth/viewer';
import { DateTime } from '../../../lib/graphql/scalars';
import type { Resolvers } from './__generated__/resolvers-types';
import type { AthleteService } from './athletes/athlete.service';
import type { ChallengeService } from './challenges/challenge.service';
import type { LeaderboardService } from './leaderboards/leaderboard.service';

export interface ResolverDeps {
  athletes: AthleteService;
  challenges: ChallengeService;
  leaderboards: LeaderboardService;
}

const number = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

export function createResolvers(deps: ResolverDeps): Resolvers {
  const { athletes, challenges, leaderboards } = deps;
  return {
    DateTime,
    Query: {
      leaderboard: (_root, args, ctx) =>
        leaderboards.page(requireViewer(ctx.viewer), args.board, args.first, args.after),
      myRank: (_root, args, ctx) => leaderboards.myRank(requireViewer(ctx.viewer), args.board),
      challenges: (_root, args) => challenges.list(args.includeEnded ?? false),
      challenge: (_root, args) => challenges.get(args.id),
      gamificationSettings: async (_root, _args, ctx) => ({
        timeZone: await athletes.timeZone(requireViewer(ctx.viewer)),
      }),
    },
    Mutation: {
      createChallenge: (_root, args, ctx) => challenges.create(requireViewer(ctx.viewer), args.input),
      joinChallenge: (_root, args, ctx) => challenges.join(requireViewer(ctx.viewer), args.id),
      leaveChallenge: (_root, args, ctx) => challenges.leave(requireViewer(ctx.viewer), args.id),
      updateGamificationSettings: async (_root, args, ctx) => ({
        timeZone: await athletes.setTimeZone(requireViewer(ctx.viewer), args.timeZone),
      }),
    },
    Subscription: {
      leaderboardChanged: {
        subscribe: async (_root, args, ctx) =>
          (await leaderboards.subscribe(requireViewer(ctx.viewer), args.board)) as AsyncIterable<never>,
        resolve: (message: unknown) => message as never,
      },
    },
    User: {
      __resolveReference: (ref) => ({ id: ref.id }),
      xp: (user, _args, ctx) => athletes.xp(requireViewer(ctx.viewer), user.id),
      level: (user, _args, ctx) => athletes.level(requireViewer(ctx.viewer), user.id),
      streak: (user, _args, ctx) => athletes.streaks(requireViewer(ctx.viewer), user.id),
      achievements: (user, _args, ctx) => athletes.achievements(requireViewer(ctx.viewer), user.id),
    },
    Workout: {
      __resolveReference: (ref) => ({ id: ref.id }),
      xpAward: (workout, _args, ctx) => athletes.workoutXp(requireViewer(ctx.viewer), workout.id),
    },
    Achievement: {
      unlockedBy: (achievement) =>
        achievement.unlockedByWorkoutId ? { id: achievement.unlockedByWorkoutId } : null,
      progress: ({ progress }) => ({
        ...progress,
        label: `${number(progress.current)} of ${number(progress.target)} ${progress.unit}`.trim(),
      }),
    },
    Challenge: {
      target: (challenge) => challenge.target,
      memberCount: (challenge) => challenges.memberCount(challenge),
      myProgress: (challenge, _args, ctx) => challenges.progressOf(requireViewer(ctx.viewer), challenge),
      leaderboard: (challenge, args, ctx) =>
        leaderboards.page(requireViewer(ctx.viewer), { challengeId: challenge.id }, args.first, args.after),
    },
    ChallengeProgress: {
      completedAt: (progress) => (progress.completedAt === null ? null : new Date(progress.completedAt)),
    },
    LeaderboardEntry: {
      athlete: (entry) => ({ id: entry.athleteId }),
    },
    LeaderboardMove: {
      athlete: (move) => ({ id: move.athleteId }),
    },
  };
}
