/**
 * What a deduplication leader's pipeline learns about its request, for the followers that share its answer:
 * whether the answer may be shared at all (a query answered with one complete JSON document), and what
 * the followers count in /metrics and name on their spans as if they had run (operation, outcome, codes).
 * `dedupLeaderPlugin` fills it in; the context function hands it over (`GatewayContext.dedupTicket`).
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { codeOf, outcomeOf, type Outcome } from '../observability/gateway-metrics-plugin';

export interface LeaderTicket {
  operationType: string;
  operationName?: string;
  errorCodes: string[];
  outcome: Outcome;
  /** The answer was one complete document (not incremental delivery). */
  complete: boolean;
}

export function shareableTicket(ticket: LeaderTicket): boolean {
  return ticket.operationType === 'query' && ticket.complete;
}

export function dedupLeaderPlugin<
  C extends BaseContext & { dedupTicket?: LeaderTicket },
>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ contextValue }) {
      const ticket = contextValue.dedupTicket;
      if (!ticket) return;
      let failed = false;
      return {
        async didResolveOperation({ operation, operationName }) {
          ticket.operationType = operation?.operation ?? 'unknown';
          if (operationName) ticket.operationName = operationName;
        },
        async didEncounterErrors({ errors }) {
          failed = true;
          ticket.errorCodes.push(...errors.map(codeOf));
        },
        async willSendResponse({ response }) {
          ticket.outcome = outcomeOf(response, failed);
          ticket.complete = response.body.kind === 'single';
        },
      };
    },
  };
}
