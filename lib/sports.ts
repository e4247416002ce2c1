/**
 * The sports Pulse knows: shared vocabulary of every context (each subgraph's `Sport` enum mirrors the
 * keys). Per sport: the speed below which a sample counts as stopped (moving time) and the highest speed
 * that is still plausible (faster samples are spikes or a ride in a car), in m/s.
 */
export interface SportInfo {
  category: 'FOOT' | 'CYCLE' | 'WATER' | 'SNOW' | 'WHEELS' | 'INDOOR' | 'OTHER';
  movingSpeedThresholdMps: number;
  maxPlausibleSpeedMps: number;
}

const kmh = (value: number) => Math.round((value / 3.6) * 1000) / 1000;

export const SPORT_TAXONOMY = {
  RUN: { category: 'FOOT', movingSpeedThresholdMps: kmh(3), maxPlausibleSpeedMps: kmh(45) },
  TRAIL_RUN: { category: 'FOOT', movingSpeedThresholdMps: kmh(2), maxPlausibleSpeedMps: kmh(40) },
  TREADMILL_RUN: { category: 'INDOOR', movingSpeedThresholdMps: kmh(3), maxPlausibleSpeedMps: kmh(40) },
  WALK: { category: 'FOOT', movingSpeedThresholdMps: kmh(1), maxPlausibleSpeedMps: kmh(15) },
  HIKE: { category: 'FOOT', movingSpeedThresholdMps: kmh(1), maxPlausibleSpeedMps: kmh(15) },
  RIDE: { category: 'CYCLE', movingSpeedThresholdMps: kmh(5), maxPlausibleSpeedMps: kmh(110) },
  MOUNTAIN_BIKE_RIDE: { category: 'CYCLE', movingSpeedThresholdMps: kmh(3), maxPlausibleSpeedMps: kmh(90) },
  GRAVEL_RIDE: { category: 'CYCLE', movingSpeedThresholdMps: kmh(4), maxPlausibleSpeedMps: kmh(90) },
  E_BIKE_RIDE: { category: 'CYCLE', movingSpeedThresholdMps: kmh(5), maxPlausibleSpeedMps: kmh(70) },
  VIRTUAL_RIDE: { category: 'INDOOR', movingSpeedThresholdMps: kmh(5), maxPlausibleSpeedMps: kmh(110) },
  POOL_SWIM: { category: 'WATER', movingSpeedThresholdMps: kmh(0.5), maxPlausibleSpeedMps: kmh(10) },
  OPEN_WATER_SWIM: { category: 'WATER', movingSpeedThresholdMps: kmh(0.5), maxPlausibleSpeedMps: kmh(10) },
  ROW: { category: 'WATER', movingSpeedThresholdMps: kmh(2), maxPlausibleSpeedMps: kmh(30) },
  INDOOR_ROW: { category: 'INDOOR', movingSpeedThresholdMps: kmh(2), maxPlausibleSpeedMps: kmh(30) },
  KAYAK: { category: 'WATER', movingSpeedThresholdMps: kmh(1.5), maxPlausibleSpeedMps: kmh(30) },
  STAND_UP_PADDLE: { category: 'WATER', movingSpeedThresholdMps: kmh(1), maxPlausibleSpeedMps: kmh(20) },
  NORDIC_SKI: { category: 'SNOW', movingSpeedThresholdMps: kmh(3), maxPlausibleSpeedMps: kmh(70) },
  ALPINE_SKI: { category: 'SNOW', movingSpeedThresholdMps: kmh(3), maxPlausibleSpeedMps: kmh(160) },
  SNOWBOARD: { category: 'SNOW', movingSpeedThresholdMps: kmh(3), maxPlausibleSpeedMps: kmh(140) },
  INLINE_SKATE: { category: 'WHEELS', movingSpeedThresholdMps: kmh(4), maxPlausibleSpeedMps: kmh(60) },
  WHEELCHAIR: { category: 'WHEELS', movingSpeedThresholdMps: kmh(2), maxPlausibleSpeedMps: kmh(50) },
  ELLIPTICAL: { category: 'INDOOR', movingSpeedThresholdMps: kmh(2), maxPlausibleSpeedMps: kmh(30) },
  STRENGTH_TRAINING: { category: 'INDOOR', movingSpeedThresholdMps: 0, maxPlausibleSpeedMps: kmh(30) },
  YOGA: { category: 'INDOOR', movingSpeedThresholdMps: 0, maxPlausibleSpeedMps: kmh(10) },
  OTHER: { category: 'OTHER', movingSpeedThresholdMps: kmh(1), maxPlausibleSpeedMps: kmh(200) },
} as const satisfies Record<string, SportInfo>;

export type Sport = keyof typeof SPORT_TAXONOMY;

export const SPORTS = Object.keys(SPORT_TAXONOMY) as Sport[];
