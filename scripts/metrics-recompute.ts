// npm run metrics:recompute [-- --all]
// Recomputes finished workouts' figures with the current metrics configuration: those computed with an
// older version (or never), or every workout with --all (after a training profile change, say). Updated
// events wait in the outbox and go out with the next relay run (the platform's, once it is up).
import { parseArgs } from 'node:util';
import { getConfig } from '../lib/config/config';
import { openContextDatabase } from '../lib/db/context-database';
import { resolveDatabaseTarget } from '../lib/db/database-target';
import { createLogger } from '../lib/logging/logger';
import { METRICS_CONFIG } from '../subgraphs/training/src/metrics/metrics-config';
import { recomputeMetrics } from '../subgraphs/training/src/metrics-recompute';
import { createTrainingPrisma } from '../subgraphs/training/src/training.prisma';

async function main() {
  const { values } = parseArgs({ options: { all: { type: 'boolean', default: false } } });
  const config = getConfig();
  const logger = createLogger(config.log.level, 'metrics-recompute');
  const db = await openContextDatabase({
    context: 'training',
    target: resolveDatabaseTarget('training', config),
    createClient: createTrainingPrisma,
    logger,
  });
  try {
    const { recomputed, failed } = await recomputeMetrics({
      prisma: db.client,
      all: values.all ?? false,
      logger,
    });
    console.log(
      `training: recomputed ${recomputed} workout(s) with metrics version ${METRICS_CONFIG.version}` +
        (failed ? `; ${failed} failed (see the log)` : '') +
        '.',
    );
    if (failed) process.exitCode = 1;
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
