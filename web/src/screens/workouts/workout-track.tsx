/** The workout's track on a map and its charts (pace or speed, heart rate, elevation), from its streams. */
import { useQuery } from '@apollo/client/react';
import type { Sport } from '../../__generated__/enums';
import { distanceUnit, distanceValue, elevationUnit, elevationValue, type Units } from '../../format/units';
import { usePreferences } from '../../settings/preferences';
import { LineChart } from '../../ui/charts/line-chart';
import { TrackMap } from '../../ui/charts/track-map';
import { positionsOf } from '../../ui/charts/track-projection';
import { useWebConfig } from '../../api/web-config';
import { ErrorMessage, Loading } from '../../ui/states';
import { WorkoutScreenStreamsQuery } from './workout-documents';
import { showsSpeed } from './workout-figures';
import { chartSeries, hasValues } from './workout-series';

const METRES_PER_MILE = 1_609.344;
/** Below this speed (m/s) a point has no pace worth drawing: standing still would flatten the chart. */
const SLOWEST_PACE_SPEED = 0.5;

export function WorkoutTrack({
  workoutId,
  sport,
  distanceMeters,
}: {
  workoutId: string;
  sport: Sport;
  distanceMeters: number | null | undefined;
}) {
  const { units } = usePreferences();
  const config = useWebConfig();
  const { data, loading, error } = useQuery(WorkoutScreenStreamsQuery, { variables: { id: workoutId } });
  const streams = data?.workout?.streams;
  if (!streams) {
    return loading ? <Loading what="the track and charts" /> : <ErrorMessage error={error} />;
  }
  if (streams.offsets.length === 0) return null;

  const series = chartSeries(streams, distanceMeters);
  const positions = positionsOf(series.latitude, series.longitude);
  const againstDistance = series.distances !== null;
  const xs = againstDistance
    ? series.distances!.map((m) => distanceValue(m, units))
    : series.offsets.map((s) => s / 60);
  const xLabel = againstDistance ? `Distance (${distanceUnit(units)})` : 'Time (min)';
  const speedy = showsSpeed(sport);
  const rate = speedy ? speedSeries(series.speedMps, units) : paceSeries(series.speedMps, units);

  return (
    <>
      {positions.length >= 2 && (
        <section aria-labelledby="track-heading">
          <h2 id="track-heading">Track</h2>
          {/* Tiles only once the config said whether there are any: never a flash of the other drawing. */}
          {config && (
            <TrackMap
              positions={positions}
              tileUrl={config.tileUrl}
              tileAttribution={config.tileAttribution}
            />
          )}
        </section>
      )}
      <section aria-labelledby="charts-heading">
        <h2 id="charts-heading">Charts</h2>
        {hasValues(rate.values) && (
          <LineChart
            title={speedy ? 'Speed' : 'Pace'}
            xLabel={xLabel}
            yLabel={rate.label}
            xs={xs}
            ys={rate.values}
            formatY={rate.format}
            yTicks={speedy ? 'decimal' : 'clock'}
            invertY={!speedy}
            description={
              speedy
                ? 'Speed along the workout; higher is faster.'
                : 'Pace along the workout; faster is higher.'
            }
          />
        )}
        {hasValues(series.heartRate) && (
          <LineChart
            title="Heart rate"
            xLabel={xLabel}
            yLabel="Heart rate (bpm)"
            xs={xs}
            ys={series.heartRate}
            formatY={(bpm) => String(Math.round(bpm))}
          />
        )}
        {hasValues(series.altitude) && (
          <LineChart
            title="Elevation"
            xLabel={xLabel}
            yLabel={`Elevation (${elevationUnit(units)})`}
            xs={xs}
            ys={series.altitude.map((m) => (m == null ? null : elevationValue(m, units)))}
            formatY={(value) => String(Math.round(value))}
          />
        )}
        {!hasValues(rate.values) && !hasValues(series.heartRate) && !hasValues(series.altitude) && (
          <p className="muted">This workout has no series to chart.</p>
        )}
      </section>
    </>
  );
}

/** Pace in seconds per km or mile (shown as m:ss), none where the athlete stood still. */
function paceSeries(speeds: readonly (number | null)[], units: Units) {
  const metres = units === 'IMPERIAL' ? METRES_PER_MILE : 1_000;
  return {
    label: `Pace (min/${distanceUnit(units)})`,
    values: speeds.map((speed) => (speed == null || speed < SLOWEST_PACE_SPEED ? null : metres / speed)),
    format: (seconds: number) => {
      const whole = Math.round(seconds);
      return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
    },
  };
}

function speedSeries(speeds: readonly (number | null)[], units: Units) {
  const factor = units === 'IMPERIAL' ? 3_600 / METRES_PER_MILE : 3.6;
  return {
    label: `Speed (${units === 'IMPERIAL' ? 'mph' : 'km/h'})`,
    values: speeds.map((speed) => (speed == null ? null : speed * factor)),
    format: (value: number) => String(Math.round(value * 10) / 10),
  };
}
