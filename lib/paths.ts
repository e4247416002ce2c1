/** Paths inside the repository, independent of the current working directory. */
import { readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '..');

export const prismaDir = (context: string) => join(repoRoot, 'prisma', context);

/** Every context with a Prisma schema (prisma/<ctx>/schema.prisma). */
export function contextsWithSchema(): string[] {
  return readdirSync(join(repoRoot, 'prisma'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(repoRoot, 'prisma', d.name, 'schema.prisma')))
    .map((d) => d.name)
    .sort();
}
