import { GraphQLError } from 'graphql';
import { pino } from 'pino';
import { BadUserInputError, RateLimitedError } from './domain-error';
import { createErrorFormatter } from './format-error';

const format = createErrorFormatter(pino({ level: 'silent' }));
const asResolverError = (original: Error) =>
  new GraphQLError(original.message, { originalError: original, path: ['x'] });

describe('createErrorFormatter', () => {
  it('maps a DomainError to its code and details', () => {
    const error = asResolverError(new BadUserInputError('email', 'Enter a valid email address.'));
    expect(format({ message: error.message, path: ['x'] }, error)).toEqual({
      message: 'Enter a valid email address.',
      path: ['x'],
      locations: undefined,
      extensions: { code: 'BAD_USER_INPUT', field: 'email' },
    });
  });

  it.each([
    ['Cannot query field "sportz" on type "Query". Did you mean "sports"?', 'GRAPHQL_VALIDATION_FAILED'],
    [
      'Variable "$s" got invalid value "RUNN"; Value "RUNN" does not exist in "Sport" enum. Did you mean the enum value "RUN"?',
      'BAD_USER_INPUT',
    ],
  ])('hides the suggestion of %p when asked (introspection off)', (message, code) => {
    const hiding = createErrorFormatter(pino({ level: 'silent' }), { hideSuggestions: true });
    const error = new GraphQLError(message, { extensions: { code } });
    expect(hiding({ message, extensions: { code } }, error).message).toBe(
      message.replace(/ Did you mean.*$/, ''),
    );
    expect(format({ message, extensions: { code } }, error).message).toBe(message);
  });

  it('keeps retry hints of rate limits', () => {
    const error = asResolverError(new RateLimitedError('Too many attempts.', 8));
    expect(format({ message: error.message }, error).extensions).toEqual({
      code: 'RATE_LIMITED',
      retryAfterSeconds: 8,
    });
  });

  it('hides unexpected errors behind INTERNAL_SERVER_ERROR, without the stack or message', () => {
    const error = asResolverError(new Error('relation "User" does not exist'));
    const formatted = format({ message: error.message, extensions: { stacktrace: ['at x'] } }, error);
    expect(formatted).toEqual({
      message: 'Internal server error',
      locations: undefined,
      path: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('hides the message of an INTERNAL_SERVER_ERROR raised outside our code', () => {
    const error = new GraphQLError(
      'request to http://10.0.0.7:4002/graphql failed, reason: connect ECONNREFUSED',
      {
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    );
    const formatted = format(
      { message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      error,
    );
    expect(formatted.message).toBe('Internal server error');
  });

  it('relays a code and message a subgraph wrote for clients', () => {
    const error = new GraphQLError('Workout 1 was not found.', {
      extensions: { code: 'NOT_FOUND', serviceName: 'training' },
    });
    expect(format({ message: error.message, extensions: error.extensions }, error)).toMatchObject({
      message: 'Workout 1 was not found.',
      extensions: { code: 'NOT_FOUND', serviceName: 'training' },
    });
  });

  it('passes validation errors through but drops their stack trace', () => {
    const error = new GraphQLError('Cannot query field "nope" on type "Query".');
    const formatted = format(
      { message: error.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['x'] } },
      error,
    );
    expect(formatted.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});
