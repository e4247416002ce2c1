/**
 * Sport words shared by the file formats: GPX `<trk><type>` (Strava's and Garmin Connect's words), TCX
 * `Activity/@Sport`, FIT sport names (as the SDK spells them), HealthKit activity-type names. Words are
 * compared after lower-casing and dropping everything but letters and digits, so `trail_running`,
 * `TrailRunning`, `trail running` and `trailRunning` are the same word.
 */
import type { Sport } from '../../../../lib/sports';

/** Words that say "swimming" without saying where: pool, or open water when the track has positions. */
const GENERIC_SWIM_WORDS = new Set(['swimming', 'swim']);

const WORDS: Record<Exclude<Sport, 'OTHER'>, string[]> = {
  RUN: ['running', 'run', 'jog', 'jogging', 'streetrunning', 'roadrunning', 'trackrunning'],
  TRAIL_RUN: ['trailrunning', 'trailrun'],
  TREADMILL_RUN: ['treadmillrunning', 'treadmillrun', 'treadmill', 'indoorrunning', 'virtualrun'],
  WALK: [
    'walking',
    'walk',
    'casualwalking',
    'speedwalking',
    'indoorwalking',
    'nordicwalking',
    'fitnesswalking',
  ],
  HIKE: ['hiking', 'hike', 'mountaineering', 'rucking', 'backpacking', 'snowshoeing', 'snowshoe'],
  RIDE: [
    'cycling',
    'biking',
    'ride',
    'bike',
    'roadbiking',
    'roadcycling',
    'commuting',
    'handcycling',
    'handcycle',
  ],
  MOUNTAIN_BIKE_RIDE: ['mountainbiking', 'mountainbikeride', 'mountainbike', 'mtb', 'downhillbiking'],
  GRAVEL_RIDE: ['gravelcycling', 'gravelride', 'gravelbiking', 'gravel', 'cyclocross', 'mixedsurface'],
  E_BIKE_RIDE: ['ebiking', 'ebikeride', 'ebike', 'ebikefitness', 'ebikemountain', 'emountainbikeride'],
  VIRTUAL_RIDE: ['virtualride', 'virtualcycling', 'indoorcycling', 'spinning', 'spin', 'stationarybiking'],
  POOL_SWIM: ['lapswimming', 'poolswimming', 'poolswim'],
  OPEN_WATER_SWIM: ['openwaterswimming', 'openwaterswim', 'openwater'],
  ROW: ['rowing', 'row'],
  INDOOR_ROW: ['indoorrowing', 'indoorrow', 'rowingmachine'],
  KAYAK: ['kayaking', 'kayak', 'canoeing', 'canoe', 'paddling', 'paddlesports', 'whitewater'],
  STAND_UP_PADDLE: ['standuppaddling', 'standuppaddleboarding', 'standuppaddle', 'sup', 'paddleboarding'],
  NORDIC_SKI: ['crosscountryskiing', 'nordicski', 'nordicskiing', 'skateskiing', 'crosscountryski'],
  ALPINE_SKI: [
    'alpineskiing',
    'alpineski',
    'downhillskiing',
    'resortskiing',
    'resortskiingsnowboarding',
    'backcountryskiing',
    'backcountryski',
    'skiing',
  ],
  SNOWBOARD: ['snowboarding', 'snowboard'],
  INLINE_SKATE: ['inlineskating', 'inlineskate', 'rollerskating', 'rollerblading'],
  WHEELCHAIR: [
    'wheelchair',
    'wheelchairpushwalk',
    'wheelchairpushrun',
    'wheelchairwalkpace',
    'wheelchairrunpace',
  ],
  ELLIPTICAL: ['elliptical', 'ellipticaltrainer', 'crosstrainer'],
  STRENGTH_TRAINING: [
    'strengthtraining',
    'strength',
    'weighttraining',
    'weightlifting',
    'traditionalstrengthtraining',
    'functionalstrengthtraining',
    'crossfit',
  ],
  YOGA: ['yoga'],
};

const SPORT_BY_WORD = new Map<string, Sport>(
  Object.entries(WORDS).flatMap(([sport, words]) => words.map((word) => [word, sport as Sport] as const)),
);

/** Lower-cases and keeps letters and digits only: the form every vocabulary word is stored in. */
export const normalizeSportWord = (word: string): string => word.toLowerCase().replace(/[^a-z0-9]/g, '');

export interface SportContext {
  /** Whether the activity has GPS positions: decides what a plain "swimming" means. */
  hasPositions: boolean;
}

/**
 * The sport a word names, or null when the word is unknown (the caller falls back to OTHER or to a
 * coarser word). A plain "swimming" is an open-water swim when the track has positions, else a pool swim.
 */
export const sportFromWord = (
  word: string | null | undefined,
  context: SportContext = { hasPositions: false },
): Sport | null => {
  if (word === null || word === undefined) return null;
  const normalized = normalizeSportWord(word);
  if (GENERIC_SWIM_WORDS.has(normalized)) return genericSwim(context);
  if (normalized === 'other' || normalized === 'generic') return 'OTHER';
  return SPORT_BY_WORD.get(normalized) ?? null;
};

/** A swim whose file does not say where: open water when it has GPS positions, else the pool. */
export const genericSwim = (context: SportContext): Sport =>
  context.hasPositions ? 'OPEN_WATER_SWIM' : 'POOL_SWIM';

/** The word Pulse writes in GPX `<trk><type>` for each sport (Garmin Connect's spelling where it has one). */
export const GPX_TYPE_BY_SPORT: Record<Sport, string> = {
  RUN: 'running',
  TRAIL_RUN: 'trail_running',
  TREADMILL_RUN: 'treadmill_running',
  WALK: 'walking',
  HIKE: 'hiking',
  RIDE: 'cycling',
  MOUNTAIN_BIKE_RIDE: 'mountain_biking',
  GRAVEL_RIDE: 'gravel_cycling',
  E_BIKE_RIDE: 'e_bike_ride',
  VIRTUAL_RIDE: 'virtual_ride',
  POOL_SWIM: 'lap_swimming',
  OPEN_WATER_SWIM: 'open_water_swimming',
  ROW: 'rowing',
  INDOOR_ROW: 'indoor_rowing',
  KAYAK: 'kayaking',
  STAND_UP_PADDLE: 'stand_up_paddleboarding',
  NORDIC_SKI: 'cross_country_skiing',
  ALPINE_SKI: 'alpine_skiing',
  SNOWBOARD: 'snowboarding',
  INLINE_SKATE: 'inline_skating',
  WHEELCHAIR: 'wheelchair',
  ELLIPTICAL: 'elliptical',
  STRENGTH_TRAINING: 'strength_training',
  YOGA: 'yoga',
  OTHER: 'other',
};

/** Sports whose cadence is counted in steps (devices that record strides per minute are doubled). */
export const isStepSport = (sport: Sport): boolean =>
  sport === 'RUN' ||
  sport === 'TRAIL_RUN' ||
  sport === 'TREADMILL_RUN' ||
  sport === 'WALK' ||
  sport === 'HIKE';
