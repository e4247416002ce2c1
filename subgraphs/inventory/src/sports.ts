/** The sports gear can be the default for (mirrors the `Sport` enum of schema.graphql, shared with training). */
export const SPORTS = [
  'RUN',
  'TRAIL_RUN',
  'TREADMILL_RUN',
  'WALK',
  'HIKE',
  'RIDE',
  'MOUNTAIN_BIKE_RIDE',
  'GRAVEL_RIDE',
  'VIRTUAL_RIDE',
  'POOL_SWIM',
  'OPEN_WATER_SWIM',
  'ROW',
  'NORDIC_SKI',
  'OTHER',
] as const;

export type Sport = (typeof SPORTS)[number];
