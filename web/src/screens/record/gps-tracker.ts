/** The device's position as samples (navigator.geolocation.watchPosition), and its refusals as sentences. */
import type { Sample } from '../../offline/device-figures';

export interface GpsHandlers {
  onSample(sample: Sample): void;
  /** A sentence; `fatal` when no position will come (permission refused, no geolocation at all). */
  onProblem(sentence: string, fatal: boolean): void;
}

/** Positions less precise than this are left out: they would add zig-zags to the distance. */
const WORST_ACCURACY_METERS = 100;

export function watchGps(handlers: GpsHandlers): () => void {
  if (!('geolocation' in navigator)) {
    handlers.onProblem('This browser cannot tell where you are: replay a GPX file instead.', true);
    return () => undefined;
  }
  const id = navigator.geolocation.watchPosition(
    (position) => {
      if (position.coords.accuracy > WORST_ACCURACY_METERS) return;
      handlers.onSample({
        // A device clock a little ahead must not date a sample in the future.
        time: Math.min(position.timestamp, Date.now()),
        latitude: position.coords.latitude,
        longitude: position.coords.longitude,
        altitude: position.coords.altitude,
        speed: position.coords.speed,
        heartRate: null,
        cadence: null,
        power: null,
      });
    },
    (error) => {
      if (error.code === error.PERMISSION_DENIED) {
        handlers.onProblem(
          'Pulse may not use your location: allow it for this site in your browser’s settings, or replay a GPX file instead.',
          true,
        );
      } else {
        handlers.onProblem(
          'Your position is not available right now; recording goes on when it comes back.',
          false,
        );
      }
    },
    { enableHighAccuracy: true, maximumAge: 0, timeout: 30_000 },
  );
  return () => navigator.geolocation.clearWatch(id);
}
