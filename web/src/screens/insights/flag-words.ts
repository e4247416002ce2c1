/** Load spikes in sentences: when one was raised, at what ratio, and whether it has cleared. */
import { formatRatio } from './insights-figures';

export interface FlagFigures {
  raisedOn: string;
  clearedOn?: string | null;
  ratio: number;
  raiseAbove: number;
  clearBelow: number;
}

/** `day` shows a LocalDate in words (the screen's locale). */
export function flagSentence(flag: FlagFigures, day: (localDate: string) => string): string {
  const raised =
    `Load spike on ${day(flag.raisedOn)}: your acute:chronic ratio was ${formatRatio(flag.ratio)}, ` +
    `above ${flag.raiseAbove}.`;
  return flag.clearedOn
    ? `${raised} It cleared on ${day(flag.clearedOn)}.`
    : `${raised} It is still raised, until the ratio falls below ${flag.clearBelow}.`;
}

export function raisedCountSentence(raised: number): string {
  if (raised === 0) return 'No load spike is raised now.';
  return raised === 1 ? 'One load spike is raised now.' : `${raised} load spikes are raised now.`;
}
