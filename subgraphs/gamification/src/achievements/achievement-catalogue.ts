/**
 * The achievement catalogue, as data. Each achievement names a rule kind and a target in the kind's base
 * unit (workouts, metres, seconds, days, weeks, sports); `achievement-trackers.ts` gives every kind its
 * typed progress. Codes are stable: they are stored with each unlock and published in events.
 */
import type { Sport } from '../../../../lib/sports';

/** Only workouts of these sports count; every sport when absent. */
interface SportScoped {
  sports?: readonly Sport[];
}

export type AchievementRule =
  /** `target` workouts. */
  | ({ kind: 'WORKOUT_COUNT'; target: number } & SportScoped)
  /** One workout of at least `target` metres. */
  | ({ kind: 'SINGLE_DISTANCE'; target: number } & SportScoped)
  /** `target` metres over all workouts. */
  | ({ kind: 'TOTAL_DISTANCE'; target: number } & SportScoped)
  /** `target` metres within one calendar month in the athlete's time zone. */
  | ({ kind: 'MONTH_DISTANCE'; target: number } & SportScoped)
  /** One workout climbing at least `target` metres. */
  | ({ kind: 'SINGLE_CLIMB'; target: number } & SportScoped)
  /** `target` metres climbed over all workouts. */
  | ({ kind: 'TOTAL_CLIMB'; target: number } & SportScoped)
  /** One workout of at least `target` seconds in motion. */
  | ({ kind: 'SINGLE_MOVING_TIME'; target: number } & SportScoped)
  /** `target` seconds in motion within one ISO week in the athlete's time zone. */
  | ({ kind: 'WEEK_MOVING_TIME'; target: number } & SportScoped)
  /** A workout on each of `target` consecutive calendar days. */
  | { kind: 'DAY_STREAK'; target: number }
  /** A workout in each of `target` consecutive ISO weeks. */
  | { kind: 'WEEK_STREAK'; target: number }
  /** `target` workouts starting at a local time in [fromHour:00, toHour:00). */
  | { kind: 'START_HOUR'; target: number; fromHour: number; toHour: number }
  /** `target` workouts with one and the same gear item. */
  | { kind: 'SAME_GEAR'; target: number }
  /** Workouts in `target` different sports. */
  | { kind: 'DISTINCT_SPORTS'; target: number }
  /** Workouts on `target` (at most 2) days of one weekend: the Saturday and Sunday of an ISO week. */
  | { kind: 'WEEKEND_DAYS'; target: number };

export interface AchievementDefinition {
  code: string;
  title: string;
  description: string;
  rule: AchievementRule;
}

const RUNS: readonly Sport[] = ['RUN', 'TRAIL_RUN', 'TREADMILL_RUN'];
const RIDES: readonly Sport[] = ['RIDE', 'MOUNTAIN_BIKE_RIDE', 'GRAVEL_RIDE', 'VIRTUAL_RIDE'];
const SWIMS: readonly Sport[] = ['POOL_SWIM', 'OPEN_WATER_SWIM'];
const HOUR = 3600;

const achievement = (code: string, title: string, description: string, rule: AchievementRule) => ({
  code,
  title,
  description,
  rule,
});

