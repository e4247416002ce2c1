/**
 * One call of one root field: its document (arguments as variables, or written inline as literals), sent
 * over HTTP, or over graphql-ws for a subscription (first message or error, then disposed).
 */
import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLFormattedError,
  type GraphQLInputType,
} from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { RootField } from './api-schema';
import type { Seen } from './seen';

export interface Principal {
  name: string;
  token?: string;
  seen: Seen;
}

export interface Call {
  root: RootField;
  args: Record<string, unknown>;
  selection: string;
  /** Arguments written into the document as literals instead of sent as variables. */
  inline: boolean;
}

export interface Outcome {
  /** The HTTP status (absent for a subscription). */
  status?: number;
  data?: unknown;
  errors: GraphQLFormattedError[];
  /** What went wrong below GraphQL: a body that is not JSON, a closed socket, a refused connection. */
  transport?: string;
  /** Close code and reason of a subscription's socket that closed before the first message. */
  close?: { code: number; reason: string };
}

const SUBSCRIPTION_WAIT_MS = 3_000;

export function documentOf({ root, args, selection, inline }: Call) {
  const given = root.field.args.filter((arg) => args[arg.name] !== undefined);
  const passed = given.map(
    (arg) => `${arg.name}: ${inline ? literalOf(args[arg.name], arg.type) : `$${arg.name}`}`,
  );
  const declared = inline ? [] : given.map((arg) => `$${arg.name}: ${String(arg.type)}`);
  const query = [
    root.operation,
    'Fuzz',
    declared.length ? `(${declared.join(', ')})` : '',
    `{ ${root.field.name}${passed.length ? `(${passed.join(', ')})` : ''} ${selection} }`,
  ].join(' ');
  return { query, variables: inline ? {} : args };
}

/** A GraphQL literal of `value` for `type`; JSON's string escapes are GraphQL's too. */
function literalOf(value: unknown, type: GraphQLInputType): string {
  if (value === null || value === undefined) return 'null';
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner) && Array.isArray(value)) {
    return `[${value.map((item) => literalOf(item, inner.ofType)).join(', ')}]`;
  }
  if (isInputObjectType(inner) && typeof value === 'object') {
    const fields = inner.getFields();
    const entries = Object.entries(value).map(
      ([key, item]) => `${key}: ${literalOf(item, fields[key]!.type)}`,
    );
    return `{ ${entries.join(', ')} }`;
  }
  if (isEnumType(inner) && typeof value === 'string' && /^[_A-Za-z]\w*$/.test(value)) return value;
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

export interface Endpoint {
  /** The gateway's GraphQL URL. */
  url: string;
}

export async function send(endpoint: Endpoint, principal: Principal, call: Call): Promise<Outcome> {
  const outcome =
    call.root.operation === 'subscription'
      ? await subscribeOnce(endpoint, principal, call)
      : await post(endpoint, principal, documentOf(call));
  principal.seen.harvest(outcome.data);
  return outcome;
}

export async function post(
  endpoint: Endpoint,
  principal: Principal,
  body: { query: string; variables?: Record<string, unknown> },
): Promise<Outcome> {
  let response: Response;
  try {
    response = await fetch(endpoint.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(principal.token && { authorization: `Bearer ${principal.token}` }),
      },
      body: JSON.stringify(body),
    });
  } catch (error) {
    return { errors: [], transport: `request failed: ${String(error)}` };
  }
  const text = await response.text();
  try {
    const json = JSON.parse(text) as { data?: unknown; errors?: GraphQLFormattedError[] };
    return { status: response.status, data: json.data, errors: json.errors ?? [] };
  } catch {
    return { status: response.status, errors: [], transport: `answer is not JSON: ${text.slice(0, 200)}` };
  }
}

function subscribeOnce(endpoint: Endpoint, principal: Principal, call: Call): Promise<Outcome> {
  const { query, variables } = documentOf(call);
  return new Promise((resolve) => {
    let done = false;
    const client = createClient({
      url: endpoint.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: principal.token ? { authorization: `Bearer ${principal.token}` } : {},
      retryAttempts: 0,
    });
    const finish = (outcome: Outcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void client.dispose();
      resolve(outcome);
    };
    // A subscription may have nothing to say yet: silence is an answer too.
    const timer = setTimeout(() => finish({ errors: [] }), SUBSCRIPTION_WAIT_MS);
    client.subscribe(
      { query, variables },
      {
        next: (result) => finish({ data: result.data, errors: [...(result.errors ?? [])] }),
        error: (error) => finish(outcomeOfWsError(error)),
        complete: () => finish({ errors: [] }),
      },
    );
  });
}

function outcomeOfWsError(error: unknown): Outcome {
  if (Array.isArray(error)) return { errors: error as GraphQLFormattedError[] };
  if (error && typeof error === 'object' && 'code' in error) {
    const { code, reason } = error as { code: number; reason?: string };
    return { errors: [], close: { code, reason: String(reason ?? '') } };
  }
  return { errors: [], transport: `subscription failed: ${String(error)}` };
}
