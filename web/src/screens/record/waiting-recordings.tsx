/**
 * The recordings this browser still has to send, with their counts; a recording left open (the page was
 * closed while recording) can be finished or discarded here, one the server refused retried or removed.
 */
import { useState } from 'react';
import { formatDateTime } from '../../format/dates';
import { outbox, type RecordingSummary } from '../../offline/outbox';
import { usePreferences } from '../../settings/preferences';
import { sportName } from '../../ui/sports';
import { Empty, ErrorMessage, Loading } from '../../ui/states';

const STATUS_WORDS: Record<RecordingSummary['status'], string> = {
  IN_PROGRESS: 'Recording',
  PAUSED: 'Paused',
  FINISHED: 'Finished',
  DISCARDED: 'Discarded, to be removed from Pulse',
};

export function WaitingRecordings({
  recordings,
  error,
  activeId,
}: {
  recordings: RecordingSummary[] | null;
  error: unknown;
  /** The recording under way in this tab: its controls are above, not here. */
  activeId: string | null;
}) {
  return (
    <section aria-labelledby="waiting-heading">
      <h2 id="waiting-heading">Waiting to be sent</h2>
      {error ? (
        <ErrorMessage error={error} />
      ) : !recordings ? (
        <Loading what="the recordings kept on this device" />
      ) : recordings.length === 0 ? (
        <Empty>Nothing is waiting: every recording has reached Pulse.</Empty>
      ) : (
        <ul className="list" aria-label="Recordings waiting to be sent">
          {recordings.map((recording) => (
            <WaitingRecording
              key={recording.workoutId}
              recording={recording}
              active={recording.workoutId === activeId}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function WaitingRecording({ recording, active }: { recording: RecordingSummary; active: boolean }) {
  const { timeZone } = usePreferences();
  const [confirming, setConfirming] = useState<'discard' | 'remove' | null>(null);
  const open = recording.status === 'IN_PROGRESS' || recording.status === 'PAUSED';
  const name = `${sportName(recording.sport)}, ${formatDateTime(new Date(recording.startedAt).toISOString(), timeZone)}`;
  return (
    <li aria-label={name}>
      <strong>{name}</strong> <span className="muted">· {STATUS_WORDS[recording.status]}</span>
      <p className="waiting-counts">
        <span data-testid="waiting-samples">{recording.pendingSamples}</span> samples waiting to be sent ·{' '}
        {recording.serverSampleCount ?? 0} received by Pulse
        {!recording.startAcknowledged && ' · not yet on Pulse'}
      </p>
      {recording.error && (
        <p className="state error" role="alert">
          Pulse refused it: {recording.error}
        </p>
      )}
      {!active && confirming === null && (
        <div className="actions">
          {open && (
            <button
              type="button"
              className="secondary"
              onClick={() => void outbox.finish(recording.workoutId, recording.lastAt)}
            >
              Finish
            </button>
          )}
          {open && (
            <button type="button" className="secondary" onClick={() => setConfirming('discard')}>
              Discard
            </button>
          )}
          {recording.error && (
            <button
              type="button"
              className="secondary"
              onClick={() => void outbox.retry(recording.workoutId)}
            >
              Try again
            </button>
          )}
          {recording.error && (
            <button type="button" className="secondary" onClick={() => setConfirming('remove')}>
              Remove from this device
            </button>
          )}
        </div>
      )}
      {confirming && (
        <div className="actions" role="group" aria-label="Confirm">
          <span>
            {confirming === 'discard'
              ? 'Discard this recording? Its samples are deleted.'
              : 'Remove it from this device? What Pulse has not received is lost.'}
          </span>
          <button
            type="button"
            className="danger"
            onClick={() =>
              void (confirming === 'discard'
                ? outbox.discard(recording.workoutId)
                : outbox.remove(recording.workoutId))
            }
          >
            {confirming === 'discard' ? 'Yes, discard' : 'Yes, remove'}
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(null)}>
            Keep it
          </button>
        </div>
      )}
    </li>
  );
}