export const ACHIEVEMENTS: readonly AchievementDefinition[] = [
  achievement('FIRST_WORKOUT', 'First steps', 'Finish your first workout.', {
    kind: 'WORKOUT_COUNT',
    target: 1,
  }),
  achievement('WORKOUTS_10', 'Getting into it', 'Finish 10 workouts.', { kind: 'WORKOUT_COUNT', target: 10 }),
  achievement('WORKOUTS_50', 'Regular', 'Finish 50 workouts.', { kind: 'WORKOUT_COUNT', target: 50 }),
  achievement('WORKOUTS_100', 'Centurion', 'Finish 100 workouts.', { kind: 'WORKOUT_COUNT', target: 100 }),
  achievement('FIRST_5K_RUN', 'First 5 km', 'Run 5 km in one workout.', {
    kind: 'SINGLE_DISTANCE',
    target: 5_000,
    sports: RUNS,
  }),
  achievement('FIRST_10K_RUN', 'First 10 km', 'Run 10 km in one workout.', {
    kind: 'SINGLE_DISTANCE',
    target: 10_000,
    sports: RUNS,
  }),
  achievement('FIRST_HALF_MARATHON', 'Half marathoner', 'Run a half marathon (21.0975 km) in one workout.', {
    kind: 'SINGLE_DISTANCE',
    target: 21_097.5,
    sports: RUNS,
  }),
  achievement('FIRST_MARATHON', 'Marathoner', 'Run a marathon (42.195 km) in one workout.', {
    kind: 'SINGLE_DISTANCE',
    target: 42_195,
    sports: RUNS,
  }),
  achievement('FIRST_100K_RIDE', 'Century ride', 'Ride 100 km in one workout.', {
    kind: 'SINGLE_DISTANCE',
    target: 100_000,
    sports: RIDES,
  }),
  achievement('FIRST_1K_SWIM', 'Kilometre swimmer', 'Swim 1 km in one workout.', {
    kind: 'SINGLE_DISTANCE',
    target: 1_000,
    sports: SWIMS,
  }),
  achievement('MONTH_100_KM', '100 km month', 'Cover 100 km in one calendar month, any sport.', {
    kind: 'MONTH_DISTANCE',
    target: 100_000,
  }),
  achievement('TOTAL_1000_KM', '1 000 km club', 'Cover 1 000 km in total, any sport.', {
    kind: 'TOTAL_DISTANCE',
    target: 1_000_000,
  }),
  achievement('CLIMB_1000_M', 'Mountain goat', 'Climb 1 000 m in one workout.', {
    kind: 'SINGLE_CLIMB',
    target: 1_000,
  }),
  achievement('CLIMB_EVEREST', 'Everesting', 'Climb 8 849 m in total, the height of Everest.', {
    kind: 'TOTAL_CLIMB',
    target: 8_849,
  }),
  achievement('ENDURANCE_3_HOURS', 'Endurance', 'Spend 3 hours in motion in one workout.', {
    kind: 'SINGLE_MOVING_TIME',
    target: 3 * HOUR,
  }),
  achievement('WEEK_10_HOURS', 'Big week', 'Spend 10 hours in motion within one week (Monday to Sunday).', {
    kind: 'WEEK_MOVING_TIME',
    target: 10 * HOUR,
  }),
  achievement('STREAK_7_DAYS', 'Week on fire', 'Work out 7 days in a row.', {
    kind: 'DAY_STREAK',
    target: 7,
  }),
  achievement('STREAK_30_DAYS', 'Unstoppable', 'Work out 30 days in a row.', {
    kind: 'DAY_STREAK',
    target: 30,
  }),
  achievement('STREAK_4_WEEKS', 'Habit formed', 'Work out every week for 4 weeks in a row.', {
    kind: 'WEEK_STREAK',
    target: 4,
  }),
  achievement('EARLY_BIRD', 'Early bird', 'Start a workout before 07:00, your local time.', {
    kind: 'START_HOUR',
    target: 1,
    fromHour: 0,
    toHour: 7,
  }),
  achievement('NIGHT_OWL', 'Night owl', 'Start a workout at 21:00 or later, your local time.', {
    kind: 'START_HOUR',
    target: 1,
    fromHour: 21,
    toHour: 24,
  }),
  achievement('GEAR_LOYALTY_10', 'Loyal to your gear', 'Finish 10 workouts with the same gear item.', {
    kind: 'SAME_GEAR',
    target: 10,
  }),
  achievement('FIVE_SPORTS', 'All-rounder', 'Work out in 5 different sports.', {
    kind: 'DISTINCT_SPORTS',
    target: 5,
  }),
  achievement(
    'WEEKEND_WARRIOR',
    'Weekend warrior',
    'Work out on both the Saturday and the Sunday of a weekend.',
    {
      kind: 'WEEKEND_DAYS',
      target: 2,
    },
  ),
];
