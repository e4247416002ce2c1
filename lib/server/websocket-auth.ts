/**
 * Who opens a GraphQL WebSocket: the `connection_init` payload's `authorization` (or `Authorization`) is
 * verified like the HTTP header. No token connects anonymously; a bad one closes the socket with 4401 and
 * an unexpected failure with 4500, the reason a client-safe message.
 */
import { GraphQLError } from 'graphql';
import { CloseCode } from 'graphql-ws';
import type { WebSocket } from 'ws';
import { authenticateRequest, type Authentication } from '../auth/authenticate-request';
import type { TokenVerifier } from '../auth/jwt-verifier';
import type { Logger } from '../logging/logger';
import { correlationIdOf } from './http-app';

export interface ConnectionCaller extends Authentication {
  correlationId: string;
}

/** WebSocket close reasons are limited to 123 bytes. */
export function closeReason(message: string, fallback: string): string {
  return Buffer.byteLength(message) <= 123 ? message : fallback;
}

/** The caller of a connection, or null once the socket has been closed with the code that says why. */
export async function authenticateConnection(
  params: Readonly<Record<string, unknown>> | undefined,
  socket: WebSocket,
  verifier: TokenVerifier,
  logger: Logger,
): Promise<ConnectionCaller | null> {
  const authorization = params?.authorization ?? params?.Authorization ?? undefined;
  const correlation = params?.['x-correlation-id'];
  try {
    if (authorization !== undefined && typeof authorization !== 'string') {
      throw new GraphQLError('The authorization must be "Bearer <access token>".', {
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
    const authentication = await authenticateRequest(verifier, authorization);
    return {
      ...authentication,
      correlationId: correlationIdOf(typeof correlation === 'string' ? correlation : undefined),
    };
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED') {
      socket.close(CloseCode.Unauthorized, closeReason(error.message, 'Unauthorized'));
    } else {
      logger.error({ err: error }, 'could not authenticate a WebSocket connection');
      socket.close(CloseCode.InternalServerError, 'Internal server error');
    }
    return null;
  }
}
