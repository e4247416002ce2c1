/** Events published by the insights context. */
import { z } from 'zod';

const localDate = z.iso.date();

/** A load spike's figures: what the notification and anyone reading the flag needs to explain it. */
const loadFlag = z.object({
  flagId: z.uuid(),
  userId: z.uuid(),
  /** The day (athlete's time zone) the spike was raised. */
  raisedOn: localDate,
  method: z.string(),
  modelVersion: z.string(),
  ratio: z.number(),
  acuteLoad: z.number().nonnegative(),
  chronicLoad: z.number().nonnegative(),
});

export const insightsEvents = {
  /** The acute:chronic load ratio crossed the rule's threshold: a load spike, not a diagnosis. */
  'insights.load-flag.raised': { version: 1, data: loadFlag },
  /** The spike's ratio fell below the clearing threshold (or history changed so that it never was one). */
  'insights.load-flag.cleared': { version: 1, data: loadFlag.extend({ clearedOn: localDate }) },
  /** A model version advised the athlete (one event per new recommendation). */
  'insights.recommendation.created': {
    version: 1,
    data: z.object({
      recommendationId: z.uuid(),
      userId: z.uuid(),
      date: localDate,
      kind: z.string(),
      message: z.string(),
      modelName: z.string(),
      modelVersion: z.number().int().positive(),
      rulesFired: z.array(z.string()),
    }),
  },
} as const;
