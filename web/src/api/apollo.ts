/**
 * The one Apollo Client of the app: queries and mutations over HTTP, subscriptions over graphql-ws on the
 * same /graphql path, both with a valid access token (renewed silently); an UNAUTHENTICATED answer renews
 * the session once and retries, or signs the user out.
 */
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import { Observable } from 'rxjs';
import { errorCode } from './errors';
import { exchangeRefreshToken } from './token-exchange';
import { currentSession, onSessionChange, refreshSession, validAccessToken } from './session';

const bearer = (token: string | null) => (token ? `Bearer ${token}` : undefined);

function webSocketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql`;
}

let activeSocket: WebSocket | null = null;
const subscriptions = createClient({
  url: webSocketUrl(),
  lazy: true,
  retryAttempts: Number.POSITIVE_INFINITY,
  shouldRetry: () => true,
  connectionParams: async () => {
    const authorization = bearer(await validAccessToken(exchangeRefreshToken));
    return authorization ? { authorization } : {};
  },
  on: {
    connected: (socket) => {
      activeSocket = socket as WebSocket;
    },
    closed: () => {
      activeSocket = null;
    },
  },
});
// A new session (or none) reconnects the socket so that its subscriptions run as the new user.
onSessionChange(() => activeSocket?.close(4205, 'Session changed'));

const withToken = new SetContextLink(async (context) => {
  const authorization = bearer(await validAccessToken(exchangeRefreshToken));
  const headers = { ...(context.headers as Record<string, string> | undefined) };
  if (authorization) headers.authorization = authorization;
  return { headers };
});

const renewOnceOnUnauthenticated = new ErrorLink(({ error, operation, forward }) => {
  // In a GraphQL answer or in the body of a 401: the same code.
  const unauthenticated = errorCode(error) === 'UNAUTHENTICATED';
  const session = currentSession();
  if (!unauthenticated || !session || operation.getContext().renewed) return;
  return new Observable((observer) => {
    refreshSession(exchangeRefreshToken, session.refreshToken)
      .then((renewed) => {
        if (!renewed) {
          observer.error(error);
          return;
        }
        operation.setContext({ renewed: true });
        forward(operation).subscribe(observer);
      })
      .catch((failure: unknown) => observer.error(failure));
  });
});

const http = new HttpLink({ uri: '/graphql' });
const webSocket = new GraphQLWsLink(subscriptions);

export const apolloClient = new ApolloClient({
  link: ApolloLink.from([
    renewOnceOnUnauthenticated,
    withToken,
    ApolloLink.split(
      ({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION,
      webSocket,
      http,
    ),
  ]),
  cache: new InMemoryCache({
    typePolicies: {
      // One per athlete and without ids of their own: what two screens read of them is merged, not replaced.
      User: {
        fields: {
          profile: { merge: true },
          trainingProfile: { merge: true },
          level: { merge: true },
          streak: { merge: true },
          notificationSettings: { merge: true },
        },
      },
    },
  }),
  defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
});

// Another user's data must not survive a sign-out or a change of account.
let cachedUser = currentSession()?.userId ?? null;
onSessionChange((session) => {
  if ((session?.userId ?? null) === cachedUser) return;
  cachedUser = session?.userId ?? null;
  void apolloClient.clearStore();
});
