/** The public GPX fixtures (gpxpy's test files, Apache-2.0) kept in tests/fixtures/gpx with their reference values. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../paths';

export const GPX_FIXTURES_DIR = join(repoRoot, 'tests', 'fixtures', 'gpx');

/** The bytes of one fixture file, e.g. `gpxFixture('cerknicko-jezero.gpx')`. */
export const gpxFixture = (name: string): Buffer => readFileSync(join(GPX_FIXTURES_DIR, name));
