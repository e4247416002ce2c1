/**
 * The recording's figures as it goes: the server's (its live progress) when online, else computed on this
 * device from the samples stored here; with how many samples the server has and how many wait to be sent.
 */
import { formatDistance, formatDuration, formatElevation, formatPace } from '../../format/units';
import type { RecordingSummary } from '../../offline/outbox';
import { usePreferences } from '../../settings/preferences';

export interface ServerProgress {
  sampleCount: number;
  distanceMeters: number;
  elapsedSeconds?: number | null;
  averagePaceSecondsPerKm?: number | null;
  heartRate?: number | null;
  elevationGainMeters?: number | null;
  flags: string[];
}

interface Figures {
  distanceMeters: number | null;
  elapsedSeconds: number | null;
  paceSecondsPerKm: number | null;
  heartRate: number | null;
  elevationGainMeters: number | null;
}

export function deviceFigures(recording: RecordingSummary): Figures {
  const { figures } = recording;
  const elapsedSeconds =
    figures.lastTime === null ? null : Math.max(0, (figures.lastTime - recording.startedAt) / 1000);
  return {
    distanceMeters: figures.distanceMeters,
    elapsedSeconds,
    paceSecondsPerKm:
      elapsedSeconds && figures.distanceMeters > 0 ? elapsedSeconds / (figures.distanceMeters / 1000) : null,
    heartRate: figures.heartRate,
    elevationGainMeters: figures.elevationGainMeters,
  };
}

const serverFigures = (progress: ServerProgress): Figures => ({
  distanceMeters: progress.distanceMeters,
  elapsedSeconds: progress.elapsedSeconds ?? null,
  paceSecondsPerKm: progress.averagePaceSecondsPerKm ?? null,
  heartRate: progress.heartRate ?? null,
  elevationGainMeters: progress.elevationGainMeters ?? null,
});

export function LiveFigures({
  recording,
  progress,
  fromServer,
}: {
  recording: RecordingSummary;
  /** The server's latest figures, when its live progress is being received. */
  progress: ServerProgress | null;
  /** Online: the server's figures are shown (once its first message arrives). */
  fromServer: boolean;
}) {
  const { units } = usePreferences();
  const figures: Figures | null = fromServer
    ? progress
      ? serverFigures(progress)
      : null
    : deviceFigures(recording);
  // The receipt of the latest batch may come before the live message that follows it: the higher count.
  const received = Math.max(progress?.sampleCount ?? 0, recording.serverSampleCount ?? 0);
  return (
    <>
      <p className="muted">
        {fromServer ? 'Figures from Pulse, as it receives your samples.' : 'Figures computed on this device.'}
      </p>
      <dl className="stats">
        <div className="stat">
          <dt>Distance</dt>
          <dd data-testid="live-distance">{formatDistance(figures?.distanceMeters, units)}</dd>
        </div>
        <div className="stat">
          <dt>Elapsed time</dt>
          <dd>{formatDuration(figures?.elapsedSeconds)}</dd>
        </div>
        <div className="stat">
          <dt>Pace</dt>
          <dd>{formatPace(figures?.paceSecondsPerKm, units)}</dd>
        </div>
        <div className="stat">
          <dt>Heart rate</dt>
          <dd>{figures?.heartRate == null ? '–' : `${Math.round(figures.heartRate)} bpm`}</dd>
        </div>
        <div className="stat">
          <dt>Elevation gain</dt>
          <dd>{formatElevation(figures?.elevationGainMeters, units)}</dd>
        </div>
        <div className="stat">
          <dt>Samples received</dt>
          <dd data-testid="live-samples">{received}</dd>
        </div>
        <div className="stat">
          <dt>Waiting to be sent</dt>
          <dd data-testid="live-waiting">{recording.pendingSamples}</dd>
        </div>
      </dl>
      {fromServer && progress && progress.flags.length > 0 && (
        <p className="muted">
          Pulse noticed in the track:{' '}
          {progress.flags.map((flag) => flag.toLowerCase().replaceAll('_', ' ')).join(', ')}.
        </p>
      )}
    </>
  );
}
