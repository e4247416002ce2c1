/**
 * Whether a workflow's notification goes out on a channel, decided in this order (the first rule that
 * answers decides):
 *
 * 1. a critical workflow (account security) is always sent, on every channel of its steps;
 * 2. a read-only default decides (the inbox and email of the ACCOUNT category cannot be turned off);
 * 3. the user's choice for this workflow and channel;
 * 4. the user's choice for the workflow's category and channel;
 * 5. the default for the category and channel;
 *
 * then, for what is allowed, the commercial opt-out refuses every COMMERCIAL channel, and quiet hours
 * defer push and email to the end of the window (quiet-hours.ts); the inbox is always written.
 */
import type { Category } from '../channels/channel-message';
import type { AnyWorkflow, Channel } from '../workflows/workflow';

export const CHANNELS: readonly Channel[] = ['IN_APP', 'EMAIL', 'PUSH'];

interface Default {
  enabled: boolean;
  /** The platform decides: the user's choices are ignored and cannot be stored. */
  readOnly?: boolean;
}

/** The defaults per category and channel. */
export const DEFAULTS: Record<Category, Record<Channel, Default>> = {
  SOCIAL: { IN_APP: { enabled: true }, PUSH: { enabled: true }, EMAIL: { enabled: false } },
  ACTIVITY: { IN_APP: { enabled: true }, PUSH: { enabled: true }, EMAIL: { enabled: false } },
  GEAR: { IN_APP: { enabled: true }, PUSH: { enabled: true }, EMAIL: { enabled: true } },
  ACCOUNT: {
    IN_APP: { enabled: true, readOnly: true },
    PUSH: { enabled: true },
    EMAIL: { enabled: true, readOnly: true },
  },
  COMMERCIAL: { IN_APP: { enabled: true }, PUSH: { enabled: false }, EMAIL: { enabled: false } },
};

/** The subject of a stored choice: one workflow, or a whole category. */
export const workflowSubject = (name: string) => `workflow:${name}`;
export const categorySubject = (category: Category) => `category:${category}`;

/** A user's stored choices: subject → channel → enabled. */
export type Choices = ReadonlyMap<string, ReadonlyMap<Channel, boolean>>;

export type ChannelDecision =
  | { send: true; by: 'critical' | 'default' | 'workflow choice' | 'category choice' }
  | { send: false; reason: string };

export function decideChannel(
  workflow: Pick<AnyWorkflow, 'name' | 'category' | 'critical'>,
  channel: Channel,
  user: { choices: Choices; commercialOptOut: boolean },
): ChannelDecision {
  if (workflow.critical) return { send: true, by: 'critical' };
  const fallback = DEFAULTS[workflow.category][channel];
  const decided = (
    enabled: boolean,
    by: 'default' | 'workflow choice' | 'category choice',
  ): ChannelDecision => {
    if (!enabled) return { send: false, reason: refusal(by, workflow, channel) };
    if (workflow.category === 'COMMERCIAL' && user.commercialOptOut) {
      return { send: false, reason: 'refused by your commercial opt-out' };
    }
    return { send: true, by };
  };
  if (fallback.readOnly) return decided(fallback.enabled, 'default');
  const byWorkflow = user.choices.get(workflowSubject(workflow.name))?.get(channel);
  if (byWorkflow !== undefined) return decided(byWorkflow, 'workflow choice');
  const byCategory = user.choices.get(categorySubject(workflow.category))?.get(channel);
  if (byCategory !== undefined) return decided(byCategory, 'category choice');
  return decided(fallback.enabled, 'default');
}

function refusal(by: string, workflow: Pick<AnyWorkflow, 'name' | 'category'>, channel: Channel): string {
  const where = channel === 'IN_APP' ? 'in the app' : channel === 'EMAIL' ? 'by email' : 'by push';
  if (by === 'workflow choice') return `you turned off ${workflow.name} ${where}`;
  if (by === 'category choice')
    return `you turned off ${workflow.category.toLowerCase()} notifications ${where}`;
  return `${workflow.category.toLowerCase()} notifications are off ${where} by default`;
}
