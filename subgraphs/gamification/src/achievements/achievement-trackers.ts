/**
 * The typed progress of each achievement rule kind: a tracker is fed the athlete's rewardable workouts
 * oldest first and tells, after each one, how far the athlete has got (in the kind's base unit) and in
 * which unit progress is shown. Every update is O(1), so one pass over a long history evaluates the
 * whole catalogue.
 */
import type { AchievementRule } from './achievement-catalogue';
import type { LocalDateTime } from '../workout-facts/local-time';
import { createRunTracker } from '../workout-facts/runs';
import type { WorkoutFact } from '../workout-facts/workout-fact';

export interface AchievementTracker {
  add(fact: WorkoutFact, local: LocalDateTime): void;
  /** Progress so far, in the rule's base unit (comparable with `rule.target`). */
  value(): number;
  /** The unit progress is shown in, and how many base units make one of it. */
  unit: string;
  scale: number;
}

type Step = (fact: WorkoutFact, local: LocalDateTime) => void;

function tracker(unit: string, scale: number, step: Step, value: () => number): AchievementTracker {
  return { add: step, value, unit, scale };
}

function largest(unit: string, scale: number, figure: (fact: WorkoutFact) => number): AchievementTracker {
  let best = 0;
  return tracker(
    unit,
    scale,
    (fact) => (best = Math.max(best, figure(fact))),
    () => best,
  );
}

function total(unit: string, scale: number, figure: (fact: WorkoutFact) => number): AchievementTracker {
  let sum = 0;
  return tracker(
    unit,
    scale,
    (fact) => (sum += figure(fact)),
    () => sum,
  );
}

/** The best sum of a figure over the workouts sharing one key (a month, a week, a gear item). */
function bestBucket(
  unit: string,
  scale: number,
  keys: (fact: WorkoutFact, local: LocalDateTime) => readonly (string | number)[],
  figure: (fact: WorkoutFact) => number,
): AchievementTracker {
  const sums = new Map<string | number, number>();
  let best = 0;
  const step: Step = (fact, local) => {
    for (const key of keys(fact, local)) {
      const sum = (sums.get(key) ?? 0) + figure(fact);
      sums.set(key, sum);
      best = Math.max(best, sum);
    }
  };
  return tracker(unit, scale, step, () => best);
}

const distance = (fact: WorkoutFact) => fact.distanceMeters ?? 0;
const climb = (fact: WorkoutFact) => fact.elevationGainMeters ?? 0;
const moving = (fact: WorkoutFact) => fact.movingSeconds ?? 0;
const one = () => 1;

function trackerForKind(rule: AchievementRule): AchievementTracker {
  switch (rule.kind) {
    case 'WORKOUT_COUNT':
      return total('workouts', 1, one);
    case 'SINGLE_DISTANCE':
      return largest('km', 1000, distance);
    case 'TOTAL_DISTANCE':
      return total('km', 1000, distance);
    case 'MONTH_DISTANCE':
      return bestBucket('km', 1000, (_, local) => [local.year * 12 + local.month], distance);
    case 'SINGLE_CLIMB':
      return largest('m', 1, climb);
    case 'TOTAL_CLIMB':
      return total('m', 1, climb);
    case 'SINGLE_MOVING_TIME':
      return largest('hours', 3600, moving);
    case 'WEEK_MOVING_TIME':
      return bestBucket('hours', 3600, (_, local) => [local.weekNumber], moving);
    case 'DAY_STREAK': {
      const runs = createRunTracker();
      return tracker('days', 1, (_, local) => runs.add(local.dayNumber), runs.longest);
    }
    case 'WEEK_STREAK': {
      const runs = createRunTracker();
      return tracker('weeks', 1, (_, local) => runs.add(local.weekNumber), runs.longest);
    }
    case 'START_HOUR': {
      const { fromHour, toHour } = rule;
      const inWindow = (_: WorkoutFact, local: LocalDateTime) =>
        local.hour >= fromHour && local.hour < toHour;
      let count = 0;
      return tracker(
        'workouts',
        1,
        (fact, local) => (count += inWindow(fact, local) ? 1 : 0),
        () => count,
      );
    }
    case 'SAME_GEAR':
      return bestBucket('workouts', 1, (fact) => [...new Set(fact.gearIds)], one);
    case 'DISTINCT_SPORTS': {
      const sports = new Set<string>();
      return tracker(
        'sports',
        1,
        (fact) => sports.add(fact.sport),
        () => sports.size,
      );
    }
    case 'WEEKEND_DAYS': {
      // Saturday (ISO 6) and Sunday (7) of one ISO week are one weekend.
      const daysByWeek = new Map<number, Set<number>>();
      let best = 0;
      const step: Step = (_, local) => {
        if (local.weekday < 6) return;
        const days = daysByWeek.get(local.weekNumber) ?? new Set<number>();
        days.add(local.weekday);
        daysByWeek.set(local.weekNumber, days);
        best = Math.max(best, days.size);
      };
      return tracker('weekend days', 1, step, () => best);
    }
  }
}

/** The tracker of a rule, counting only the workouts of the rule's sports when it names some. */
export function trackerFor(rule: AchievementRule): AchievementTracker {
  const inner = trackerForKind(rule);
  const sports = 'sports' in rule ? rule.sports : undefined;
  if (!sports) return inner;
  return {
    ...inner,
    add: (fact, local) => (sports.includes(fact.sport) ? inner.add(fact, local) : undefined),
  };
}
