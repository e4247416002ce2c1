-- CreateEnum
CREATE TYPE "SportSource" AS ENUM ('ATHLETE', 'FILE', 'INFERRED_FROM_SPEED', 'UNKNOWN');

-- AlterTable
ALTER TABLE "Workout" ADD COLUMN     "sportSource" "SportSource" NOT NULL DEFAULT 'ATHLETE';

-- Written by hand: workouts imported before carry the file's sport or OTHER. An upload's `?sport=` cannot
-- be told apart from the file's own word any more, so every named sport counts as the file's.
UPDATE "Workout"
SET "sportSource" = CASE WHEN "sport" = 'OTHER' THEN 'UNKNOWN' ELSE 'FILE' END::"SportSource"
WHERE "source" = 'IMPORTED';

-- AlterTable (written by hand: the columns are filled for existing jobs before they become required)
ALTER TABLE "ImportJob" ADD COLUMN     "sport" TEXT,
ADD COLUMN     "sportReason" TEXT,
ADD COLUMN     "sportSource" "SportSource";

-- A pending job keeps its sport in its activity, a done one gave it to its workout, a failed one: OTHER.
UPDATE "ImportJob" AS "job"
SET "sport" = COALESCE(
  "job"."activity"->>'sport',
  (SELECT "workout"."sport" FROM "Workout" AS "workout" WHERE "workout"."id" = "job"."workoutId"),
  'OTHER'
);
UPDATE "ImportJob"
SET "sportSource" = CASE WHEN "sport" = 'OTHER' THEN 'UNKNOWN' ELSE 'FILE' END::"SportSource",
    "sportReason" = 'Imported before Pulse recorded how the sport was chosen.';

ALTER TABLE "ImportJob" ALTER COLUMN "sport" SET NOT NULL,
ALTER COLUMN "sportReason" SET NOT NULL,
ALTER COLUMN "sportSource" SET NOT NULL;
