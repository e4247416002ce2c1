// npm run <command> [-- args]: runs a context's command (its descriptor's `commands`) on its own database,
// e.g. `npm run metrics:recompute -- --all` (training). The context is opened without its server.
import '../lib/runtime/require-supported-node';
import { getConfig } from '../lib/config/config';
import { openContext } from '../lib/context/open-context';
import { resolveDatabaseTarget } from '../lib/db/database-target';
import { createLogger } from '../lib/logging/logger';
import { CONTEXTS } from './contexts';

async function main() {
  const [name = '', ...argv] = process.argv.slice(2);
  const context = CONTEXTS.find((c) => c.commands?.[name]);
  if (!context) {
    const known = CONTEXTS.flatMap((c) => Object.values(c.commands ?? {}).map((command) => command.usage));
    console.error(`unknown command "${name}"; the contexts offer:\n  ${known.join('\n  ')}`);
    process.exit(2);
  }
  const config = getConfig();
  const opened = await openContext(context, {
    config,
    database: resolveDatabaseTarget(context.name, config),
    logger: createLogger(config.log.level, name),
    serving: false,
  });
  try {
    const { message, exitCode } = await context.commands![name]!.run(opened.parts, opened.runtime, argv);
    console.log(message);
    if (exitCode) process.exitCode = exitCode;
  } finally {
    await opened.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
