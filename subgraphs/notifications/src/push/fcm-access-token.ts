/**
 * FCM's OAuth2 access token: a service account's JWT-bearer grant through google-auth-library's `JWT`
 * client, which caches the token and fetches a new one shortly before it expires.
 *
 * google-auth-library 10 hard-codes the token URL (https://oauth2.googleapis.com/token) in its gtoken
 * code and ignores a service account's `token_uri`; a request interceptor on the client's transporter
 * (gaxios) sends the token request to `token_uri` instead when one is given. The HTTPS agent (its CA) is
 * passed through gaxios' `fetchImplementation`.
 */
import type { Agent } from 'node:https';
import { JWT } from 'google-auth-library';
import { fetchOverHttps } from './https-request';

export const FCM_SCOPE = 'https://www.googleapis.com/auth/firebase.messaging';
const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

export interface ServiceAccount {
  client_email: string;
  private_key: string;
  /** Where to ask for tokens; Google's endpoint when absent. */
  token_uri?: string;
}

export interface FcmAccessTokenOptions {
  serviceAccount: ServiceAccount;
  agent?: Agent;
  timeoutMs: number;
}

/** A cached FCM access token; `get()` rejects when the token endpoint refuses or cannot be reached. */
export function createFcmAccessToken({ serviceAccount, agent, timeoutMs }: FcmAccessTokenOptions) {
  const client = new JWT({
    email: serviceAccount.client_email,
    key: serviceAccount.private_key,
    scopes: [FCM_SCOPE],
    transporterOptions: {
      fetchImplementation: fetchOverHttps(agent, timeoutMs) as typeof fetch,
      timeout: timeoutMs,
      // gaxios retries the token POST up to 3 times with backoff (~5 s); the delivery worker owns retries.
      retryConfig: { retry: 0, noResponseRetries: 0 },
    },
  });
  const tokenUri = serviceAccount.token_uri;
  if (tokenUri && tokenUri !== GOOGLE_TOKEN_URL) {
    client.transporter.interceptors.request.add({
      resolved: async (config) => {
        if (String(config.url) === GOOGLE_TOKEN_URL) config.url = new URL(tokenUri);
        return config;
      },
    });
  }
  return {
    tokenUri: tokenUri ?? GOOGLE_TOKEN_URL,
    async get(): Promise<string> {
      const { token } = await client.getAccessToken();
      if (!token) throw new Error('The token endpoint answered without an access token');
      return token;
    },
  };
}
