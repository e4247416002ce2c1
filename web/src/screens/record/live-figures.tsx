/**
 * The recording's figures as it goes: the server's (its live progress) when online, else computed on this
 * device from the samples stored here; with how many samples the server has and how many wait to be sent.
 */
import {
  formatDistance,
  formatDuration,
  formatElevation,
  formatHeartRate,
  formatPace,
} from '../../format/units';
import type { RecordingSummary } from '../../offline/outbox';
import { usePreferences } from '../../settings/preferences';
import { Stat } from '../../ui/stat';

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
        <Stat
          label="Distance"
          value={formatDistance(figures?.distanceMeters, units)}
          testId="live-distance"
        />
        <Stat label="Elapsed time" value={formatDuration(figures?.elapsedSeconds)} />
        <Stat label="Pace" value={formatPace(figures?.paceSecondsPerKm, units)} />
        <Stat label="Heart rate" value={formatHeartRate(figures?.heartRate)} />
        <Stat label="Elevation gain" value={formatElevation(figures?.elevationGainMeters, units)} />
        <Stat label="Samples received" value={received} testId="live-samples" />
        <Stat label="Waiting to be sent" value={recording.pendingSamples} testId="live-waiting" />
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
