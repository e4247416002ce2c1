import { fcmOutcome } from './fcm-answer';
import type { HttpsAnswer } from './https-request';

const FCM_ERROR = 'type.googleapis.com/google.firebase.fcm.v1.FcmError';

function anAnswer(status: number, body: unknown = '', headers: HttpsAnswer['headers'] = {}): HttpsAnswer {
  return { status, headers, body: typeof body === 'string' ? body : JSON.stringify(body) };
}

describe('fcmOutcome', () => {
  it('answers sent with the message name', () => {
    expect(fcmOutcome(anAnswer(200, { name: 'projects/p/messages/1' }))).toEqual({
      outcome: 'sent',
      detail: 'projects/p/messages/1',
    });
  });

  it('answers gone for UNREGISTERED even without a 404', () => {
    const body = {
      error: {
        code: 400,
        status: 'FAILED_PRECONDITION',
        details: [{ '@type': FCM_ERROR, errorCode: 'UNREGISTERED' }],
      },
    };
    expect(fcmOutcome(anAnswer(400, body))).toMatchObject({ outcome: 'gone' });
  });

  it('answers gone for a 400 whose field violation names the token', () => {
    const body = {
      error: {
        code: 400,
        message: 'Request contains an invalid argument.',
        status: 'INVALID_ARGUMENT',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.BadRequest',
            fieldViolations: [{ field: 'message.token' }],
          },
        ],
      },
    };
    expect(fcmOutcome(anAnswer(400, body))).toMatchObject({ outcome: 'gone' });
  });

  it('answers failed for other 400s', () => {
    const body = {
      error: { code: 400, message: 'Invalid JSON payload received.', status: 'INVALID_ARGUMENT' },
    };
    expect(fcmOutcome(anAnswer(400, body))).toEqual({
      outcome: 'failed',
      reason: 'FCM answered 400 INVALID_ARGUMENT: Invalid JSON payload received.',
    });
  });

  it.each([401, 403])('answers failed naming the credentials for %i', (status) => {
    expect(fcmOutcome(anAnswer(status, 'denied'))).toEqual({
      outcome: 'failed',
      reason: `FCM answered ${status} (check the FCM credentials and project id)`,
    });
  });

  it.each([429, 500, 502, 503, 504])('answers retry for %i with the Retry-After', (status) => {
    expect(fcmOutcome(anAnswer(status, '<html>', { 'retry-after': '30' }))).toEqual({
      outcome: 'retry',
      reason: `FCM answered ${status}`,
      retryAfterMs: 30_000,
    });
  });
});
