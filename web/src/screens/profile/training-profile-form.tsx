/** The heart rates the metrics engine computes zones with; the API checks them and says what is wrong. */
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import type { ProfileScreenQueryQuery } from '../../__generated__/graphql';
import { Field } from '../../ui/field';
import { describeInFieldWords } from './field-words';
import { ProfileScreenQuery, ProfileScreenUpdateTrainingProfile } from './profile-documents';

type TrainingProfile = ProfileScreenQueryQuery['me']['trainingProfile'];

const typedNumber = (typed: string) => (typed.trim() === '' ? null : Number(typed));

export function TrainingProfileForm({ training }: { training: TrainingProfile }) {
  const [form, setForm] = useState({
    maxHeartRate: training.maxHeartRate?.toString() ?? '',
    restingHeartRate: training.restingHeartRate?.toString() ?? '',
  });
  const [saved, setSaved] = useState(false);
  const [save, { loading, error, reset }] = useMutation(ProfileScreenUpdateTrainingProfile, {
    refetchQueries: [ProfileScreenQuery],
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    reset();
    const { data } = await save({
      variables: {
        // The API replaces the whole profile: what this form does not show is sent back as it was.
        input: {
          maxHeartRate: typedNumber(form.maxHeartRate),
          restingHeartRate: typedNumber(form.restingHeartRate),
          weightKg: training.weightKg,
          birthYear: training.birthYear,
          sex: training.sex,
        },
      },
    }).catch(() => ({ data: undefined }));
    if (data) setSaved(true);
  }

  return (
    <form className="card form profile-card" onSubmit={submit} aria-labelledby="profile-training">
      <h2 id="profile-training">Heart rate</h2>
      <p className="muted">
        Heart-rate zones and training load of your next workouts are computed from these.
      </p>
      <Field
        label="Maximum heart rate (bpm)"
        type="number"
        inputMode="numeric"
        value={form.maxHeartRate}
        onChange={(e) => setForm({ ...form, maxHeartRate: e.target.value })}
        hint="100 to 250; empty: 220 minus your age, or 190."
      />
      <Field
        label="Resting heart rate (bpm)"
        type="number"
        inputMode="numeric"
        value={form.restingHeartRate}
        onChange={(e) => setForm({ ...form, restingHeartRate: e.target.value })}
        hint="25 to 120, below the maximum; empty: 60."
      />
      {error && (
        <p className="state error" role="alert">
          {describeInFieldWords(error)}
        </p>
      )}
      {saved && (
        <p className="state" role="status">
          Heart rates saved.
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={loading}>
          {loading ? 'Saving…' : 'Save heart rates'}
        </button>
      </div>
    </form>
  );
}
