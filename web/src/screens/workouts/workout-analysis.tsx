/** The parts of a workout's analysis: splits, best efforts, heart-rate zones, gear used and track problems. */
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import {
  distanceUnit,
  formatDistance,
  formatDuration,
  formatElevation,
  formatPace,
} from '../../format/units';
import { usePreferences } from '../../settings/preferences';
import { WorkoutScreenProfileQuery } from './workout-documents';
import { formatHeartRate } from '../../format/units';
import { bestEffortName } from './workout-figures';
import { flagSentence } from './track-flags';
import type { ShownMetrics, ShownWorkout } from './workout-types';

export function Splits({ splits }: { splits: ShownMetrics['splits'] }) {
  const { units } = usePreferences();
  if (splits.length === 0) return null;
  const hasHeartRate = splits.some((split) => split.averageHeartRate != null);
  return (
    <section aria-labelledby="splits-heading">
      <h2 id="splits-heading">Splits per {units === 'IMPERIAL' ? 'mile' : 'kilometre'}</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{distanceUnit(units)}</th>
              <th scope="col">Distance</th>
              <th scope="col">Moving time</th>
              <th scope="col">Pace</th>
              <th scope="col">Elevation gain</th>
              {hasHeartRate && <th scope="col">Heart rate</th>}
            </tr>
          </thead>
          <tbody>
            {splits.map((split) => (
              <tr key={split.index}>
                <th scope="row">{split.index}</th>
                <td>{formatDistance(split.distanceMeters, units)}</td>
                <td>{formatDuration(split.movingSeconds)}</td>
                <td>
                  {split.distanceMeters > 0
                    ? formatPace(split.movingSeconds / (split.distanceMeters / 1_000), units)
                    : '–'}
                </td>
                <td>{formatElevation(split.elevationGainMeters, units)}</td>
                {hasHeartRate && <td>{formatHeartRate(split.averageHeartRate)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function BestEfforts({ efforts }: { efforts: ShownMetrics['bestEfforts'] }) {
  const { units } = usePreferences();
  if (efforts.length === 0) return null;
  return (
    <section aria-labelledby="efforts-heading">
      <h2 id="efforts-heading">Best efforts</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Distance</th>
              <th scope="col">Time</th>
              <th scope="col">Pace</th>
              <th scope="col">Starting at</th>
            </tr>
          </thead>
          <tbody>
            {efforts.map((effort) => (
              <tr key={effort.name}>
                <th scope="row">{bestEffortName(effort.name)}</th>
                <td>{formatDuration(effort.seconds)}</td>
                <td>{formatPace(effort.seconds / (effort.distanceMeters / 1_000), units)}</td>
                <td>{formatDuration(effort.startOffsetSeconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function HeartRateZones({ heartRate }: { heartRate: ShownMetrics['heartRate'] }) {
  const { data } = useQuery(WorkoutScreenProfileQuery);
  if (!heartRate || heartRate.zones.length === 0) return null;
  const total = heartRate.zones.reduce((sum, zone) => sum + zone.seconds, 0);
  const profile = data?.me?.trainingProfile;
  const ownLimits = profile && profile.maxHeartRate != null && profile.restingHeartRate != null;
  return (
    <section aria-labelledby="zones-heading">
      <h2 id="zones-heading">Heart-rate zones</h2>
      {profile && !ownLimits && (
        <p className="muted">
          These zones use{' '}
          {profile.maxHeartRate == null
            ? `a default maximum heart rate (${formatHeartRate(heartRate.maxUsed)})`
            : 'your maximum heart rate'}{' '}
          and{' '}
          {profile.restingHeartRate == null
            ? `a default resting heart rate (${formatHeartRate(heartRate.restingUsed)})`
            : 'your resting heart rate'}
          . Set your own in your <Link to="/profile">profile</Link> for zones that fit you; they apply to
          workouts from then on.
        </p>
      )}
      <ul className="list zone-list">
        {heartRate.zones.map((zone) => {
          const share = total > 0 ? (zone.seconds / total) * 100 : 0;
          const range =
            zone.maxBpm == null
              ? `from ${Math.round(zone.minBpm)} bpm`
              : `${Math.round(zone.minBpm)}–${Math.round(zone.maxBpm)} bpm`;
          return (
            <li key={zone.zone} className="zone-row">
              <span>
                Zone {zone.zone} <span className="muted">({range})</span>
              </span>
              <div
                className="bar"
                role="img"
                aria-label={`Zone ${zone.zone}: ${formatDuration(zone.seconds)}, ${Math.round(share)} % of the time`}
              >
                <span style={{ width: `${share}%` }} />
              </div>
              <span className="zone-time">{formatDuration(zone.seconds)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function GearUsed({ gear }: { gear: ShownWorkout['gear'] }) {
  if (gear.length === 0) return null;
  return (
    <section aria-labelledby="gear-heading">
      <h2 id="gear-heading">Gear used</h2>
      <ul className="list">
        {gear.map((item) => (
          <li key={item.id}>
            <Link to="/gear">{item.name}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function TrackProblems({ flags }: { flags: ShownWorkout['trackFlags'] }) {
  if (flags.length === 0) return null;
  return (
    <section aria-labelledby="flags-heading">
      <h2 id="flags-heading">Problems in the track</h2>
      <ul className="flag-list">
        {flags.map((flag) => (
          <li key={flag.code}>{flagSentence(flag)}</li>
        ))}
      </ul>
    </section>
  );
}
