/**
 * Which gear a workout wore, and by how much: the usages it should have (from its latest summary) and the
 * changes that turn the stored usages into those. Pure functions; workout-usage.service.ts applies them.
 */
import type { WorkoutSummary } from '../../../lib/events/contracts/training';

/** What one workout credits to one gear item. */
export interface Usage {
  gearId: string;
  distanceMeters: number;
  movingSeconds: number;
}

/** One usage to insert, update or delete, and what it adds to (or, negative, removes from) the gear. */
export interface UsageChange {
  op: 'insert' | 'update' | 'delete';
  usage: Usage;
  deltaDistanceMeters: number;
  deltaMovingSeconds: number;
}

/**
 * The usages a workout should have: for a finished workout, one per gear item of its list that belongs
 * to its athlete (`ownGearIds`), each credited the whole distance and moving time (elapsed time while the
 * moving time is unknown); none for a workout in progress or deleted (null).
 */
export function desiredUsages(summary: WorkoutSummary | null, ownGearIds: ReadonlySet<string>): Usage[] {
  if (!summary || summary.status !== 'FINISHED') return [];
  const gearIds = [...new Set(summary.gearIds)].filter((id) => ownGearIds.has(id));
  return gearIds.map((gearId) => ({
    gearId,
    distanceMeters: summary.distanceMeters ?? 0,
    movingSeconds: summary.movingSeconds ?? summary.elapsedSeconds ?? 0,
  }));
}

/** The changes from the stored usages of a workout to the desired ones, in gear id order. */
export function diffUsages(existing: readonly Usage[], desired: readonly Usage[]): UsageChange[] {
  const before = new Map(existing.map((u) => [u.gearId, u]));
  const after = new Map(desired.map((u) => [u.gearId, u]));
  const gearIds = [...new Set([...before.keys(), ...after.keys()])].sort();
  return gearIds.flatMap((gearId): UsageChange[] => {
    const old = before.get(gearId);
    const next = after.get(gearId);
    if (!old && next) return [change('insert', next, next.distanceMeters, next.movingSeconds)];
    if (old && !next) return [change('delete', old, -old.distanceMeters, -old.movingSeconds)];
    if (!old || !next) return [];
    const deltaDistance = next.distanceMeters - old.distanceMeters;
    const deltaSeconds = next.movingSeconds - old.movingSeconds;
    return deltaDistance === 0 && deltaSeconds === 0
      ? []
      : [change('update', next, deltaDistance, deltaSeconds)];
  });
}

const change = (
  op: UsageChange['op'],
  usage: Usage,
  deltaDistanceMeters: number,
  deltaMovingSeconds: number,
): UsageChange => ({ op, usage, deltaDistanceMeters, deltaMovingSeconds });
