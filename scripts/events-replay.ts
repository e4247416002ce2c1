// npm run events:replay -- --context <ctx> [--from <ISO time>]
// Re-delivers the events the bus retains (Kafka's log, Redis's streams, or the in-process bus's files under DATA_DIR/events)
// to one context's consumers (its descriptor's). Handlers are idempotent (inbox), so a replay never applies
// an event twice: to rebuild a read model, clear it and its inbox rows first, then replay; a context whose
// descriptor has beforeReplay (insights) does that itself on a replay from the start. A context may
// finish with more (its descriptor's afterReplay: gamification rebuilds its Redis leaderboards from its
// ledger; in-process boards are rebuilt by the gamification subgraph at every start, which it says).
import '../lib/runtime/require-supported-node';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getConfig } from '../lib/config/config';
import { openContext } from '../lib/context/open-context';
import { dataDirOf, resolveDatabaseTarget } from '../lib/db/database-target';
import { createEventBus } from '../lib/events/create-event-bus';
import { dispatcher, topicsOf } from '../lib/events/event-consumer';
import { createLogger } from '../lib/logging/logger';
import { CONTEXTS, contextNamed } from './contexts';

async function main() {
  const { values } = parseArgs({ options: { context: { type: 'string' }, from: { type: 'string' } } });
  const context = contextNamed(values.context ?? '');
  const from = values.from ? new Date(values.from) : null;
  if (!context?.consumers || (from && Number.isNaN(from.getTime()))) {
    const consuming = CONTEXTS.filter((c) => c.consumers).map((c) => c.name);
    console.error(`usage: npm run events:replay -- --context <${consuming.join('|')}> [--from <ISO time>]`);
    process.exit(2);
  }
  const config = getConfig();
  const logger = createLogger(config.log.level, 'replay');
  const bus = createEventBus(config, { logger, retainIn: join(dataDirOf(config), 'events') });
  try {
    const opened = await openContext(context, {
      config,
      database: resolveDatabaseTarget(context.name, config),
      logger,
      serving: false,
    });
    try {
      const handlers = context.consumers(opened.parts, opened.runtime);
      const handle = dispatcher(handlers, logger);
      const cleared = from ? undefined : await context.beforeReplay?.(opened.parts, opened.runtime);
      if (cleared) console.log(cleared);
      let delivered = 0;
      await bus.readRetained(topicsOf(handlers), from, async (message) => {
        await handle(message);
        delivered += 1;
      });
      console.log(
        `${context.name}: re-delivered ${delivered} retained event(s)${from ? ` since ${from.toISOString()}` : ''}.`,
      );
      const finished = await context.afterReplay?.(opened.parts, opened.runtime);
      if (finished) console.log(finished);
    } finally {
      await opened.close();
    }
  } finally {
    await bus.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
