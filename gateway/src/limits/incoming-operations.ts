/** The operations of a GraphQL HTTP request as sent: one (GET, or a POSTed object) or a batch (a POSTed array). */
import type { Request } from 'express';

export interface IncomingOperation {
  query?: unknown;
  documentId?: unknown;
  extensions?: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Malformed shapes give no operations: Apollo Server answers them with its own BAD_REQUEST. */
export function incomingOperations(req: Request): IncomingOperation[] {
  if (req.method === 'GET') {
    const params = req.query as Record<string, unknown>;
    let extensions: unknown = params.extensions;
    if (typeof extensions === 'string') {
      try {
        extensions = JSON.parse(extensions) as unknown;
      } catch {
        extensions = undefined;
      }
    }
    return [{ query: params.query, extensions }];
  }
  const body: unknown = req.body;
  if (Array.isArray(body)) return body.filter(isRecord);
  return isRecord(body) ? [body] : [];
}

/** The id a client names its operation by: the APQ hash, or `documentId`. */
export function operationIdOf(operation: IncomingOperation): string | undefined {
  if (typeof operation.documentId === 'string') return operation.documentId.toLowerCase();
  const extensions = operation.extensions;
  if (!isRecord(extensions) || !isRecord(extensions.persistedQuery)) return undefined;
  const hash = extensions.persistedQuery.sha256Hash;
  return typeof hash === 'string' ? hash.toLowerCase() : undefined;
}
