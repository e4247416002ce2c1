/**
 * POST /telemetry/workouts/{workoutId}/batches/{batchId}: large telemetry batches over plain HTTP, as
 * NDJSON (`application/x-ndjson`, one sample per line) or JSON columns (`application/json`, the shape of
 * the GraphQL TelemetryBatchInput), optionally gzip-compressed; same access token as GraphQL.
 */
import type { Express } from 'express';
import type { TokenVerifier } from '../../../../lib/auth/jwt-verifier';
import { BadUserInputError } from '../../../../lib/errors/domain-error';
import type { Logger } from '../../../../lib/logging/logger';
import { authenticatedRoute } from '../../../../lib/server/rest-route';
import { bodyBytes, rawBody } from '../raw-body.http';
import { MAX_TELEMETRY_BODY_BYTES } from '../training.http-routes';
import { columnsOfNdjson, type ColumnarBatch } from './telemetry-batch';
import type { TelemetryService } from './telemetry.service';

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
      rawBody(MAX_TELEMETRY_BODY_BYTES),
      authenticatedRoute(deps, async (viewer, req, res) => {
        const { workoutId, batchId } = req.params as { workoutId: string; batchId: string };
        const batch = batchOf(req.headers['content-type'] ?? '', batchId, bodyBytes(req));
        res.json(await deps.telemetry.record(viewer, workoutId, batch));
      }),
    );
  };
}
