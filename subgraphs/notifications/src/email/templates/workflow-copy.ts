/**
 * Per workflow, the mail's subject and the label of its one button. The sentence itself is rendered by the
 * notification (ChannelMessage.body); most subjects are that sentence, a few read better as a headline.
 * A workflow not listed here gets the generic copy.
 */
import type { ChannelMessage } from '../../channels/channel-message';
import { singleLine } from './escape-html';

export interface WorkflowCopy {
  subject(message: ChannelMessage): string;
  actionLabel: string;
}

const sentence = (message: ChannelMessage) => singleLine(message.body);
const headline = (text: string) => () => text;

const copyByWorkflow: Record<string, WorkflowCopy> = {
  'follow-requested': { subject: sentence, actionLabel: 'Review the request' },
  'follow-accepted': { subject: sentence, actionLabel: 'See their profile' },
  'new-follower': { subject: sentence, actionLabel: 'See their profile' },
  'kudos-received': { subject: sentence, actionLabel: 'See your workout' },
  'comment-received': { subject: sentence, actionLabel: 'Read the comment' },
  mentioned: { subject: sentence, actionLabel: 'See the conversation' },
  'club-invitation': { subject: sentence, actionLabel: 'See the invitation' },
  'achievement-unlocked': { subject: sentence, actionLabel: 'See your achievements' },
  'level-reached': { subject: sentence, actionLabel: 'See your progress' },
  'challenge-completed': { subject: sentence, actionLabel: 'See the challenge' },
  'import-finished': { subject: headline('Your import is done'), actionLabel: 'See your workouts' },
  'import-failed': { subject: headline('Your import did not go through'), actionLabel: 'Try another file' },
  'load-spike': { subject: headline('Your training load jumped'), actionLabel: 'See your training load' },
  recommendation: { subject: sentence, actionLabel: 'See the suggestion' },
  'gear-worn': { subject: headline('Time to look at your gear'), actionLabel: 'Open your gear' },
  marketing: { subject: sentence, actionLabel: 'Find out more' },
};

const genericCopy: WorkflowCopy = { subject: sentence, actionLabel: 'Open Pulse' };

export const KNOWN_WORKFLOWS: readonly string[] = Object.keys(copyByWorkflow);

export function copyFor(workflow: string): WorkflowCopy {
  return Object.hasOwn(copyByWorkflow, workflow) ? copyByWorkflow[workflow]! : genericCopy;
}
