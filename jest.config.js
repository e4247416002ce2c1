// Three projects: unit (*.spec.ts beside the code), integration (*.int-spec.ts, real PGlite/PostgreSQL)
// and end-to-end (tests/*.e2e-spec.ts, through the gateway). `npm test` runs all three.
const swc = [
  '@swc/jest',
  { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
];

const common = {
  testEnvironment: 'node',
  // jose, uuid, Garmin's FIT SDK and the schema engine's glue code are ES modules, and PGlite's CommonJS build calls import():
  // transform them like our own code (Jest on Node 20 runs neither natively).
  transform: { '^.+\\.(t|j|mj|cj)s$': swc },
  transformIgnorePatterns: [
    '/node_modules/(?!(jose|uuid|@electric-sql/pglite|@electric-sql/pglite-utils|@prisma/schema-engine-wasm|@garmin/fitsdk|fast-xml-parser)/)',
  ],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/.data/'],
};

const slow = { setupFilesAfterEnv: ['<rootDir>/tests/support/slow-tests.setup.ts'] };

/** @type {import('jest').Config} */
module.exports = {
  // One worker per core. Jest's default (cores − 1) runs a 2-core machine in band, on one core: the
  // integration and end-to-end files spend most of their time loading code and waiting on their own
  // embedded databases, and take half the time side by side.
  maxWorkers: '100%',
  // The longest files first on a run without timings (tests/support/long-first-sequencer.cjs).
  testSequencer: '<rootDir>/tests/support/long-first-sequencer.cjs',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{lib,subgraphs,gateway,scripts}/**/*.spec.ts'] },
    // Each integration and end-to-end file compiles the schema engine (WebAssembly) and opens databases.
    {
      ...common,
      ...slow,
      displayName: 'integration',
      testMatch: ['<rootDir>/{lib,subgraphs,gateway,scripts}/**/*.int-spec.ts'],
    },
    { ...common, ...slow, displayName: 'e2e', testMatch: ['<rootDir>/tests/**/*.e2e-spec.ts'] },
  ],
};
