/** The athlete's workouts, newest first, a page at a time: sport, date, distance, duration and pace or speed. */
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { formatDateTime } from '../../format/dates';
import { formatDistance, formatDuration } from '../../format/units';
import { usePreferences } from '../../settings/preferences';
import { Page } from '../../ui/page';
import { sportName } from '../../ui/sports';
import { LoadMore } from '../../ui/load-more';
import { Empty, ErrorMessage, Loading } from '../../ui/states';
import { WorkoutsScreenQuery } from './workout-documents';
import { paceOrSpeed } from './workout-figures';
import './workouts.css';

const STATUS_WORDS = { IN_PROGRESS: 'Recording', PAUSED: 'Paused', FINISHED: null } as const;

export function WorkoutsScreen() {
  const { units, timeZone } = usePreferences();
  const { data, loading, error, fetchMore } = useQuery(WorkoutsScreenQuery, { variables: { after: null } });
  const connection = data?.myWorkouts;

  const loadMore = (after: string) =>
    fetchMore({
      variables: { after },
      updateQuery: (previous, { fetchMoreResult }) => ({
        myWorkouts: {
          ...fetchMoreResult.myWorkouts,
          edges: [...(previous.myWorkouts?.edges ?? []), ...fetchMoreResult.myWorkouts.edges],
        },
      }),
    });

  return (
    <Page
      title="Workouts"
      actions={
        <div className="actions">
          <Link to="/record">Record</Link>
          <Link to="/import">Import a file</Link>
        </div>
      }
    >
      {!connection && loading && <Loading what="your workouts" />}
      {!connection && <ErrorMessage error={error} />}
      {connection && connection.edges.length === 0 && (
        <Empty>
          No workouts yet. <Link to="/record">Record one</Link> or <Link to="/import">import a file</Link>{' '}
          from your watch or another app.
        </Empty>
      )}
      {connection && connection.edges.length > 0 && (
        <>
          <ul className="list workout-list">
            {connection.edges.map(({ node: workout }) => {
              const duration = workout.movingSeconds ?? workout.elapsedSeconds;
              const rate = paceOrSpeed(workout.sport, workout.distanceMeters, workout.movingSeconds, units);
              const status = STATUS_WORDS[workout.status];
              return (
                <li key={workout.id}>
                  <Link to={`/workouts/${workout.id}`} className="workout-link">
                    {workout.title ?? sportName(workout.sport)}
                  </Link>
                  <span className="muted">
                    {' '}
                    {workout.title && `${sportName(workout.sport)} · `}
                    {formatDateTime(workout.startedAt, timeZone)}
                    {status && ` · ${status}`}
                  </span>
                  <dl className="workout-row-figures">
                    <div>
                      <dt>Distance</dt>
                      <dd>{formatDistance(workout.distanceMeters, units)}</dd>
                    </div>
                    <div>
                      <dt>Time</dt>
                      <dd>{formatDuration(duration)}</dd>
                    </div>
                    <div>
                      <dt>{rate.label}</dt>
                      <dd>{rate.value}</dd>
                    </div>
                  </dl>
                </li>
              );
            })}
          </ul>
          <LoadMore pageInfo={connection.pageInfo} fetchPage={loadMore} />
        </>
      )}
    </Page>
  );
}
