/** Turns a request's Authorization header into the verified caller, for the gateway and every subgraph. */
import { GraphQLError } from 'graphql';
import { DomainError } from '../errors/domain-error';
import type { TokenVerifier } from './jwt-verifier';
import { bearerToken, type Viewer } from './viewer';

export interface Authentication {
  viewer: Viewer | null;
  accessToken: string | null;
}

/**
 * No header: an anonymous caller (operations that need one answer UNAUTHENTICATED themselves). A header
 * with a bad, forged or expired token: the whole request is refused with UNAUTHENTICATED and HTTP 401.
 */
export async function authenticateRequest(
  verifier: TokenVerifier,
  authorization: string | undefined,
): Promise<Authentication> {
  try {
    const accessToken = bearerToken(authorization);
    return { accessToken, viewer: accessToken ? await verifier.verify(accessToken) : null };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // Thrown from Apollo's context function: a GraphQLError keeps its code and sets the HTTP status.
    throw new GraphQLError(error.message, { extensions: { code: error.code, http: { status: 401 } } });
  }
}
