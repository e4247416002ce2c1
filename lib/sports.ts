/** The sports Pulse knows: shared vocabulary of every context (each subgraph's `Sport` enum mirrors it). */
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
