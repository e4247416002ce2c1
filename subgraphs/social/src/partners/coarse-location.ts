/**
 * An athlete's home as social keeps it: snapped to a grid of about 1 km, the only form in which a home is
 * ever stored or compared. Rows are 0.009° of latitude apart (1.0 km); within a row, cells are 0.009° /
 * cos(latitude) of longitude wide (1.0 km too), computed from the row's snapped latitude so that snapping a
 * snapped point gives the same point back. Near a pole a cell's width is capped at the whole circle.
 */
import { BadUserInputError } from '../../../../lib/errors/domain-error';

export interface LatLng {
  /** Degrees north, −90 to 90. */
  latitude: number;
  /** Degrees east, −180 to 180. */
  longitude: number;
}

/** The grid's step along a meridian, in degrees: 0.009° is 1.0 km. */
export const LATITUDE_STEP_DEGREES = 0.009;

// Snapped coordinates are kept to 1e-9° (0.1 mm): the grid's floating-point noise goes, its points stay.
const tidy = (degrees: number) => Math.round(degrees * 1e9) / 1e9 + 0;

/** The width of a cell in the row at `latitude` (a snapped latitude), in degrees of longitude. */
export function longitudeStepDegrees(latitude: number): number {
  const cos = Math.cos((latitude * Math.PI) / 180);
  return Math.min(360, LATITUDE_STEP_DEGREES / cos);
}

/** Throws BAD_USER_INPUT unless both coordinates are finite and in range; `field` names the argument. */
export function assertLatLng(point: LatLng, field = 'location'): void {
  const { latitude, longitude } = point;
  if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90) {
    throw new BadUserInputError(`${field}.latitude`, 'A latitude is a number of degrees from -90 to 90.');
  }
  if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180) {
    throw new BadUserInputError(`${field}.longitude`, 'A longitude is a number of degrees from -180 to 180.');
  }
}

/**
 * A search centre as given, checked, to a ten-thousandth of a metre: a subnormal such as 5e-324 degrees
 * would underflow in earthdistance's trigonometry (an error from PostgreSQL, not a place on earth).
 */
export function searchCentre(point: LatLng, field: string): LatLng {
  assertLatLng(point, field);
  return { latitude: tidy(point.latitude), longitude: tidy(point.longitude) };
}

/** The centre of the grid cell `point` lies in: about 1 km coarse, never finer. */
export function coarseLocation(point: LatLng, field = 'homeLocation'): LatLng {
  assertLatLng(point, field);
  const row = Math.round(point.latitude / LATITUDE_STEP_DEGREES);
  // The rows at ±90° are the poles themselves: 90 / 0.009 is 10 000 rows, so a row never passes them.
  const latitude = tidy(Math.max(-90, Math.min(90, row * LATITUDE_STEP_DEGREES)));
  const step = longitudeStepDegrees(latitude);
  let column = Math.round(point.longitude / step);
  // Cells do not tile the antimeridian evenly: the last column of a row is pulled back inside ±180°.
  if (Math.abs(column * step) > 180) column -= Math.sign(column);
  return { latitude, longitude: tidy(column * step) };
}
