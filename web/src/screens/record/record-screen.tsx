/**
 * Records a workout live, from this device's GPS or by replaying a GPX file: every sample is stored on the
 * device first and sent by the outbox's sync (offline too), the live figures come from the server while online.
 */
import { useSubscription } from '@apollo/client/react';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from '../../api/use-session';
import { useOnline } from '../../offline/online-status';
import { startSync, useSyncStatus } from '../../offline/sync';
import { usePreferences } from '../../settings/preferences';
import { Page } from '../../ui/page';
import { LiveFigures } from './live-figures';
import { RecordScreenProgress } from './record-documents';
import { RecordSetup, type RecordChoice } from './record-setup';
import { recordingSession } from './recording-session';
import { useOutboxRecordings } from './use-outbox-recordings';
import { WaitingRecordings } from './waiting-recordings';
import './record.css';

export function RecordScreen() {
  const userId = useSession()?.userId ?? null;
  const online = useOnline();
  const navigate = useNavigate();
  const session = useSyncExternalStore(recordingSession.subscribe, recordingSession.state);
  const { recordings, error } = useOutboxRecordings(userId);
  const active = recordings?.find((recording) => recording.workoutId === session.workoutId) ?? null;

  useEffect(() => startSync(), []);

  // Finished and all sent: the outbox has let go of it. On to the workout.
  useEffect(() => {
    if (session.phase !== 'finishing' || !recordings || !session.workoutId || active) return;
    const id = session.workoutId;
    recordingSession.reset();
    void navigate(`/workouts/${id}`);
  }, [session.phase, session.workoutId, recordings, active, navigate]);

  // Online, the figures are the server's only (none until its first message): mixing in the device's, which
  // count samples the server has not received yet, would make them jump back.
  const fromServer = online;
  const { data } = useSubscription(RecordScreenProgress, {
    variables: { workoutId: session.workoutId ?? '' },
    // The server answers NOT_FOUND until it has the workout's start.
    skip: !online || !active?.startAcknowledged || session.phase === 'idle',
    fetchPolicy: 'no-cache',
  });

  function start(choice: RecordChoice) {
    if (!userId) return;
    if (choice.source === 'GPS') recordingSession.startGps(userId, choice.sport);
    else recordingSession.startReplay(userId, choice.sport, choice.track.points, choice.speed);
  }

  return (
    <Page title="Record">
      {!online && (
        <p className="state" role="status">
          You are offline: the recording is kept on this device, with figures computed here, and sent when you
          reconnect.
        </p>
      )}
      {session.notice && session.phase === 'idle' && <p role="status">{session.notice}</p>}
      {session.problem && (
        <p className="state error" role="alert">
          {session.problem}
        </p>
      )}
      {session.phase === 'idle' ? (
        <RecordSetup onStart={start} />
      ) : (
        <section className="card" aria-labelledby="live-heading">
          <h2 id="live-heading">{session.source === 'GPX' ? 'Replaying your GPX file' : 'Recording'}</h2>
          {session.phase === 'locating' && <p role="status">Waiting for your position…</p>}
          {session.replay && (
            <p className="muted">
              {session.replay.ended
                ? 'The whole file has been replayed: press Finish to save the workout.'
                : `${session.replay.emitted} of ${session.replay.total} points replayed.`}
            </p>
          )}
          {active && (
            <LiveFigures
              recording={active}
              progress={data?.workoutProgress ?? null}
              fromServer={fromServer}
            />
          )}
          <Controls online={online} />
        </section>
      )}
      <SyncState />
      <WaitingRecordings recordings={recordings} error={error} activeId={session.workoutId} />
    </Page>
  );
}

function Controls({ online }: { online: boolean }) {
  const session = useSyncExternalStore(recordingSession.subscribe, recordingSession.state);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  if (session.phase === 'finishing') {
    return (
      <div className="record-controls">
        <p role="status">
          {online
            ? 'Finished: sending the last samples to Pulse…'
            : 'Finished and saved on this device: it is sent to Pulse when you are back online.'}
        </p>
        <div className="actions">
          <button type="button" className="secondary" onClick={() => recordingSession.reset()}>
            Record another
          </button>
        </div>
      </div>
    );
  }
  if (confirmingDiscard) {
    return (
      <div className="actions record-controls" role="group" aria-label="Confirm">
        <span>Discard this recording? Its samples are deleted and it is not saved.</span>
        <button
          type="button"
          className="danger"
          onClick={() => {
            setConfirmingDiscard(false);
            recordingSession.discard();
          }}
        >
          Yes, discard
        </button>
        <button type="button" className="secondary" onClick={() => setConfirmingDiscard(false)}>
          Keep recording
        </button>
      </div>
    );
  }
  return (
    <div className="actions record-controls">
      {session.phase === 'paused' ? (
        <button type="button" onClick={() => recordingSession.resume()}>
          Resume
        </button>
      ) : (
        <button
          type="button"
          disabled={session.phase !== 'recording'}
          onClick={() => recordingSession.pause()}
        >
          Pause
        </button>
      )}
      <button type="button" disabled={session.phase === 'locating'} onClick={() => recordingSession.finish()}>
        Finish
      </button>
      <button type="button" className="secondary" onClick={() => setConfirmingDiscard(true)}>
        Discard
      </button>
    </div>
  );
}

/** Says when sending fails for now, and when it is tried again. */
function SyncState() {
  const status = useSyncStatus();
  const { timeZone } = usePreferences();
  if (status.state !== 'waiting') return null;
  return (
    <p className="state" role="status">
      Pulse could not be reached ({status.error}); trying again at{' '}
      {new Intl.DateTimeFormat(undefined, { timeStyle: 'medium', timeZone }).format(status.retryAt)}.
    </p>
  );
}
