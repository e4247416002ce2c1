/**
 * Every notification workflow Pulse runs: its trigger, recipients, category and steps (workflow.ts says
 * what the steps do). Adding a kind of notification is adding an entry here (and, for email, a template in
 * email/). Social workflows follow social's events (lib/events/contracts/social.ts); the others follow
 * gamification, training, insights and inventory.
 */
import { actorsPhrase } from './actors-phrase';
import { workflow, type AnyWorkflow, type WorkflowStep } from './workflow';

const GROUP_HOURS = 12;
const inApp: WorkflowStep = { kind: 'in-app' };
const push: WorkflowStep = { kind: 'push' };
const email: WorkflowStep = { kind: 'email' };
/** A burst (kudos, followers) gives one push and one email with the count at the window's end. */
const batch = (minutes: number): WorkflowStep => ({ kind: 'batch', windowSeconds: minutes * 60 });
/** Email waits: read in the app by then, it is not sent. */
const delay = (minutes: number): WorkflowStep => ({ kind: 'delay', seconds: minutes * 60 });

const text = (value: string | number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);
const km = (meters: number | string | null | undefined) =>
  `${Math.round(Number(meters) / 1000).toLocaleString('en-US')} km`;
const excerpt = (value: string, max = 80) => (value.length <= max ? value : `${value.slice(0, max - 1)}…`);
const only = (userId: string, except: string | null) => (userId === except ? [] : [userId]);

