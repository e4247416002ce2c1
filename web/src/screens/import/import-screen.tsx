/** Importing a workout file (GPX, TCX, FIT, Apple Health or Google Fit JSON, gzipped or not), and recent imports. */
import { useApolloClient, useQuery } from '@apollo/client/react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Sport } from '../../__generated__/enums';
import { validAccessToken } from '../../api/session';
import { exchangeRefreshToken } from '../../api/token-exchange';
import { formatDateTime } from '../../format/dates';
import { formatDistance, formatDuration } from '../../format/units';
import { usePreferences } from '../../settings/preferences';
import { Field, SelectField } from '../../ui/field';
import { Page } from '../../ui/page';
import { sportName, SPORT_OPTIONS } from '../../ui/sports';
import { Empty, ErrorMessage, Loading } from '../../ui/states';
import { ImportScreenJobQuery, ImportScreenRecentQuery } from './import-documents';
import { CONFLICT_SENTENCE, runImport, type ImportDependencies, type ImportState } from './import-upload';
import { sportSourceSentence } from '../workouts/sport-source';

const ACCEPTED_FILES = '.gpx,.tcx,.fit,.json,.gz,application/gpx+xml,application/json,application/gzip';
const SPORT_CHOICES = [
  { value: '', label: 'As the file says (or guessed from its speed)' },
  ...SPORT_OPTIONS,
];

export function ImportScreen() {
  const client = useApolloClient();
  const [file, setFile] = useState<File | null>(null);
  const [sport, setSport] = useState<Sport | ''>('');
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const running = useRef<AbortController | null>(null);

  useEffect(() => () => running.current?.abort(), []);

  const deps: ImportDependencies = {
    accessToken: () => validAccessToken(exchangeRefreshToken),
    createRequest: () => new XMLHttpRequest(),
    fetchJob: async (id) => {
      const { data } = await client.query({
        query: ImportScreenJobQuery,
        variables: { id },
        fetchPolicy: 'network-only',
      });
      return data?.importJob ?? null;
    },
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    const last = await runImport(file, sport || null, deps, setState, controller.signal);
    if (last.phase === 'done')
      void client.refetchQueries({ include: [ImportScreenRecentQuery, 'WorkoutsScreen'] });
  }

  const busy = state.phase === 'uploading' || state.phase === 'processing';
  return (
    <Page title="Import a file">
      <form className="form card" onSubmit={(event) => void submit(event)}>
        <Field
          label="Workout file"
          type="file"
          accept={ACCEPTED_FILES}
          required
          disabled={busy}
          hint="GPX, TCX or FIT from a watch or an app, or an Apple Health or Google Fit export (JSON); gzipped (.gz) is fine, up to 25 MB."
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        <SelectField
          label="Sport"
          value={sport}
          disabled={busy}
          onChange={(event) => setSport(event.target.value as Sport | '')}
          options={SPORT_CHOICES}
        />
        <div className="actions">
          <button type="submit" disabled={!file || busy}>
            Import
          </button>
        </div>
      </form>
      <ImportProgress state={state} />
      <RecentImports />
    </Page>
  );
}

function ImportProgress({ state }: { state: ImportState }) {
  const { units } = usePreferences();
  const id = useId();
  switch (state.phase) {
    case 'idle':
      return null;
    case 'uploading':
      return (
        <div className="card" role="status">
          <label htmlFor={id}>Uploading {state.fileName}…</label>
          <progress id={id} value={state.loaded} max={state.total || 1}>
            {state.total ? Math.round((state.loaded / state.total) * 100) : 0} %
          </progress>
        </div>
      );
    case 'processing':
      return (
        <p className="card" role="status">
          Uploaded. Pulse is reading the file…
        </p>
      );
    case 'slow':
      return (
        <p className="card" role="status">
          Pulse is still reading this file. It will be in your <Link to="/workouts">workouts</Link> once it is
          done.
        </p>
      );
    case 'conflict':
      return (
        <p className="card state error" role="alert">
          {CONFLICT_SENTENCE} <Link to={`/workouts/${state.workoutId}`}>See that workout</Link>.
        </p>
      );
    case 'failed':
      return (
        <p className="card state error" role="alert">
          {state.message}
        </p>
      );
    case 'done': {
      const { job } = state;
      const { workout } = job;
      const reason = sportSourceSentence(job.sportSource, job.sportReason);
      return (
        <div className="card" role="status">
          <p>
            Imported: {sportName(job.sport)}
            {workout &&
              `, ${formatDistance(workout.distanceMeters, units)} in ${formatDuration(workout.movingSeconds)}`}
            . <Link to={`/workouts/${job.workoutId}`}>Open the workout</Link>
          </p>
          {reason && <p className="muted">{reason}</p>}
        </div>
      );
    }
  }
}

const STATUS_WORDS = { PENDING: 'Being read', DONE: 'Imported', FAILED: 'Failed' } as const;

function RecentImports() {
  const { timeZone } = usePreferences();
  const { data, loading, error } = useQuery(ImportScreenRecentQuery);
  const imports = data?.myImports;
  return (
    <section aria-labelledby="recent-imports">
      <h2 id="recent-imports">Recent imports</h2>
      {!imports && loading && <Loading what="your imports" />}
      {!imports && <ErrorMessage error={error} />}
      {imports && imports.length === 0 && <Empty>No imports yet.</Empty>}
      {imports && imports.length > 0 && (
        <ul className="list">
          {imports.map((job) => (
            <li key={job.id}>
              <strong>{job.fileName ?? job.format}</strong>{' '}
              <span className="muted">
                {formatDateTime(job.createdAt, timeZone)} · {STATUS_WORDS[job.status]}
              </span>
              {job.status === 'DONE' && (
                <>
                  {' '}
                  · <Link to={`/workouts/${job.workoutId}`}>{sportName(job.sport)}</Link>
                </>
              )}
              {job.status === 'FAILED' && job.error && <p className="state error">{job.error}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
