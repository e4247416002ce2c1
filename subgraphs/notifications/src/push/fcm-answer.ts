/**
 * What an FCM HTTP v1 answer means for the delivery log. FCM's error codes
 * (https://firebase.google.com/docs/reference/fcm/rest/v1/ErrorCode) come in `error.details` as an
 * `FcmError` with an `errorCode`; a bad token also shows up as a `BadRequest` field violation on
 * `message.token`.
 */
import type { SendOutcome } from '../channels/channel-message';
import type { HttpsAnswer } from './https-request';
import { parseRetryAfter } from './retry-after';

const FCM_ERROR_TYPE = 'type.googleapis.com/google.firebase.fcm.v1.FcmError';
const BAD_REQUEST_TYPE = 'type.googleapis.com/google.rpc.BadRequest';
const RETRYABLE = new Set([429, 500, 502, 503, 504]);

interface FcmErrorBody {
  error?: {
    code?: number;
    message?: string;
    status?: string;
    details?: Array<{ '@type'?: string; errorCode?: string; fieldViolations?: Array<{ field?: string }> }>;
  };
}

export function fcmOutcome(answer: HttpsAnswer, now = Date.now()): SendOutcome {
  if (answer.status === 200) {
    const name = (parseJson(answer.body) as { name?: string } | undefined)?.name;
    return { outcome: 'sent', ...(name && { detail: name }) };
  }
  const error = (parseJson(answer.body) as FcmErrorBody | undefined)?.error;
  const details = error?.details ?? [];
  const errorCode = details.find((d) => d['@type'] === FCM_ERROR_TYPE)?.errorCode;
  const said = `FCM answered ${answer.status}${error?.status ? ` ${error.status}` : ''}${errorCode ? ` (${errorCode})` : ''}${error?.message ? `: ${error.message}` : ''}`;

  if (answer.status === 404 || errorCode === 'UNREGISTERED') return { outcome: 'gone', reason: said };
  if (answer.status === 400 && namesTheToken(error)) return { outcome: 'gone', reason: said };
  if (RETRYABLE.has(answer.status)) {
    return {
      outcome: 'retry',
      reason: said,
      retryAfterMs: parseRetryAfter(answer.headers['retry-after'], now),
    };
  }
  // SENDER_ID_MISMATCH (403) stays `failed`, not `gone`: with a wrong project id every token would
  // answer it, and deleting them all would be the wrong cure for a configuration error.
  if (answer.status === 401 || answer.status === 403) {
    return { outcome: 'failed', reason: `${said} (check the FCM credentials and project id)` };
  }
  return { outcome: 'failed', reason: said };
}

function namesTheToken(error: FcmErrorBody['error']): boolean {
  if (/registration token/i.test(error?.message ?? '')) return true;
  return (error?.details ?? []).some(
    (d) =>
      d['@type'] === BAD_REQUEST_TYPE && (d.fieldViolations ?? []).some((v) => v.field === 'message.token'),
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
