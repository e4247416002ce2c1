/**
 * A workflow: one kind of notification, as data. Its trigger event, who receives it, who caused it, what
 * its inbox item holds, whether items group, and its steps in order:
 *
 * - `in-app`: writes the inbox item (or joins the open group of its key) and tells a live subscriber;
 * - `batch`: later push and email steps of the same key wait `windowSeconds`, and events arriving in the
 *   window join the waiting delivery (a burst of kudos gives one push with the final count);
 * - `delay`: later steps wait `seconds` (an email that the in-app item may make unnecessary);
 * - `email`, `push`: a delivery on that channel, subject to preferences and quiet hours.
 */
import type { EventData, EventType } from '../../../../lib/events/registry';
import type { Category } from '../channels/channel-message';

export type Channel = 'IN_APP' | 'EMAIL' | 'PUSH';

export type WorkflowStep =
  | { kind: 'in-app' }
  | { kind: 'batch'; windowSeconds: number }
  | { kind: 'delay'; seconds: number }
  | { kind: 'email' }
  | { kind: 'push' };

/** What an inbox item holds besides its actors: ids and names the text and the link need. */
export type ItemData = Record<string, string | number | null>;

/** What rendering an item sees: its data, its count and the names of its newest actors. */
export interface ItemView {
  data: ItemData;
  count: number;
  /** Display names of the newest actors (at most 8), newest first. */
  actorNames: string[];
  /** How many different actors caused it. */
  actorCount: number;
}

export interface RenderedItem {
  title: string;
  body: string;
  /** A path in the app (`/workouts/<id>`), or null. */
  path: string | null;
}

export interface Workflow<T extends EventType = EventType> {
  name: string;
  category: Category;
  /** Account security: bypasses preferences and quiet hours. */
  critical: boolean;
  trigger: T;
  /** The users it goes to (the actor is never among them). */
  recipients(data: EventData<T>): string[];
  /** Who caused it (shown as the actor), or null for the platform. */
  actor(data: EventData<T>): string | null;
  data(data: EventData<T>): ItemData;
  /** Items of the same key, for the same recipient, join one group while it is open. */
  group?: { key(data: EventData<T>): string; openHours: number };
  steps: readonly WorkflowStep[];
  render(item: ItemView): RenderedItem;
}

/** Any workflow, whatever its trigger (the catalogue holds workflows of many events). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyWorkflow = Workflow<any>;

/** Declares a workflow of the event `trigger` (its handlers get that event's data, typed). */
export const workflow = <T extends EventType>(
  trigger: T,
  definition: Omit<Workflow<T>, 'trigger'>,
): Workflow<T> => ({
  trigger,
  ...definition,
});

/** A step as the catalogue lists it: `in-app`, `batch 10m`, `delay 30m`, `email`, `push`. */
export function describeStep(step: WorkflowStep): string {
  const minutes = (seconds: number) => (seconds % 60 === 0 ? `${seconds / 60}m` : `${seconds}s`);
  if (step.kind === 'batch') return `batch ${minutes(step.windowSeconds)}`;
  if (step.kind === 'delay') return `delay ${minutes(step.seconds)}`;
  return step.kind;
}
