/**
 * The athlete's home: this week's distance and moving time per sport, streaks, level and XP, the latest
 * workouts and a way to record the next one.
 */
import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { formatDateTime, formatLocalDate } from '../../format/dates';
import { formatDistance, formatDuration } from '../../format/units';
import { usePreferences } from '../../settings/preferences';
import { Page } from '../../ui/page';
import { sportName } from '../../ui/sports';
import { Empty, ErrorMessage, Loading } from '../../ui/states';
import { DashboardScreenQuery } from './dashboard-documents';
import './dashboard.css';
import { levelProgress, type LevelFigures } from './level-progress';
import { weekNeedsMore, weekStartIn, weekTotalsBySport, type WorkoutFigures } from './week-totals';
import { Stat } from '../../ui/stat';

const RECENT = 5;

export function DashboardScreen() {
  const { units, timeZone } = usePreferences();
  const { data, error, loading, fetchMore } = useQuery(DashboardScreenQuery);
  const weekStart = weekStartIn(timeZone);
  const workouts = data?.myWorkouts.edges.map((edge) => edge.node) ?? [];
  const pageInfo = data?.myWorkouts.pageInfo;
  const needsMore = !!pageInfo && weekNeedsMore(workouts, pageInfo.hasNextPage, weekStart, timeZone);

  // The week is summed from the workouts themselves rather than from insights' weeklySummaries, which give one
  // sport per request and follow the workouts a moment late: a run just finished shows here at once.
  useEffect(() => {
    if (!needsMore || !pageInfo?.endCursor) return;
    void fetchMore({
      variables: { after: pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        ...fetchMoreResult,
        myWorkouts: {
          ...fetchMoreResult.myWorkouts,
          edges: [...(previous.myWorkouts?.edges ?? []), ...fetchMoreResult.myWorkouts.edges],
        },
      }),
    });
  }, [needsMore, pageInfo?.endCursor, fetchMore]);

  const record = (
    <Link to="/record" className="dashboard-cta">
      Record a workout
    </Link>
  );
  return (
    <Page title="Dashboard" actions={record}>
      {!data && loading && <Loading what="your dashboard" />}
      <ErrorMessage error={error} />
      {data && (
        <>
          <section aria-labelledby="dashboard-week">
            <h2 id="dashboard-week">This week</h2>
            <p className="muted">Since Monday {formatLocalDate(weekStart)}</p>
            <WeekTotals workouts={workouts} weekStart={weekStart} complete={!needsMore} />
          </section>
          <section aria-labelledby="dashboard-progress">
            <h2 id="dashboard-progress">Level and streaks</h2>
            <LevelCard level={data.me.level} />
            <dl className="stats">
              <Stat label="Day streak" value={days(data.me.streak.days.current)} />
              <Stat label="Longest day streak" value={days(data.me.streak.days.longest)} />
              <Stat label="Week streak" value={weeks(data.me.streak.weeks.current)} />
              <Stat label="Longest week streak" value={weeks(data.me.streak.weeks.longest)} />
            </dl>
          </section>
          <section aria-labelledby="dashboard-recent">
            <h2 id="dashboard-recent">Recent workouts</h2>
            {workouts.length === 0 ? (
              <Empty>
                Nothing recorded yet. <Link to="/record">Record your first workout</Link> or{' '}
                <Link to="/import">import one from a file</Link>.
              </Empty>
            ) : (
              <ul className="list dashboard-recent">
                {workouts.slice(0, RECENT).map((workout) => (
                  <li key={workout.id}>
                    <Link to={`/workouts/${workout.id}`}>{workout.title ?? sportName(workout.sport)}</Link>
                    <div className="muted">
                      {sportName(workout.sport)} · {formatDateTime(workout.startedAt, timeZone)}
                      {workout.status === 'FINISHED'
                        ? ` · ${formatDistance(workout.distanceMeters, units)} · ${formatDuration(workout.movingSeconds)}`
                        : ' · recording'}
                    </div>
                  </li>
                ))}
              </ul>
            )}
            {workouts.length > RECENT && <Link to="/workouts">All your workouts</Link>}
          </section>
        </>
      )}
    </Page>
  );
}

function WeekTotals({
  workouts,
  weekStart,
  complete,
}: {
  workouts: WorkoutFigures[];
  weekStart: string;
  complete: boolean;
}) {
  const { units, timeZone } = usePreferences();
  if (!complete) return <Loading what="the rest of this week" />;
  const totals = weekTotalsBySport(workouts, weekStart, timeZone);
  if (totals.length === 0) return <Empty>No workouts this week yet.</Empty>;
  return (
    <>
      {totals.map((sport) => (
        <div className="card dashboard-sport" key={sport.sport}>
          <h3>{sportName(sport.sport)}</h3>
          <dl className="stats">
            <Stat label="Distance" value={formatDistance(sport.distanceMeters, units)} />
            <Stat label="Moving time" value={formatDuration(sport.movingSeconds)} />
            <Stat label="Workouts" value={String(sport.workouts)} />
          </dl>
        </div>
      ))}
    </>
  );
}

function LevelCard({ level }: { level: LevelFigures }) {
  const progress = levelProgress(level);
  return (
    <div className="card dashboard-level">
      <dl className="stats">
        <Stat label="Level" value={String(level.level)} />
        <Stat label="XP" value={level.totalXp.toLocaleString()} />
      </dl>
      <div
        className="bar"
        role="progressbar"
        aria-label={`Progress to level ${level.level + 1}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.percent}
      >
        <span style={{ width: `${progress.percent}%` }} />
      </div>
      <p className="muted">
        {progress.xpToGo.toLocaleString()} XP to level {level.level + 1} ({progress.percent} % of the way)
      </p>
    </div>
  );
}

const days = (count: number) => `${count} ${count === 1 ? 'day' : 'days'}`;
const weeks = (count: number) => `${count} ${count === 1 ? 'week' : 'weeks'}`;
