// npm run db:template (run by npm install): the migrated embedded database that a new DATA_DIR and the
// tests start from (lib/db/pglite-template.ts). Does nothing when the current one exists.
import { ensurePGliteTemplate } from '../lib/db/pglite-template';

const since = performance.now();
ensurePGliteTemplate().then(
  (path) => console.log(`embedded database template: ${path} (${Math.round(performance.now() - since)} ms)`),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
