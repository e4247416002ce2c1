/**
 * Pushes to browsers with Web Push (RFC 8030), the payload encrypted for the subscription (RFC 8291,
 * aes128gcm) and signed with our VAPID key (RFC 8292). The `web-push` package builds the request
 * (encryption, VAPID JWT, headers); it is sent through `httpsRequest` so a subscription it cannot encrypt
 * for (`failed`) is told apart from a push service that cannot be reached (`retry`), and the timeout
 * covers the whole request rather than one idle socket.
 */
import { createHash } from 'node:crypto';
import type { Agent } from 'node:https';
import { generateRequestDetails, type RequestDetails } from 'web-push';
import type { ChannelMessage, SendOutcome } from '../channels/channel-message';
import { httpsRequest, type HttpsAnswer } from './https-request';
import type { PushData, PushSender, PushTarget } from './push-target';
import { parseRetryAfter } from './retry-after';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

export interface WebPushOptions {
  /** `subject` is a `mailto:` or `https:` contact the push service can reach us at. */
  vapid: VapidKeys & { subject: string };
  /** The HTTPS agent for the push services (a test's agent trusts its self-signed CA). */
  agent?: Agent;
  timeoutMs?: number;
}

/** How long a push service keeps a push for a browser that is offline: a day, after which it is stale. */
export const WEB_PUSH_TTL_SECONDS = 24 * 60 * 60;

export function createWebPushSender({ vapid, agent, timeoutMs = 10_000 }: WebPushOptions): PushSender {
  return {
    configured: true,
    async send(target: PushTarget, message: ChannelMessage, data: PushData = {}): Promise<SendOutcome> {
      if (target.platform !== 'WEB') return { outcome: 'failed', reason: 'Web Push sends to browsers only' };
      let request: RequestDetails;
      try {
        if (!target.endpoint.startsWith('https://')) throw new Error('the endpoint is not an https URL');
        request = generateRequestDetails(
          { endpoint: target.endpoint, keys: target.keys },
          JSON.stringify(webPushPayload(message, data)),
          {
            vapidDetails: vapid,
            TTL: WEB_PUSH_TTL_SECONDS,
            topic: webPushTopic(message.notificationId),
            urgency: 'normal',
            contentEncoding: 'aes128gcm',
          },
        );
      } catch (error) {
        return {
          outcome: 'failed',
          reason: `Cannot build the Web Push request: ${(error as Error).message}`,
        };
      }
      try {
        const headers = Object.fromEntries(
          Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
        );
        const answer = await httpsRequest(request.endpoint, {
          method: request.method,
          headers,
          body: request.body ?? undefined,
          agent,
          timeoutMs,
        });
        return webPushOutcome(answer);
      } catch (error) {
        const code = (error as { code?: string }).code;
        const reason = `Push service unreachable: ${code ? `${code} ` : ''}${(error as Error).message}`;
        return { outcome: 'retry', reason, retryAfterMs: null };
      }
    },
    describe: () => `Web Push with VAPID key ${vapid.publicKey.slice(0, 8)}…`,
  };
}

/** What the service worker receives. The message's own fields win over a data key of the same name. */
export function webPushPayload(message: ChannelMessage, data: PushData): Record<string, unknown> {
  const { notificationId, title, body, url, workflow, category } = message;
  return { ...data, notificationId, title, body, url, workflow, category };
}

/**
 * The `Topic` header (RFC 8030 §5.4: at most 32 URL-safe base64 characters) that makes a push service
 * replace a waiting push of the same notification. A uuid without its dashes is 32 hex characters; any
 * other id is hashed.
 */
export function webPushTopic(notificationId: string): string {
  const compact = notificationId.replace(/-/g, '');
  if (/^[A-Za-z0-9_-]{1,32}$/.test(compact)) return compact;
  return createHash('sha256').update(notificationId).digest('base64url').slice(0, 32);
}

function webPushOutcome(answer: HttpsAnswer): SendOutcome {
  const said = `Push service answered ${answer.status}${answer.body ? `: ${answer.body.slice(0, 200)}` : ''}`;
  if (answer.status >= 200 && answer.status < 300) {
    const location = answer.headers.location;
    return { outcome: 'sent', ...(location && { detail: location }) };
  }
  if (answer.status === 404 || answer.status === 410) return { outcome: 'gone', reason: said };
  if (answer.status === 429 || answer.status >= 500) {
    return { outcome: 'retry', reason: said, retryAfterMs: parseRetryAfter(answer.headers['retry-after']) };
  }
  return { outcome: 'failed', reason: said };
}
