// Prisma CLI configuration. Pulse has one Prisma schema per context; pass --schema prisma/<ctx>/schema.prisma.
// Migrations are applied by lib/db (the WebAssembly schema engine), not by the CLI: see README "Database".
import { defineConfig } from 'prisma/config';

export default defineConfig({});
