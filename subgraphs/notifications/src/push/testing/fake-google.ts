/**
 * Google for the FCM tests: the OAuth token endpoint (verifies the service account's JWT-bearer grant)
 * and FCM HTTP v1 (checks the bearer token and the message shape, answers by registration token).
 * Serve `route` from a local HTTPS peer.
 */
import { generateKeyPairSync } from 'node:crypto';
import { importSPKI, jwtVerify } from 'jose';
import { FCM_SCOPE } from '../fcm-access-token';
import type { FcmMessageBody } from '../fcm-message';
import type { PeerAnswer, PeerRequest } from './local-https-peer';

export const PROJECT = 'pulse-test';
export const CLIENT_EMAIL = 'pulse-push@pulse-test.iam.gserviceaccount.com';
// google-auth-library signs every grant for Google's token URL, wherever the request is sent.
const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
const FCM_ERROR = 'type.googleapis.com/google.firebase.fcm.v1.FcmError';

/** The service account's key pair: the sender signs with the private half, the fake verifies with the public. */
export const serviceAccountKey = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
/** A key Google does not know: its grants are refused. */
export const strangerKey = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

/** Google's token endpoint and FCM in one peer; `problems` lists every request that broke the contract. */
export function newFakeGoogle() {
  const problems: string[] = [];
  const issued: string[] = [];
  const settings = { tokenEndpointDown: false, expiresInSeconds: 3600 };

  async function token(request: PeerRequest): Promise<PeerAnswer> {
    if (settings.tokenEndpointDown)
      return { status: 503, headers: { 'retry-after': '2' }, body: 'unavailable' };
    const form = new URLSearchParams(request.body.toString('utf8'));
    if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
      problems.push(`grant_type ${form.get('grant_type')}`);
    }
    try {
      const key = await importSPKI(serviceAccountKey.publicKey, 'RS256');
      const { payload } = await jwtVerify(form.get('assertion') ?? '', key, {
        issuer: CLIENT_EMAIL,
        audience: GOOGLE_TOKEN_URL,
      });
      if (payload.scope !== FCM_SCOPE) problems.push(`scope ${String(payload.scope)}`);
    } catch (error) {
      return { status: 400, body: { error: 'invalid_grant', error_description: (error as Error).message } };
    }
    issued.push(`ya29.test-${issued.length + 1}`);
    return {
      status: 200,
      body: { access_token: issued.at(-1), expires_in: settings.expiresInSeconds, token_type: 'Bearer' },
    };
  }

  function send(request: PeerRequest): PeerAnswer | 'hang' {
    if (request.headers.authorization !== `Bearer ${issued.at(-1)}`) {
      problems.push(`authorization ${request.headers.authorization}`);
      return { status: 401, body: { error: { code: 401, status: 'UNAUTHENTICATED' } } };
    }
    const { message } = JSON.parse(request.body.toString('utf8')) as FcmMessageBody;
    const notStrings = Object.entries(message.data).filter(([, value]) => typeof value !== 'string');
    if (notStrings.length > 0) problems.push(`data values not strings: ${JSON.stringify(notStrings)}`);
    if (message.android.collapse_key !== message.data.notificationId) problems.push('android collapse_key');
    if (message.apns.headers['apns-collapse-id'] !== message.data.notificationId)
      problems.push('apns-collapse-id');
    return fcmAnswerFor(message.token);
  }

  return {
    problems,
    issued,
    settings,
    route: async (request: PeerRequest): Promise<PeerAnswer | 'hang'> => {
      if (request.method === 'POST' && request.url === '/token') return token(request);
      if (request.method === 'POST' && request.url === `/v1/projects/${PROJECT}/messages:send`)
        return send(request);
      problems.push(`unexpected ${request.method} ${request.url}`);
      return { status: 404, body: { error: { code: 404, status: 'NOT_FOUND' } } };
    },
  };
}

function fcmAnswerFor(token: string): PeerAnswer | 'hang' {
  switch (token) {
    case 'unregistered-token':
      return {
        status: 404,
        body: {
          error: {
            code: 404,
            message: 'Requested entity was not found.',
            status: 'NOT_FOUND',
            details: [{ '@type': FCM_ERROR, errorCode: 'UNREGISTERED' }],
          },
        },
      };
    case 'malformed-token':
      return {
        status: 400,
        body: {
          error: {
            code: 400,
            message: 'The registration token is not a valid FCM registration token',
            status: 'INVALID_ARGUMENT',
            details: [{ '@type': FCM_ERROR, errorCode: 'INVALID_ARGUMENT' }],
          },
        },
      };
    case 'bad-payload-token':
      return {
        status: 400,
        body: {
          error: {
            code: 400,
            message: 'Invalid JSON payload received. Unknown name "colour"',
            status: 'INVALID_ARGUMENT',
            details: [{ '@type': FCM_ERROR, errorCode: 'INVALID_ARGUMENT' }],
          },
        },
      };
    case 'other-project-token':
      return {
        status: 403,
        body: {
          error: {
            code: 403,
            message: 'SenderId mismatch',
            status: 'PERMISSION_DENIED',
            details: [{ '@type': FCM_ERROR, errorCode: 'SENDER_ID_MISMATCH' }],
          },
        },
      };
    case 'busy-token':
      return {
        status: 429,
        headers: { 'retry-after': '7' },
        body: {
          error: {
            code: 429,
            status: 'RESOURCE_EXHAUSTED',
            details: [{ '@type': FCM_ERROR, errorCode: 'QUOTA_EXCEEDED' }],
          },
        },
      };
    case 'down-token':
      return { status: 503, body: { error: { code: 503, status: 'UNAVAILABLE' } } };
    case 'slow-token':
      return 'hang';
    default:
      return { status: 200, body: { name: `projects/${PROJECT}/messages/1` } };
  }
}
