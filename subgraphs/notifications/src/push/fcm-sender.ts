/** Pushes to Android and iOS devices through Firebase Cloud Messaging's HTTP v1 API, one request per token. */
import type { Agent } from 'node:https';
import type { ChannelMessage, SendOutcome } from '../channels/channel-message';
import { createFcmAccessToken, type ServiceAccount } from './fcm-access-token';
import { fcmOutcome } from './fcm-answer';
import { fcmMessageBody } from './fcm-message';
import { httpsRequest } from './https-request';
import type { PushData, PushSender, PushTarget } from './push-target';
import { parseRetryAfter } from './retry-after';

export interface FcmOptions {
  projectId: string;
  serviceAccount: ServiceAccount;
  /** FCM's origin; a test points it (and `serviceAccount.token_uri`) at a local peer. */
  baseUrl?: string;
  /** The HTTPS agent for the token and the FCM requests (a test's agent trusts its self-signed CA). */
  agent?: Agent;
  /** Per request: the token request and each send. */
  timeoutMs?: number;
}

/** Sends one push per call and never retries by itself: the delivery worker owns retries. */
export function createFcmSender({
  projectId,
  serviceAccount,
  baseUrl = 'https://fcm.googleapis.com',
  agent,
  timeoutMs = 10_000,
}: FcmOptions): PushSender {
  const accessToken = createFcmAccessToken({ serviceAccount, agent, timeoutMs });
  const sendUrl = `${baseUrl}/v1/projects/${encodeURIComponent(projectId)}/messages:send`;

  return {
    configured: true,
    async send(target: PushTarget, message: ChannelMessage, data?: PushData): Promise<SendOutcome> {
      if (target.platform === 'WEB') return { outcome: 'failed', reason: 'FCM does not send to browsers' };
      let bearer: string;
      try {
        bearer = await accessToken.get();
      } catch (error) {
        return tokenFailure(error, accessToken.tokenUri);
      }
      try {
        const answer = await httpsRequest(sendUrl, {
          method: 'POST',
          headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify(fcmMessageBody(target.token, message, data)),
          agent,
          timeoutMs,
        });
        return fcmOutcome(answer);
      } catch (error) {
        return { outcome: 'retry', reason: `FCM unreachable: ${describeError(error)}`, retryAfterMs: null };
      }
    },
    describe: () => `FCM project ${projectId} at ${baseUrl}`,
  };
}

/**
 * The token endpoint refusing the grant (4xx: a revoked key, a wrong client email) is a configuration
 * problem; an unreachable or failing endpoint is worth another try. An error with no HTTP request behind
 * it (gaxios puts `config` on its errors) is a private key that cannot sign.
 */
function tokenFailure(error: unknown, tokenUri: string): SendOutcome {
  const response = (error as { response?: { status?: number; headers?: Headers } }).response;
  const status = response?.status;
  const reason = `FCM access token from ${tokenUri}: ${status ? `answered ${status}: ` : ''}${describeError(error)}`;
  if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429) {
    return { outcome: 'failed', reason: `${reason} (check the FCM credentials)` };
  }
  if (status !== undefined || (typeof error === 'object' && error !== null && 'config' in error)) {
    return {
      outcome: 'retry',
      reason,
      retryAfterMs: parseRetryAfter(response?.headers?.get?.('retry-after')),
    };
  }
  return { outcome: 'failed', reason: `${reason} (check the FCM credentials)` };
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && !error.message.includes(code)
    ? `${code} ${error.message}`
    : error.message;
}
