import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { describeError, errorCode } from './errors';

const graphQLError = (message: string, extensions: Record<string, unknown>) =>
  new CombinedGraphQLErrors({ errors: [{ message, extensions }] });

describe('errors as sentences', () => {
  it('keeps the server’s words for the athlete’s own input and data', () => {
    const error = graphQLError('maxHeartRate must be between 100 and 250.', { code: 'BAD_USER_INPUT' });
    expect(describeError(error)).toBe('maxHeartRate must be between 100 and 250.');
    expect(errorCode(error)).toBe('BAD_USER_INPUT');
  });

  it('says how long to wait when rate limited, from the body of a 429 too', () => {
    expect(describeError(graphQLError('x', { code: 'RATE_LIMITED', retryAfterSeconds: 12.2 }))).toBe(
      'Too many attempts. Please wait 13 seconds and try again.',
    );
    expect(describeError({ errors: [{ message: 'x', extensions: { code: 'RATE_LIMITED' } }] })).toBe(
      'Too many attempts. Please wait a little and try again.',
    );
  });

  it('never shows a technical message, and lets a screen say what a code means there', () => {
    expect(
      describeError(graphQLError('Cannot read properties of undefined', { code: 'INTERNAL_SERVER_ERROR' })),
    ).toBe('Something went wrong on our side. Please try again.');
    const unauthenticated = graphQLError('Invalid credentials', { code: 'UNAUTHENTICATED' });
    expect(describeError(unauthenticated)).toBe('Your session has ended. Please sign in again.');
    expect(describeError(unauthenticated, { UNAUTHENTICATED: 'Wrong password.' })).toBe('Wrong password.');
    expect(
      describeError(
        graphQLError('The training service cannot be reached. Try again in a moment.', {
          code: 'SUBGRAPH_UNAVAILABLE',
        }),
      ),
    ).toBe('Part of Pulse is restarting. Please try again in a moment.');
  });

  it('says Pulse is busy when the gateway turned a request away (HTTP 503, SERVICE_UNAVAILABLE)', () => {
    const bodyText = JSON.stringify({
      errors: [
        {
          message: 'Pulse is busy: no request slot (of 128) freed within 2000 ms. Nothing was done; …',
          extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 2 },
        },
      ],
    });
    const error = new ServerError('Response not successful', {
      response: new Response(bodyText, { status: 503, headers: { 'retry-after': '2' } }),
      bodyText,
    });
    expect(errorCode(error)).toBe('SERVICE_UNAVAILABLE');
    expect(describeError(error)).toBe('Pulse is busy or restarting. Please try again in a moment.');
  });

  it('explains a failed connection as being offline', () => {
    expect(describeError(new TypeError('Failed to fetch'))).toMatch(/^You are offline\./);
  });
});
