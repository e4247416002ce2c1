/** What every answer must hold, whatever it was asked: no 5xx, a code on every error, no internals shown. */
import type { GraphQLFormattedError } from 'graphql';
import type { Outcome } from './calls';

/** Text that only the server's insides write: stack frames, database and ORM messages, file paths. */
const INTERNALS = [
  '    at ',
  '.ts:',
  '.js:',
  'prisma',
  'Prisma',
  'P20',
  'invalid byte sequence',
  'SELECT',
  'INSERT',
  'violates',
  'relation "',
  '/work/',
  'node_modules',
];

// Close codes of a socket the server gave up on: an internal error (1011, graphql-ws's 4500) or none at all.
const BROKEN_CLOSE_CODES = new Set([1006, 1011, 4500]);

export function problemsOf(outcome: Outcome): string[] {
  const problems: string[] = [];
  if (outcome.status !== undefined && outcome.status >= 500) problems.push(`HTTP ${outcome.status}`);
  if (outcome.transport) problems.push(outcome.transport);
  if (outcome.close) {
    if (BROKEN_CLOSE_CODES.has(outcome.close.code)) {
      problems.push(`socket closed with ${outcome.close.code} "${outcome.close.reason}"`);
    }
    problems.push(...internalsIn(`close reason ${outcome.close.code}`, outcome.close.reason));
  }
  for (const error of outcome.errors) problems.push(...problemsOfError(error));
  return problems;
}

function problemsOfError(error: GraphQLFormattedError): string[] {
  const code = error.extensions?.code;
  const message = short(error.message);
  const problems = internalsIn(
    `${String(code)} "${message}"`,
    `${error.message} ${JSON.stringify(error.extensions ?? {})}`,
  );
  if (typeof code !== 'string') problems.push(`error without extensions.code: "${message}"`);
  else if (code === 'INTERNAL_SERVER_ERROR') problems.push(`INTERNAL_SERVER_ERROR "${message}"`);
  return problems;
}

function internalsIn(what: string, text: string): string[] {
  const found = INTERNALS.filter((marker) => text.includes(marker));
  return found.length ? [`internals (${found.map((m) => JSON.stringify(m)).join(', ')}) in ${what}`] : [];
}

export async function healthProblem(gatewayOrigin: string): Promise<string | undefined> {
  try {
    const response = await fetch(`${gatewayOrigin}/health`);
    return response.status === 200 ? undefined : `/health answered ${response.status}`;
  } catch (error) {
    return `/health failed: ${String(error)}`;
  }
}

/** A value as a report shows it: long strings cut, control characters and lone surrogates escaped. */
export function shown(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'string' && item.length > 40 ? `${item.slice(0, 12)}…(${item.length} chars)` : item,
  );
}

const short = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…(${text.length} chars)` : text);
