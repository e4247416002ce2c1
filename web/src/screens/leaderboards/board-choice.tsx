/** Which board to show: period, sport, metric and whose entries. */
import type { BoardMetric, BoardPeriod, BoardScope, Sport } from '../../__generated__/enums';
import type { BoardInput } from '../../__generated__/graphql';
import { SelectField } from '../../ui/field';
import { SPORT_OPTIONS } from '../../ui/sports';

export interface BoardChoice {
  period: BoardPeriod;
  sport: Sport | 'ALL';
  metric: BoardMetric;
  scope: Extract<BoardScope, 'EVERYONE' | 'FRIENDS'>;
}

export const DEFAULT_CHOICE: BoardChoice = {
  period: 'WEEK',
  sport: 'ALL',
  metric: 'DISTANCE',
  scope: 'EVERYONE',
};

export const boardInput = ({ period, sport, metric, scope }: BoardChoice): BoardInput => ({
  period,
  metric,
  scope,
  ...(sport !== 'ALL' && { sport }),
});

const PERIODS = [
  { value: 'WEEK', label: 'This week' },
  { value: 'MONTH', label: 'This month' },
  { value: 'ALL_TIME', label: 'All time' },
];
const METRICS = [
  { value: 'DISTANCE', label: 'Distance' },
  { value: 'ELEVATION', label: 'Elevation gain' },
  { value: 'MOVING_TIME', label: 'Moving time' },
  { value: 'XP', label: 'XP' },
];
const SCOPES = [
  { value: 'EVERYONE', label: 'Everyone' },
  { value: 'FRIENDS', label: 'You and the athletes you follow' },
];
const SPORTS = [{ value: 'ALL', label: 'All sports' }, ...SPORT_OPTIONS];

export function BoardChoiceForm({
  choice,
  onChange,
}: {
  choice: BoardChoice;
  onChange: (c: BoardChoice) => void;
}) {
  return (
    <form
      className="card leaderboard-choice"
      aria-label="Which leaderboard"
      onSubmit={(e) => e.preventDefault()}
    >
      <SelectField
        label="Period"
        options={PERIODS}
        value={choice.period}
        onChange={(e) => onChange({ ...choice, period: e.target.value as BoardPeriod })}
      />
      <SelectField
        label="Sport"
        options={SPORTS}
        value={choice.sport}
        onChange={(e) => onChange({ ...choice, sport: e.target.value as BoardChoice['sport'] })}
      />
      <SelectField
        label="Ranked by"
        options={METRICS}
        value={choice.metric}
        onChange={(e) => onChange({ ...choice, metric: e.target.value as BoardMetric })}
      />
      <SelectField
        label="Athletes"
        options={SCOPES}
        value={choice.scope}
        onChange={(e) => onChange({ ...choice, scope: e.target.value as BoardChoice['scope'] })}
      />
    </form>
  );
}
