/**
 * A client's prepared subscription on its way from a transport's `onSubscribe` to its `subscribe` hook
 * (graphql-ws and graphql-sse carry it as the operation's context value).
 */
import type { GatewayContext } from '../gateway-context';
import type { ClientHooks } from './subscription-hub';
import type { PreparedSubscription } from './subscription-planner';

export class SubscriptionCall {
  constructor(
    readonly prepared: PreparedSubscription,
    readonly caller: GatewayContext,
    readonly hooks: ClientHooks = {},
  ) {}

  /** The call a transport stored as context value; throws when something else arrives there. */
  static from(contextValue: unknown): SubscriptionCall {
    if (contextValue instanceof SubscriptionCall) return contextValue;
    throw new Error('A gateway subscription must be prepared by its transport before it is executed.');
  }
}
