/** Recommendations as the screen names them, and the answers the athlete can give (the schema's statuses). */
import type { RecommendationKind, RecommendationStatus } from '../../__generated__/enums';

export const ADVICE_NAMES: Record<RecommendationKind, string> = {
  REST_OR_EASY: 'Rest or take it easy',
  BACK_GRADUALLY: 'Build back gradually',
  LONG_RUN_CAP: 'Keep the long run in check',
  GEAR_RETIREMENT: 'Gear near retirement',
};

export const adviceName = (kind: RecommendationKind) => ADVICE_NAMES[kind] ?? kind;

/** What an open recommendation can become, as buttons; OPEN is only where they start. */
export const ANSWERS: readonly { status: Exclude<RecommendationStatus, 'OPEN'>; label: string }[] = [
  { status: 'ACCEPTED', label: 'Accept' },
  { status: 'DISMISSED', label: 'Dismiss' },
];

/** The answer already given, in a sentence; null while the recommendation is open. */
export function answerSentence(
  status: RecommendationStatus,
  respondedAt: string | null | undefined,
  when: (iso: string) => string,
): string | null {
  if (status === 'OPEN') return null;
  const verb = status === 'ACCEPTED' ? 'accepted' : 'dismissed';
  return respondedAt ? `You ${verb} this on ${when(respondedAt)}.` : `You ${verb} this.`;
}
