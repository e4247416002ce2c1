/** Daily training load over the last six weeks, of every sport or of one, as a line chart. */
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import type { Sport } from '../../__generated__/enums';
import { formatLocalDate } from '../../format/dates';
import { LineChart } from '../../ui/charts/line-chart';
import { SelectField } from '../../ui/field';
import { SPORT_OPTIONS, sportName } from '../../ui/sports';
import { Empty, ErrorMessage, Loading } from '../../ui/states';
import { InsightsScreenLoadQuery } from './insights-documents';
import { formatLoad } from './insights-figures';
import { dayAtWeeks, loadSeries, shortDay, type LoadSeries } from './load-range';

const SPORTS = [{ value: 'ALL', label: 'All sports' }, ...SPORT_OPTIONS];

export function TrainingLoadChart({ from, to }: { from: string; to: string }) {
  const [sport, setSport] = useState<Sport | 'ALL'>('ALL');
  const { data, error, loading } = useQuery(InsightsScreenLoadQuery, {
    variables: { from, to, sport: sport === 'ALL' ? undefined : sport },
  });
  const days = data?.me.trainingLoad;
  const series = days ? loadSeries(days, from, to) : null;
  const what = sport === 'ALL' ? 'your workouts' : `${sportName(sport).toLowerCase()} workouts`;

  return (
    <section aria-labelledby="insights-load">
      <h2 id="insights-load">Training load</h2>
      <p className="muted">
        Each day's load from {formatLocalDate(from)} to today, {formatLocalDate(to)}.
      </p>
      <form className="insights-choice" aria-label="Whose load" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label="Sport"
          options={SPORTS}
          value={sport}
          onChange={(e) => setSport(e.target.value as Sport | 'ALL')}
        />
      </form>
      {!series && loading && <Loading what="your training load" />}
      <ErrorMessage error={error} />
      {series &&
        (series.peak ? (
          <LoadFigure series={series} to={to} what={what} />
        ) : (
          <Empty>No load from {what} in these six weeks.</Empty>
        ))}
    </section>
  );
}

function LoadFigure({ series, to, what }: { series: LoadSeries; to: string; what: string }) {
  const peak = series.peak!;
  const summary =
    `${formatLoad(series.totalLoad)} AU from ${what} over ${series.trainingDays} training ` +
    `${series.trainingDays === 1 ? 'day' : 'days'}; the most, ${formatLoad(peak.load)} AU, on ` +
    `${formatLocalDate(peak.date)}.`;
  return (
    <>
      <LineChart
        title="Daily training load"
        description={summary}
        xLabel="Day"
        yLabel="Load (AU)"
        xs={series.xs}
        ys={series.ys}
        formatX={(weeks) => shortDay(dayAtWeeks(to, weeks))}
        formatY={(value) => String(Math.round(value))}
      />
      <p className="insights-load-summary">{summary}</p>
    </>
  );
}
