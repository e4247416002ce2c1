/** What the athlete can do to their workout here: correct (or confirm) its sport, and delete it. */
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { Sport } from '../../__generated__/enums';
import { SelectField } from '../../ui/field';
import { sportName, SPORT_OPTIONS } from '../../ui/sports';
import { ErrorMessage } from '../../ui/states';
import {
  WorkoutScreenCorrectSport,
  WorkoutScreenDelete,
  WorkoutScreenImportsQuery,
  WorkoutScreenQuery,
  WorkoutsScreenQuery,
} from './workout-documents';
import { isGuessed, sportSourceSentence } from './sport-source';
import type { ShownWorkout } from './workout-types';

export function SportChoice({ workout }: { workout: ShownWorkout }) {
  const imported = workout.source === 'IMPORTED' && workout.sportSource !== 'ATHLETE';
  const { data } = useQuery(WorkoutScreenImportsQuery, { skip: !imported });
  const reason = data?.myImports.find((job) => job.workoutId === workout.id)?.sportReason ?? null;
  const [sport, setSport] = useState<Sport>(workout.sport);
  const [saved, setSaved] = useState(false);
  const [correct, { loading, error }] = useMutation(WorkoutScreenCorrectSport, {
    refetchQueries: [WorkoutScreenQuery, WorkoutScreenImportsQuery],
  });
  const sentence = sportSourceSentence(workout.sportSource, reason);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    await correct({ variables: { id: workout.id, sport } });
    setSaved(true);
  }

  return (
    <section aria-labelledby="sport-heading">
      <h2 id="sport-heading">Sport</h2>
      {sentence && <p>{sentence}</p>}
      {isGuessed(workout.sportSource) && <p className="muted">Please confirm or correct it.</p>}
      <form className="inline-form" onSubmit={(event) => void submit(event).catch(() => undefined)}>
        <SelectField
          label="Sport of this workout"
          value={sport}
          onChange={(event) => setSport(event.target.value as Sport)}
          options={SPORT_OPTIONS}
        />
        <button type="submit" className="secondary" disabled={loading}>
          {sport === workout.sport && workout.sportSource !== 'ATHLETE' ? 'Confirm sport' : 'Change sport'}
        </button>
      </form>
      <ErrorMessage error={error} />
      {saved && !error && (
        <p role="status">
          Saved: {sportName(workout.sport)}. Figures that depend on the sport are recomputed.
        </p>
      )}
    </section>
  );
}

export function DeleteWorkout({ workoutId }: { workoutId: string }) {
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  const [remove, { loading, error }] = useMutation(WorkoutScreenDelete, {
    refetchQueries: [WorkoutsScreenQuery],
    update: (cache) => {
      cache.evict({ id: cache.identify({ __typename: 'Workout', id: workoutId }) });
      cache.gc();
    },
  });

  async function confirm() {
    await remove({ variables: { id: workoutId } });
    await navigate('/workouts', { replace: true });
  }

  return (
    <section aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete</h2>
      {asking ? (
        <div role="group" aria-labelledby="delete-question">
          <p id="delete-question">
            Delete this workout for good? Its distance comes off your gear, its XP and records are taken back.
          </p>
          <div className="actions">
            <button
              type="button"
              className="danger"
              onClick={() => void confirm().catch(() => undefined)}
              disabled={loading}
            >
              Yes, delete it
            </button>
            <button type="button" className="secondary" onClick={() => setAsking(false)} disabled={loading}>
              Keep it
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="danger" onClick={() => setAsking(true)}>
          Delete workout
        </button>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
