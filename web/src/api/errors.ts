/**
 * Turns whatever a request failed with into one sentence for the athlete: the server's own message where it
 * is written for people (bad input, conflicts), a sentence of ours for the codes whose message is technical.
 */
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

interface ErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

/** Codes whose server message already reads as a sentence about the athlete's own input or data. */
const SERVER_WORDS = new Set(['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND', 'FORBIDDEN', 'BAD_REQUEST']);

const SENTENCES: Record<string, string> = {
  UNAUTHENTICATED: 'Your session has ended. Please sign in again.',
  SUBGRAPH_TIMEOUT: 'Pulse is taking too long to answer. Please try again in a moment.',
  SERVICE_UNAVAILABLE: 'Pulse is busy or restarting. Please try again in a moment.',
  SUBGRAPH_UNAVAILABLE: 'Part of Pulse is restarting. Please try again in a moment.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Please try again.',
  GRAPHQL_VALIDATION_FAILED: 'This version of the app no longer matches the server. Please reload the page.',
  GRAPHQL_PARSE_FAILED: 'This version of the app no longer matches the server. Please reload the page.',
};

const OFFLINE = 'You are offline. What you record is kept on this device and sent when you are back online.';

/** The first error's code (`extensions.code`), if the failure carried one. */
export function errorCode(error: unknown): string | null {
  return firstError(error)?.extensions?.code?.toString() ?? null;
}

/** `sentences`: what a screen says instead for some codes (signing in: UNAUTHENTICATED is a wrong password). */
export function describeError(error: unknown, sentences: Record<string, string> = {}): string {
  const first = firstError(error);
  const own = sentences[String(first?.extensions?.code ?? '')];
  if (own) return own;
  if (first) return sentenceFor(first);
  if (isOffline(error)) return OFFLINE;
  return SENTENCES.INTERNAL_SERVER_ERROR!;
}

export function sentenceFor(error: ErrorLike): string {
  const code = String(error.extensions?.code ?? '');
  if (code === 'RATE_LIMITED') {
    const seconds = Number(error.extensions?.retryAfterSeconds);
    return Number.isFinite(seconds) && seconds > 0
      ? `Too many attempts. Please wait ${Math.ceil(seconds)} seconds and try again.`
      : 'Too many attempts. Please wait a little and try again.';
  }
  if (SERVER_WORDS.has(code)) return error.message;
  return SENTENCES[code] ?? SENTENCES.INTERNAL_SERVER_ERROR!;
}

function firstError(error: unknown): ErrorLike | null {
  if (CombinedGraphQLErrors.is(error)) return error.errors[0] ?? null;
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: ErrorLike[] };
      return body.errors?.[0] ?? null;
    } catch {
      return null;
    }
  }
  if (isErrorBody(error)) return error.errors[0] ?? null;
  return null;
}

function isErrorBody(value: unknown): value is { errors: ErrorLike[] } {
  return typeof value === 'object' && value !== null && Array.isArray((value as { errors?: unknown }).errors);
}

function isOffline(error: unknown): boolean {
  return error instanceof TypeError || (typeof navigator !== 'undefined' && navigator.onLine === false);
}
