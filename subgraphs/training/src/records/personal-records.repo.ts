/**
 * An athlete's personal records, read from what is stored with each workout: the fastest best effort per
 * sport and distance, and the longest and the most climbing finished workout per sport. Derived on read,
 * so a workout finished, edited (sport, figures) or deleted changes the records at once.
 */
import type { Sport } from '../../../../lib/sports';
import type { TrainingDb } from '../training.prisma';

export interface PersonalRecordRow {
  sport: Sport;
  kind: string;
  seconds: number | null;
  distanceMeters: number | null;
  elevationGainMeters: number | null;
  achievedAt: Date;
  workoutId: string;
}

export type PersonalRecordsRepo = ReturnType<typeof createPersonalRecordsRepo>;

const FASTEST = `
  SELECT DISTINCT ON ("sport", "name") "sport", "name" AS "kind", "seconds", "distanceMeters",
         NULL::float8 AS "elevationGainMeters", "achievedAt", "workoutId"
  FROM "BestEffort" WHERE "userId" = $1::uuid AND ($2::text IS NULL OR "sport" = $2)
  ORDER BY "sport", "name", "seconds", "achievedAt"`;

/** The finished workout with the most of `column` per sport; the other figure column is null. */
const MOST = (column: 'distanceMeters' | 'elevationGainMeters', kind: string) => {
  const figures =
    column === 'distanceMeters'
      ? `"distanceMeters", NULL::float8 AS "elevationGainMeters"`
      : `NULL::float8 AS "distanceMeters", "elevationGainMeters"`;
  return `
  SELECT DISTINCT ON ("sport") "sport", '${kind}' AS "kind", NULL::float8 AS "seconds", ${figures},
         "startedAt" AS "achievedAt", "id" AS "workoutId"
  FROM "Workout"
  WHERE "userId" = $1::uuid AND ($2::text IS NULL OR "sport" = $2) AND "status" = 'FINISHED'
    AND "${column}" > 0
  ORDER BY "sport", "${column}" DESC, "startedAt"`;
};

export function createPersonalRecordsRepo(prisma: TrainingDb) {
  const query = (sql: string, userId: string, sport: Sport | null) =>
    prisma.$queryRawUnsafe<PersonalRecordRow[]>(sql, userId, sport);
  return {
    of: async (userId: string, sport: Sport | null): Promise<PersonalRecordRow[]> => {
      const parts = await Promise.all([
        query(FASTEST, userId, sport),
        query(MOST('distanceMeters', 'LONGEST_DISTANCE'), userId, sport),
        query(MOST('elevationGainMeters', 'MOST_ELEVATION_GAIN'), userId, sport),
      ]);
      return parts.flat().sort((a, b) => a.sport.localeCompare(b.sport) || a.kind.localeCompare(b.kind));
    },
  };
}