export const WORKFLOWS = [
  workflow('social.follow.requested', {
    name: 'follow-requested',
    category: 'SOCIAL',
    critical: false,
    recipients: (d) => only(d.followeeId, d.followerId),
    actor: (d) => d.followerId,
    data: (d) => ({ followerId: d.followerId }),
    steps: [inApp, push, delay(30), email],
    render: (item) => ({
      title: 'Follow request',
      body: `${actorsPhrase(item)} asked to follow you`,
      path: `/athletes/${text(item.data.followerId)}`,
    }),
  }),
  workflow('social.follow.accepted', {
    name: 'follow-accepted',
    category: 'SOCIAL',
    critical: false,
    // Only an approval is news to the follower: a follow accepted at once was theirs a moment ago.
    recipients: (d) => (d.approved ? only(d.followerId, d.followeeId) : []),
    actor: (d) => d.followeeId,
    data: (d) => ({ followeeId: d.followeeId }),
    steps: [inApp, push],
    render: (item) => ({
      title: 'Follow request accepted',
      body: `${actorsPhrase(item)} accepted your follow request`,
      path: `/athletes/${text(item.data.followeeId)}`,
    }),
  }),
  workflow('social.follow.accepted', {
    name: 'new-follower',
    category: 'SOCIAL',
    critical: false,
    recipients: (d) => only(d.followeeId, d.followerId),
    actor: (d) => d.followerId,
    data: () => ({}),
    group: { key: () => 'followers', openHours: GROUP_HOURS },
    steps: [inApp, batch(15), push, email],
    render: (item) => ({
      title: 'New followers',
      body: `${actorsPhrase(item)} started following you`,
      path: '/followers',
    }),
  }),
  workflow('social.kudos.given', {
    name: 'kudos-received',
    category: 'SOCIAL',
    critical: false,
    recipients: (d) => only(d.workoutOwnerId, d.giverId),
    actor: (d) => d.giverId,
    data: (d) => ({ workoutId: d.workoutId, workoutName: d.workoutName }),
    group: { key: (d) => `kudos:${d.workoutId}`, openHours: GROUP_HOURS },
    steps: [inApp, batch(10), push, email],
    render: (item) => ({
      title: 'Kudos',
      body: `${actorsPhrase(item)} gave kudos to your ${text(item.data.workoutName)}`,
      path: `/workouts/${text(item.data.workoutId)}`,
    }),
  }),
  workflow('social.comment.added', {
    name: 'comment-received',
    category: 'SOCIAL',
    critical: false,
    recipients: (d) => only(d.workoutOwnerId, d.authorId),
    actor: (d) => d.authorId,
    data: (d) => ({ workoutId: d.workoutId, workoutName: d.workoutName, excerpt: excerpt(d.text) }),
    steps: [inApp, push, delay(30), email],
    render: (item) => ({
      title: 'New comment',
      body: `${actorsPhrase(item)} commented on your ${text(item.data.workoutName)}: “${text(item.data.excerpt)}”`,
      path: `/workouts/${text(item.data.workoutId)}`,
    }),
  }),
  workflow('social.comment.added', {
    name: 'mentioned',
    category: 'SOCIAL',
    critical: false,
    // The owner hears of the comment already (comment-received); the author does not mention themselves.
    recipients: (d) =>
      [...new Set(d.mentionedUserIds)].filter((id) => id !== d.authorId && id !== d.workoutOwnerId),
    actor: (d) => d.authorId,
    data: (d) => ({ workoutId: d.workoutId, workoutName: d.workoutName, excerpt: excerpt(d.text) }),
    steps: [inApp, push, delay(30), email],
    render: (item) => ({
      title: 'Mention',
      body: `${actorsPhrase(item)} mentioned you on ${text(item.data.workoutName)}: “${text(item.data.excerpt)}”`,
      path: `/workouts/${text(item.data.workoutId)}`,
    }),
  }),
  workflow('social.club.invited', {
    name: 'club-invitation',
    category: 'SOCIAL',
    critical: false,
    recipients: (d) => only(d.inviteeId, d.inviterId),
    actor: (d) => d.inviterId,
    data: (d) => ({ clubId: d.clubId, clubName: d.clubName }),
    steps: [inApp, push, delay(30), email],
    render: (item) => ({
      title: 'Club invitation',
      body: `${actorsPhrase(item)} invited you to join ${text(item.data.clubName)}`,
      path: `/clubs/${text(item.data.clubId)}`,
    }),
  }),
  workflow('gamification.achievement.unlocked', {
    name: 'achievement-unlocked',
    category: 'ACTIVITY',
    critical: false,
    recipients: (d) => [d.userId],
    actor: () => null,
    data: (d) => ({ code: d.code, achievementTitle: d.title, workoutId: d.workoutId }),
    steps: [inApp, push, email],
    render: (item) => ({
      title: 'Achievement unlocked',
      body: `You unlocked “${text(item.data.achievementTitle)}”`,
      path: '/achievements',
    }),
  }),
  workflow('gamification.level.reached', {
    name: 'level-reached',
    category: 'ACTIVITY',
    critical: false,
    recipients: (d) => [d.userId],
    actor: () => null,
    data: (d) => ({ level: d.level, totalXp: d.totalXp }),
    steps: [inApp, push, email],
    render: (item) => ({
      title: 'Level up',
      body: `You reached level ${text(item.data.level)} (${text(item.data.totalXp)} XP)`,
      path: '/progress',
    }),
  }),
  workflow('gamification.challenge.completed', {
    name: 'challenge-completed',
    category: 'ACTIVITY',
    critical: false,
    recipients: (d) => [d.userId],
    actor: () => null,
    data: (d) => ({ challengeId: d.challengeId, challengeTitle: d.title }),
    steps: [inApp, push, email],
    render: (item) => ({
      title: 'Challenge completed',
      body: `You completed the challenge “${text(item.data.challengeTitle)}”`,
      path: `/challenges/${text(item.data.challengeId)}`,
    }),
  }),
  workflow('training.import.finished', {
    name: 'import-finished',
    category: 'ACTIVITY',
    critical: false,
    recipients: (d) => [d.userId],
    actor: () => null,
    data: (d) => ({ importId: d.importId, workoutId: d.workoutId, fileName: d.fileName ?? 'your file' }),
    steps: [inApp, push],
    render: (item) => ({
      title: 'Import finished',
      body: `Your workout from ${text(item.data.fileName)} is ready`,
      path: `/workouts/${text(item.data.workoutId)}`,
    }),
  }),
  workflow('training.import.failed', {
    name: 'import-failed',
    category: 'ACTIVITY',
    critical: false,
    recipients: (d) => [d.userId],
    actor: () => null,
    data: (d) => ({
      importId: d.importId,
      fileName: d.fileName ?? 'your file',
      reason: excerpt(d.reason, 200),
    }),
    steps: [inApp, push, email],
    render: (item) => ({
      title: 'Import failed',
      body: `Your import of ${text(item.data.fileName)} failed: ${text(item.data.reason)}`,
      // The app's import screen (`/imports` itself is the upload route on the gateway's port).
      path: '/import',
    }),
  }),
  workflow('insights.load-flag.raised', {
    name: 'load-spike',
    category: 'ACTIVITY',
    critical: false,
    recipients: (d) => [d.userId],
    actor: () => null,
    data: (d) => ({ flagId: d.flagId, ratio: Math.round(d.ratio * 100) / 100, raisedOn: d.raisedOn }),
    steps: [inApp, push, email],
    render: (item) => ({
      title: 'Training load spike',
      body: `Your training load rose sharply: ${text(item.data.ratio)}× your usual. Consider an easier day.`,
      path: '/insights',
    }),
  }),
  workflow('insights.recommendation.created', {
    name: 'recommendation',
    category: 'ACTIVITY',
    critical: false,
    recipients: (d) => [d.userId],
    actor: () => null,
    data: (d) => ({ recommendationId: d.recommendationId, message: excerpt(d.message, 300) }),
    steps: [inApp, push],
    render: (item) => ({ title: 'Recommendation', body: text(item.data.message), path: '/insights' }),
  }),
  workflow('inventory.gear.wear-threshold-reached', {
    name: 'gear-worn',
    category: 'GEAR',
    critical: false,
    recipients: (d) => [d.userId],
    actor: () => null,
    data: (d) => ({
      gearId: d.gearId,
      gearName: d.gearName,
      percent: d.thresholdPercent,
      distanceMeters: d.distanceMeters,
      retirementDistanceMeters: d.retirementDistanceMeters,
    }),
    steps: [inApp, push, email],
    render: (item) => ({
      title: Number(item.data.percent) >= 100 ? 'Gear worn out' : 'Gear wearing out',
      body: `${text(item.data.gearName)} reached ${text(item.data.percent)} % of its life (${km(item.data.distanceMeters)} of ${km(item.data.retirementDistanceMeters)})`,
      path: `/gear/${text(item.data.gearId)}`,
    }),
  }),
] as const satisfies readonly AnyWorkflow[];

export const workflowNamed = (name: string): AnyWorkflow | undefined =>
  WORKFLOWS.find((w) => w.name === name);
