/**
 * POST /telemetry/workouts/{workoutId}/batches/{batchId}: large telemetry batches over plain HTTP, as
 * NDJSON (`application/x-ndjson`, one sample per line) or JSON columns (`application/json`, the shape of
 * the GraphQL TelemetryBatchInput), optionally gzip-compressed; same access token as GraphQL.
 */
import express, { type Express } from 'express';
import type { TokenVerifier } from '../../../lib/auth/jwt-verifier';
import { bearerToken, requireViewer } from '../../../lib/auth/viewer';
import { BadUserInputError } from '../../../lib/errors/domain-error';
import type { Logger } from '../../../lib/logging/logger';
import { sendRestError } from '../../../lib/server/rest-errors';
import { columnsOfNdjson, type ColumnarBatch } from './telemetry-batch';
import type { TelemetryService } from './telemetry.service';

/** Uncompressed body size accepted (about 100 000 samples of NDJSON). */
export const MAX_BODY = '20mb';

function batchOf(contentType: string, batchId: string, body: Buffer): ColumnarBatch {
  const text = body.toString('utf8');
  if (contentType.includes('ndjson')) return columnsOfNdjson(batchId, text);
  if (contentType.includes('json')) {
    let columns: ColumnarBatch;
    try {
      columns = JSON.parse(text) as ColumnarBatch;
    } catch {
      throw new BadUserInputError('body', 'The body is not valid JSON.');
    }
    if (columns.batchId !== undefined && columns.batchId !== batchId) {
      throw new BadUserInputError('batchId', 'The body names another batchId than the URL.');
    }
    return { ...columns, batchId, sequence: columns.sequence ?? [], time: columns.time ?? [] };
  }
  throw new BadUserInputError('content-type', 'Send application/x-ndjson or application/json.');
}

export function telemetryRoutes(deps: {
  verifier: TokenVerifier;
  telemetry: TelemetryService;
  logger: Logger;
}) {
  return (app: Express) => {
    app.post(
      '/telemetry/workouts/:workoutId/batches/:batchId',
      express.raw({ type: () => true, limit: MAX_BODY, inflate: true }),
      async (req, res) => {
        try {
          const token = bearerToken(req.headers.authorization);
          const viewer = requireViewer(token ? await deps.verifier.verify(token) : null);
          const { workoutId, batchId } = req.params;
          const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
          const batch = batchOf(req.headers['content-type'] ?? '', batchId, body);
          res.json(await deps.telemetry.record(viewer, workoutId, batch));
        } catch (error) {
          sendRestError(res, error, deps.logger);
        }
      },
    );
  };
}
