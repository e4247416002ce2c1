/** Chooses what to record: the sport, and the device's GPS or a GPX file replayed at 1×, 10× or 60×. */
import { useState, type FormEvent } from 'react';
import type { Sport } from '../../__generated__/enums';
import { formatDistance, formatDuration } from '../../format/units';
import { GpxError, parseGpx, type GpxTrack } from '../../gpx/parse-gpx';
import { REPLAY_SPEEDS, trackDurationSeconds } from '../../gpx/replay-schedule';
import { haversineMeters } from '../../offline/device-figures';
import { usePreferences } from '../../settings/preferences';
import { Field, SelectField } from '../../ui/field';
import { SPORT_OPTIONS } from '../../ui/sports';

export type RecordChoice =
  { source: 'GPS'; sport: Sport } | { source: 'GPX'; sport: Sport; track: GpxTrack; speed: number };

const SPEED_OPTIONS = REPLAY_SPEEDS.map((speed) => ({
  value: String(speed),
  label: speed === 1 ? '1× (real time)' : `${speed}×`,
}));

export function RecordSetup({ onStart }: { onStart: (choice: RecordChoice) => void }) {
  const { units } = usePreferences();
  const [sport, setSport] = useState<Sport>('RUN');
  const [source, setSource] = useState<'GPS' | 'GPX'>('GPS');
  const [speed, setSpeed] = useState(10);
  const [track, setTrack] = useState<GpxTrack | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);

  async function chooseFile(file: File | undefined) {
    setTrack(null);
    setFileProblem(null);
    if (!file) return;
    try {
      setTrack(parseGpx(await file.text()));
    } catch (error) {
      setFileProblem(error instanceof GpxError ? error.message : 'This file could not be read.');
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (source === 'GPS') onStart({ source, sport });
    else if (track) onStart({ source, sport, track, speed });
  }

  const seconds = track ? trackDurationSeconds(track.points) : 0;
  const distance = track
    ? track.points.slice(1).reduce((sum, point, i) => sum + haversineMeters(track.points[i]!, point), 0)
    : 0;

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="setup-heading">
      <h2 id="setup-heading">New recording</h2>
      <SelectField
        label="Sport"
        options={SPORT_OPTIONS}
        value={sport}
        onChange={(e) => setSport(e.target.value as Sport)}
      />
      <fieldset className="record-source">
        <legend>Source</legend>
        <label>
          <input type="radio" name="source" checked={source === 'GPS'} onChange={() => setSource('GPS')} />
          GPS (this device)
        </label>
        <label>
          <input type="radio" name="source" checked={source === 'GPX'} onChange={() => setSource('GPX')} />
          Replay a GPX file
        </label>
      </fieldset>
      {source === 'GPS' ? (
        <p className="hint">Your browser asks whether Pulse may use your location when you start.</p>
      ) : (
        <>
          <Field
            label="GPX file"
            type="file"
            accept=".gpx,application/gpx+xml,application/xml,text/xml"
            onChange={(e) => void chooseFile(e.target.files?.[0])}
            hint={
              track
                ? `${track.points.length} points, ${formatDistance(distance, units)} in ${formatDuration(seconds)}` +
                  (track.pointsWithoutTime > 0
                    ? ` (${track.pointsWithoutTime} without a time, set 1 s apart)`
                    : '') +
                  `: the replay takes ${formatDuration(seconds / speed)}.`
                : 'Its points are sent as if recorded now, ending when the replay ends.'
            }
          />
          {fileProblem && (
            <p className="state error" role="alert">
              {fileProblem}
            </p>
          )}
          <SelectField
            label="Replay speed"
            options={SPEED_OPTIONS}
            value={String(speed)}
            onChange={(e) => setSpeed(Number(e.target.value))}
          />
        </>
      )}
      <div className="actions">
        <button type="submit" disabled={source === 'GPX' && !track}>
          Start
        </button>
      </div>
    </form>
  );
}
