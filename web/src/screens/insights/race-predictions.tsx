/** Predicted race times (Riegel) from the athlete's running best efforts, with the effort each comes from. */
import { Link } from 'react-router';
import type { InsightsScreenQueryQuery } from '../../__generated__/graphql';
import { formatLocalDate } from '../../format/dates';
import { formatDistance, formatDuration, formatPace } from '../../format/units';
import { usePreferences } from '../../settings/preferences';
import { predictedPace, raceName } from './race-words';

type Predictions = NonNullable<InsightsScreenQueryQuery['me']['racePredictions']>;

export function RacePredictions({ predictions }: { predictions: Predictions }) {
  const { units } = usePreferences();
  if (predictions.length === 0) return null;
  return (
    <section aria-labelledby="insights-races">
      <h2 id="insights-races">Race predictions</h2>
      <p className="muted">From your running best efforts of the last year, by Riegel's formula.</p>
      <div className="table-scroll">
        <table className="insights-races">
          <thead>
            <tr>
              <th scope="col">Race</th>
              <th scope="col">Time</th>
              <th scope="col">Pace</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {predictions.map((prediction) => (
              <tr key={prediction.race}>
                <th scope="row">
                  {raceName(prediction.race)}{' '}
                  <span className="muted">({formatDistance(prediction.distanceMeters, units)})</span>
                </th>
                <td>{formatDuration(prediction.predictedSeconds)}</td>
                <td>{formatPace(predictedPace(prediction), units)}</td>
                <td>
                  <Link to={`/workouts/${prediction.fromWorkoutId}`}>
                    {raceName(prediction.fromEffort)} on {formatLocalDate(prediction.fromDate)}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
