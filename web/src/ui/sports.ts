/** The sports Pulse knows (the schema's Sport enum), named for people. */
import type { Sport } from '../__generated__/enums';

export const SPORT_NAMES: Record<Sport, string> = {
  RUN: 'Run',
  TRAIL_RUN: 'Trail run',
  TREADMILL_RUN: 'Treadmill run',
  WALK: 'Walk',
  HIKE: 'Hike',
  RIDE: 'Ride',
  MOUNTAIN_BIKE_RIDE: 'Mountain bike ride',
  GRAVEL_RIDE: 'Gravel ride',
  E_BIKE_RIDE: 'E-bike ride',
  VIRTUAL_RIDE: 'Virtual ride',
  POOL_SWIM: 'Pool swim',
  OPEN_WATER_SWIM: 'Open water swim',
  ROW: 'Row',
  INDOOR_ROW: 'Indoor row',
  KAYAK: 'Kayak',
  STAND_UP_PADDLE: 'Stand-up paddle',
  NORDIC_SKI: 'Nordic ski',
  ALPINE_SKI: 'Alpine ski',
  SNOWBOARD: 'Snowboard',
  INLINE_SKATE: 'Inline skate',
  WHEELCHAIR: 'Wheelchair',
  ELLIPTICAL: 'Elliptical',
  STRENGTH_TRAINING: 'Strength training',
  YOGA: 'Yoga',
  OTHER: 'Other',
};

export const SPORT_OPTIONS = (Object.keys(SPORT_NAMES) as Sport[]).map((value) => ({
  value,
  label: SPORT_NAMES[value],
}));

export const sportName = (sport: Sport) => SPORT_NAMES[sport] ?? sport;
