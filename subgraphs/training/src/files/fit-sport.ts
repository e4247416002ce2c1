/**
 * FIT `sport` / `sub_sport` (as the Garmin SDK names them, camelCase strings) → Pulse Sport. The
 * sub-sport decides first (trail run, gravel ride, pool swim, …); otherwise the sport's word goes through
 * the shared vocabulary; unknown sports are OTHER.
 */
import type { Sport } from '../../../../lib/sports';
import { genericSwim, sportFromWord, type SportContext } from './sport-vocabulary';

/** Sub-sports that decide alone, whatever the sport says. */
const BY_SUB_SPORT: Record<string, Sport> = {
  trail: 'TRAIL_RUN',
  treadmill: 'TREADMILL_RUN',
  indoorRunning: 'TREADMILL_RUN',
  mountain: 'MOUNTAIN_BIKE_RIDE',
  downhill: 'MOUNTAIN_BIKE_RIDE',
  enduro: 'MOUNTAIN_BIKE_RIDE',
  gravelCycling: 'GRAVEL_RIDE',
  cyclocross: 'GRAVEL_RIDE',
  mixedSurface: 'GRAVEL_RIDE',
  eBikeMountain: 'E_BIKE_RIDE',
  eBikeFitness: 'E_BIKE_RIDE',
  eBikeEnduro: 'E_BIKE_RIDE',
  indoorCycling: 'VIRTUAL_RIDE',
  spin: 'VIRTUAL_RIDE',
  lapSwimming: 'POOL_SWIM',
  openWater: 'OPEN_WATER_SWIM',
  indoorRowing: 'INDOOR_ROW',
  elliptical: 'ELLIPTICAL',
  strengthTraining: 'STRENGTH_TRAINING',
  yoga: 'YOGA',
  skateSkiing: 'NORDIC_SKI',
  indoorWalking: 'WALK',
  casualWalking: 'WALK',
  speedWalking: 'WALK',
  rucking: 'HIKE',
  whitewater: 'KAYAK',
};

/** Sports whose meaning is in the sub-sport only (`training`, `fitnessEquipment`): OTHER without one. */
const BY_SPORT: Record<string, Sport> = {
  eBiking: 'E_BIKE_RIDE',
  wheelchairPushWalk: 'WHEELCHAIR',
  wheelchairPushRun: 'WHEELCHAIR',
  crossCountrySkiing: 'NORDIC_SKI',
  alpineSkiing: 'ALPINE_SKI',
};

export const sportFromFit = (
  sport: string | number | undefined,
  subSport: string | number | undefined,
  context: SportContext,
): Sport => {
  const sportName = typeof sport === 'string' ? sport : null;
  const subName = typeof subSport === 'string' ? subSport : null;
  if (sportName === 'walking') return 'WALK';
  if (sportName === 'hiking') return 'HIKE';
  if (sportName === 'cycling' && subName === 'virtualActivity') return 'VIRTUAL_RIDE';
  if (sportName === 'running' && subName === 'virtualActivity') return 'TREADMILL_RUN';
  const bySub = subName === null ? undefined : BY_SUB_SPORT[subName];
  if (bySub) return bySub;
  if (sportName === null) return 'OTHER';
  if (sportName === 'swimming') return genericSwim(context);
  return BY_SPORT[sportName] ?? sportFromWord(sportName, context) ?? 'OTHER';
};
