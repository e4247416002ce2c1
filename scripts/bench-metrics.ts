// npm run bench:metrics: times the workout metrics engine on a deterministic 10-hour track at 1 Hz
// (36 000 samples with positions, noisy altitude, heart rate, cadence and power) against a baseline
// measured in the same run: a bare loop summing haversine distances over the same samples.
import { computeMetrics } from '../subgraphs/training/src/metrics/compute-metrics';
import { haversineMeters } from '../subgraphs/training/src/metrics/geo';
import { METRICS_CONFIG } from '../subgraphs/training/src/metrics/metrics-config';
import { meridianTrack, seededRandom, type Leg } from '../subgraphs/training/src/metrics/synthetic-tracks';
import type { Track } from '../subgraphs/training/src/metrics/track';

const WARM_UP_RUNS = 3;
const MEASURED_RUNS = 10;

function benchmarkTrack(): Track {
  const random = seededRandom(20_250_601);
  // Ten hours alternating 25 min of running at 2.8-3.6 m/s and 5 min of walking at 1.2 m/s.
  const legs: Leg[] = [];
  for (let block = 0; block < 20; block++) {
    legs.push({ seconds: 1500, speedMps: 2.8 + 0.8 * random() }, { seconds: 300, speedMps: 1.2 });
  }
  return meridianTrack(legs, (second) => ({
    altitude: 400 + 150 * Math.sin(second / 1200) + 30 * Math.sin(second / 170) + (random() - 0.5) * 6,
    heartRate: Math.round(135 + 20 * Math.sin(second / 600) + random() * 6),
    cadence: Math.round(165 + random() * 10),
    power: Math.round(240 + 60 * Math.sin(second / 300) + random() * 30),
  }));
}

function haversineBaseline(track: Track): number {
  const { samples } = track;
  let meters = 0;
  for (let index = 1; index < samples.length; index++) {
    const from = samples[index - 1]!;
    const to = samples[index]!;
    meters += haversineMeters(
      from.latitude!,
      from.longitude!,
      to.latitude!,
      to.longitude!,
      METRICS_CONFIG.earthRadiusMeters,
    );
  }
  return meters;
}

function time<T>(runs: number, run: () => T): number[] {
  const durations: number[] = [];
  for (let k = 0; k < runs; k++) {
    const started = process.hrtime.bigint();
    run();
    durations.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return durations;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const format = (ms: number) => `${ms.toFixed(2)} ms`;

function main() {
  const track = benchmarkTrack();
  console.log(
    `track: ${track.samples.length} samples (10 h at 1 Hz), config version ${METRICS_CONFIG.version}`,
  );

  const [firstRun] = time(1, () => computeMetrics('RUN', track, {}));
  time(WARM_UP_RUNS - 1, () => computeMetrics('RUN', track, {}));
  time(WARM_UP_RUNS, () => haversineBaseline(track));

  const heapBefore = process.memoryUsage().heapUsed;
  let metrics = computeMetrics('RUN', track, {});
  const engine = time(MEASURED_RUNS, () => (metrics = computeMetrics('RUN', track, {})));
  const heapAfter = process.memoryUsage().heapUsed;
  let baselineMeters = 0;
  const baseline = time(MEASURED_RUNS, () => (baselineMeters = haversineBaseline(track)));

  console.log(`computeMetrics, first (cold) run: ${format(firstRun!)}`);
  console.log(
    `computeMetrics, ${MEASURED_RUNS} runs:      median ${format(median(engine))}, min ${format(Math.min(...engine))}`,
  );
  console.log(
    `haversine baseline, ${MEASURED_RUNS} runs:  median ${format(median(baseline))}, min ${format(Math.min(...baseline))}`,
  );
  console.log(`ratio engine / baseline (median): ${(median(engine) / median(baseline)).toFixed(1)}×`);
  console.log(
    `heap used delta over the measured runs: ${((heapAfter - heapBefore) / 1024 / 1024).toFixed(1)} MiB (GC may run)`,
  );
  console.log(
    `result: ${(metrics.distanceMeters / 1000).toFixed(2)} km (baseline ${(baselineMeters / 1000).toFixed(2)} km), ` +
      `moving ${metrics.movingSeconds} s, gain ${metrics.elevationGainMeters} m, NP ${metrics.power?.normalized} W, ` +
      `${metrics.splits.kilometre.length} km splits, ${metrics.bestEfforts.length} best efforts, ${metrics.flags.length} flags`,
  );
}

main();
