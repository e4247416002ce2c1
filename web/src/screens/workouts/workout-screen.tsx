/** One workout: its figures, track, charts and analysis, and correcting its sport or deleting it. */
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { errorCode } from '../../api/errors';
import { formatDateTime } from '../../format/dates';
import { usePreferences } from '../../settings/preferences';
import { Page } from '../../ui/page';
import { sportName } from '../../ui/sports';
import { ErrorMessage, Loading } from '../../ui/states';
import { DeleteWorkout, SportChoice } from './workout-actions';
import { BestEfforts, GearUsed, HeartRateZones, Splits, TrackProblems } from './workout-analysis';
import { WorkoutScreenQuery } from './workout-documents';
import { WorkoutStats } from './workout-stats';
import { WorkoutTrack } from './workout-track';
import './workouts.css';

const NOT_FOUND = 'This workout does not exist or is not visible to you.';
const STATUS_WORDS = {
  IN_PROGRESS: 'Still recording.',
  PAUSED: 'Recording, paused.',
  FINISHED: null,
} as const;

export function WorkoutScreen() {
  const { id = '' } = useParams();
  const { units, timeZone, userId } = usePreferences();
  const { data, loading, error } = useQuery(WorkoutScreenQuery, {
    variables: { id, splitUnit: units === 'IMPERIAL' ? 'MILE' : 'KILOMETRE' },
  });
  const workout = data?.workout;

  if (!workout) {
    // An id that is not even a UUID (a mistyped link) names no workout either.
    const code = errorCode(error);
    const missing = (!loading && !error) || code === 'NOT_FOUND' || code === 'BAD_USER_INPUT';
    return (
      <Page title="Workout">
        {loading && !error && <Loading what="the workout" />}
        {missing ? (
          <p className="state error" role="alert">
            {NOT_FOUND}
          </p>
        ) : (
          <ErrorMessage error={error} />
        )}
        <p>
          <Link to="/workouts">All workouts</Link>
        </p>
      </Page>
    );
  }

  const own = workout.athlete.id === userId;
  const status = STATUS_WORDS[workout.status];
  return (
    <Page
      title={workout.title ?? sportName(workout.sport)}
      actions={<Link to="/workouts">All workouts</Link>}
    >
      <p className="muted workout-meta">
        {sportName(workout.sport)} · {formatDateTime(workout.startedAt, timeZone)}
        {workout.device && ` · ${workout.device}`}
        {status && ` · ${status}`}
      </p>
      <ErrorMessage error={error} />
      <WorkoutStats workout={workout} />
      {workout.sampleCount > 0 && (
        <WorkoutTrack workoutId={workout.id} sport={workout.sport} distanceMeters={workout.distanceMeters} />
      )}
      <TrackProblems flags={workout.trackFlags} />
      {workout.metrics && (
        <>
          <Splits splits={workout.metrics.splits} />
          <BestEfforts efforts={workout.metrics.bestEfforts} />
          <HeartRateZones heartRate={workout.metrics.heartRate} />
        </>
      )}
      <GearUsed gear={workout.gear} />
      {own && (
        <>
          <SportChoice key={workout.id} workout={workout} />
          <DeleteWorkout workoutId={workout.id} />
        </>
      )}
    </Page>
  );
}
