/** Every event type Pulse publishes, its contract, and the topic that carries it (`pulse.<context>.v1`). */
import type { z } from 'zod';
import { gamificationEvents } from './contracts/gamification';
import { identityEvents } from './contracts/identity';
import { insightsEvents } from './contracts/insights';
import { inventoryEvents } from './contracts/inventory';
import { socialEvents } from './contracts/social';
import { trainingEvents } from './contracts/training';

export const EVENT_CONTRACTS = {
  ...identityEvents,
  ...trainingEvents,
  ...inventoryEvents,
  ...gamificationEvents,
  ...insightsEvents,
  ...socialEvents,
};

export type EventType = keyof typeof EVENT_CONTRACTS;
export type EventData<T extends EventType> = z.infer<(typeof EVENT_CONTRACTS)[T]['data']>;

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENT_CONTRACTS, type);
}

/** The topic of an event type: its publishing context's, e.g. training.workout.completed → pulse.training.v1. */
export function topicOf(type: EventType): string {
  return `pulse.${type.split('.')[0]}.v1`;
}
