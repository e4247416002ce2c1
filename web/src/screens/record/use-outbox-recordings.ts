/** The athlete's recordings kept in this browser's outbox, read again on every change to it. */
import { useEffect, useState } from 'react';
import { outbox, type RecordingSummary } from '../../offline/outbox';

export interface OutboxRecordings {
  recordings: RecordingSummary[] | null;
  error: unknown;
}

export function useOutboxRecordings(userId: string | null): OutboxRecordings {
  const [state, setState] = useState<OutboxRecordings>({ recordings: null, error: null });
  useEffect(() => {
    if (!userId) return;
    let latest = 0;
    let live = true;
    const load = () => {
      // Reads may finish out of order: only the latest one is shown.
      const read = ++latest;
      outbox.recordings(userId).then(
        (recordings) => live && read === latest && setState({ recordings, error: null }),
        (error: unknown) => live && read === latest && setState({ recordings: null, error }),
      );
    };
    load();
    const stop = outbox.onChange(load);
    return () => {
      live = false;
      stop();
    };
  }, [userId]);
  return state;
}
