/**
 * File endpoints of the training context (also on the gateway's port):
 * - `POST /imports?fileName=…&sport=…`: the body is a GPX, TCX or FIT file, or Apple Health / Google Fit
 *   JSON (gzip accepted, as a .gz file or with `Content-Encoding: gzip`); answers 202 with the import's id
 *   and the id its workout will have, 409 CONFLICT with `workoutId` for an activity imported already, 400
 *   for a malformed file (nothing stored), 413 beyond the size limit or a limit of files/activity-limits.ts
 *   (BAD_USER_INPUT on `file`, `extensions.limit` naming it).
 * - `GET /exports/workouts/{id}.gpx`: one of your workouts as GPX 1.1.
 */
import type { Express } from 'express';
import type { TokenVerifier } from '../../../../lib/auth/jwt-verifier';
import type { Logger } from '../../../../lib/logging/logger';
import { authenticatedRoute } from '../../../../lib/server/rest-route';
import { FileTooLargeError } from '../files/activity-limits';
import { toGpx } from '../files/gpx-export';
import { MAX_UPLOAD_BYTES } from '../training.http-routes';
import { bodyBytes, rawBody } from '../raw-body.http';
import type { ImportService } from './import.service';
import type { TelemetryService } from '../telemetry/telemetry.service';

const queryText = (value: unknown) => (typeof value === 'string' ? value : null);

export function fileRoutes(deps: {
  verifier: TokenVerifier;
  imports: ImportService;
  telemetry: Pick<TelemetryService, 'trackOf'>;
  logger: Logger;
}) {
  return (app: Express) => {
    app.post(
      '/imports',
      rawBody(MAX_UPLOAD_BYTES),
      authenticatedRoute(deps, async (viewer, req, res) => {
        try {
          const job = await deps.imports.accept(viewer, {
            bytes: bodyBytes(req),
            fileName: queryText(req.query.fileName),
            contentType: req.headers['content-type'] ?? null,
            sport: queryText(req.query.sport),
          });
          res.status(202).json({ importId: job.id, workoutId: job.workoutId, status: job.status });
        } catch (error) {
          if (!(error instanceof FileTooLargeError)) throw error;
          const extensions = { ...error.details, code: error.code };
          res.status(413).json({ errors: [{ message: error.message, extensions }] });
        }
      }),
    );

    app.get(
      '/exports/workouts/:file',
      authenticatedRoute(deps, async (viewer, req, res) => {
        const id = String(req.params.file).replace(/\.gpx$/i, '');
        const { workout, samples } = await deps.telemetry.trackOf(viewer, id);
        const gpx = toGpx(workout, samples);
        res
          .type('application/gpx+xml')
          .set('content-disposition', `attachment; filename="${workout.id}.gpx"`)
          .send(gpx);
      }),
    );
  };
}
