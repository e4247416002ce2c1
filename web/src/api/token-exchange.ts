/** The `refreshToken` mutation sent with fetch, outside Apollo's links (which wait for a valid token). */
import type { AuthPayload, TokenExchange } from './session';

const REFRESH = `mutation RefreshSession($refreshToken: String!) {
  refreshToken(refreshToken: $refreshToken) {
    accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { id displayName }
  }
}`;

export const exchangeRefreshToken: TokenExchange = async (refreshToken) => {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: REFRESH, variables: { refreshToken } }),
  });
  const body = (await response.json()) as {
    data?: { refreshToken: AuthPayload } | null;
    errors?: { message: string }[];
  };
  if (!body.data?.refreshToken)
    throw new Error(body.errors?.[0]?.message ?? 'The session could not be renewed.');
  return body.data.refreshToken;
};
