// npm run events:replay -- --context <ctx> [--from <ISO time>]
// Re-delivers the events the bus retains (Kafka's log, or the in-process bus's files under DATA_DIR/events)
// to one context's consumers. Handlers are idempotent (inbox), so a replay never applies an event twice:
// to rebuild a read model, clear it and its inbox rows first, then replay. A context may finish with more
// (gamification rebuilds its Redis leaderboards from its ledger; in-process boards are rebuilt by the
// gamification subgraph at every start, so the replay says so and leaves them).
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getConfig } from '../lib/config/config';
import { dataDirOf, resolveDatabaseTarget } from '../lib/db/database-target';
import { createEventBus } from '../lib/events/create-event-bus';
import { dispatcher, topicsOf } from '../lib/events/event-consumer';
import { createLogger } from '../lib/logging/logger';
import { EVENT_CONSUMERS } from './event-consumers';

async function main() {
  const { values } = parseArgs({ options: { context: { type: 'string' }, from: { type: 'string' } } });
  const consumers = EVENT_CONSUMERS[values.context ?? ''];
  const from = values.from ? new Date(values.from) : null;
  if (!consumers || (from && Number.isNaN(from.getTime()))) {
    console.error(
      `usage: npm run events:replay -- --context <${Object.keys(EVENT_CONSUMERS).join('|')}> [--from <ISO time>]`,
    );
    process.exit(2);
  }
  const config = getConfig();
  const logger = createLogger(config.log.level, 'replay');
  const bus = createEventBus(config, { logger, retainIn: join(dataDirOf(config), 'events') });
  const db = await consumers.open(resolveDatabaseTarget(consumers.context, config));
  try {
    const handle = dispatcher(db.handlers, logger);
    let delivered = 0;
    await bus.readRetained(topicsOf(db.handlers), from, async (message) => {
      await handle(message);
      delivered += 1;
    });
    console.log(
      `${consumers.context}: re-delivered ${delivered} retained event(s)${from ? ` since ${from.toISOString()}` : ''}.`,
    );
    const finished = await db.finish();
    if (finished) console.log(finished);
  } finally {
    await db.close();
    await bus.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
