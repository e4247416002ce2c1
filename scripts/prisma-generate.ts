// npm run generate:prisma: generates each context's Prisma client into subgraphs/<ctx>/src/__generated__/prisma.
// Generation is WebAssembly-only; pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file stops the CLI
// from trying to download the native migration engine, which Pulse does not use (see lib/db/schema-engine.ts).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { contextsWithSchema, prismaDir, repoRoot } from '../lib/paths';

const cli = join(repoRoot, 'node_modules', 'prisma', 'build', 'index.js');
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
};
for (const context of contextsWithSchema()) {
  execFileSync(process.execPath, [cli, 'generate', '--schema', join(prismaDir(context), 'schema.prisma')], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  console.log(`prisma client generated for ${context}`);
}
