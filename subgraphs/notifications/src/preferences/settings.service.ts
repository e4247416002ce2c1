/**
 * A user's notification settings: every category × channel with its default and their choice, their
 * per-workflow choices, quiet hours, the commercial opt-out and the daily digest; changed in one unit of
 * work. Read-only defaults (preference-rules.ts) refuse a choice with BAD_USER_INPUT.
 */
import { BadUserInputError } from '../../../../lib/errors/domain-error';
import type { InTransaction } from '../../../../lib/db/unit-of-work';
import { CATEGORIES, type Category } from '../channels/channel-message';
import type { NotificationsRepos } from '../notifications.repos';
import type { RecipientRecord, RecipientSettings } from '../recipients/recipient.repo';
import { workflowNamed } from '../workflows/workflow-catalogue';
import type { Channel } from '../workflows/workflow';
import { CHANNELS, categorySubject, DEFAULTS, workflowSubject, type Choices } from './preference-rules';
import { formatClockTime, parseClockTime } from './quiet-hours';

export interface PreferenceInput {
  category?: Category | null;
  workflow?: string | null;
  channel: Channel;
  enabled?: boolean | null;
}

export interface SettingsInput {
  preferences?: readonly PreferenceInput[] | null;
  /** Absent: unchanged; null: removed. */
  quietHours?: { start: string; end: string } | null;
  commercialOptOut?: boolean | null;
  emailDigest?: boolean | null;
}

export const MAX_PREFERENCES_PER_CHANGE = 60;

export interface PreferenceView {
  category: Category | null;
  workflow: string | null;
  channel: Channel;
  enabled: boolean;
  editable: boolean;
  chosen: boolean;
}

export interface SettingsView {
  preferences: PreferenceView[];
  quietHours: { start: string; end: string; timeZone: string } | null;
  commercialOptOut: boolean;
  emailDigest: boolean;
}

export function settingsView(recipient: RecipientRecord, choices: Choices): SettingsView {
  const byCategory = CATEGORIES.flatMap((category) =>
    CHANNELS.map((channel): PreferenceView => {
      const fallback = DEFAULTS[category][channel];
      const choice = fallback.readOnly ? undefined : choices.get(categorySubject(category))?.get(channel);
      return {
        category,
        workflow: null,
        channel,
        enabled: choice ?? fallback.enabled,
        editable: !fallback.readOnly,
        chosen: choice !== undefined,
      };
    }),
  );
  const byWorkflow = [...choices.entries()]
    .filter(([subject]) => subject.startsWith('workflow:'))
    .flatMap(([subject, channels]) =>
      [...channels.entries()].map(([channel, enabled]): PreferenceView => ({
        category: null,
        workflow: subject.slice('workflow:'.length),
        channel,
        enabled,
        editable: true,
        chosen: true,
      })),
    );
  const { quietStartMinute: start, quietEndMinute: end } = recipient;
  return {
    preferences: [...byCategory, ...byWorkflow],
    quietHours:
      start === null || end === null
        ? null
        : { start: formatClockTime(start), end: formatClockTime(end), timeZone: recipient.timeZone },
    commercialOptOut: recipient.commercialOptOut,
    emailDigest: recipient.emailDigest,
  };
}

/** The stored subject of a preference input, or BAD_USER_INPUT saying what is wrong with it. */
function subjectOf(input: PreferenceInput): string {
  const { category, workflow, channel } = input;
  if ((category == null) === (workflow == null)) {
    throw new BadUserInputError('preferences', 'Each preference names exactly one of category or workflow.');
  }
  if (workflow != null) {
    const known = workflowNamed(workflow);
    if (!known)
      throw new BadUserInputError(
        'preferences',
        `There is no workflow "${workflow}" (see notificationWorkflows).`,
      );
    if (DEFAULTS[known.category][channel].readOnly) throw readOnly(known.category, channel);
    return workflowSubject(workflow);
  }
  if (DEFAULTS[category!][channel].readOnly) throw readOnly(category!, channel);
  return categorySubject(category!);
}

const readOnly = (category: Category, channel: Channel) =>
  new BadUserInputError(
    'preferences',
    `${category} notifications ${channel === 'EMAIL' ? 'by email' : 'in the app'} cannot be turned off.`,
  );

function quietChange(quietHours: SettingsInput['quietHours']): RecipientSettings {
  if (quietHours === undefined) return {};
  if (quietHours === null) return { quietStartMinute: null, quietEndMinute: null };
  const start = parseClockTime(quietHours.start);
  const end = parseClockTime(quietHours.end);
  if (start === null || end === null) {
    throw new BadUserInputError('quietHours', 'Quiet hours take times as HH:MM from 00:00 to 23:59.');
  }
  if (start === end)
    throw new BadUserInputError('quietHours', 'Quiet hours need an end different from their start.');
  return { quietStartMinute: start, quietEndMinute: end };
}

export type SettingsService = ReturnType<typeof createSettingsService>;

export function createSettingsService(deps: {
  repos: NotificationsRepos;
  inTransaction: InTransaction<NotificationsRepos>;
}) {
  const { repos, inTransaction } = deps;
  return {
    async settings(userId: string): Promise<SettingsView> {
      const [recipient, choices] = await Promise.all([
        repos.recipients.ensure(userId),
        repos.preferences.choicesOf(userId),
      ]);
      return settingsView(recipient, choices);
    },
    async change(userId: string, input: SettingsInput): Promise<SettingsView> {
      const preferences = input.preferences ?? [];
      if (preferences.length > MAX_PREFERENCES_PER_CHANGE) {
        throw new BadUserInputError(
          'preferences',
          `At most ${MAX_PREFERENCES_PER_CHANGE} preferences at once.`,
        );
      }
      const subjects = preferences.map(subjectOf);
      const settings: RecipientSettings = {
        ...quietChange(input.quietHours),
        ...(input.commercialOptOut == null ? {} : { commercialOptOut: input.commercialOptOut }),
        ...(input.emailDigest == null ? {} : { emailDigest: input.emailDigest }),
      };
      return inTransaction(async (tx) => {
        for (const [index, preference] of preferences.entries()) {
          await tx.preferences.set(userId, subjects[index]!, preference.channel, preference.enabled ?? null);
        }
        const recipient = await tx.recipients.change(userId, settings);
        return settingsView(recipient, await tx.preferences.choicesOf(userId));
      });
    },
  };
}
