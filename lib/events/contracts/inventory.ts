/** Events published by the inventory context. */
import { z } from 'zod';

export const inventoryEvents = {
  /** A gear item was added or changed: what training needs to validate and default the gear of workouts. */
  'inventory.gear.changed': {
    version: 1,
    data: z.object({
      gearId: z.uuid(),
      userId: z.uuid(),
      kind: z.enum(['SHOES', 'BIKE', 'OTHER']),
      status: z.enum(['ACTIVE', 'RETIRED']),
      defaultForSports: z.array(z.string()),
    }),
  },
  /** A gear item's distance crossed 80 % or 100 % of its retirement distance (once per threshold). */
  'inventory.gear.wear-threshold-reached': {
    version: 1,
    data: z.object({
      gearId: z.uuid(),
      userId: z.uuid(),
      thresholdPercent: z.union([z.literal(80), z.literal(100)]),
      distanceMeters: z.number().nonnegative(),
      retirementDistanceMeters: z.number().positive(),
      gearName: z.string(),
    }),
  },
} as const;
