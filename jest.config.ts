// Three projects: unit (*.spec.ts beside the code), integration (*.int-spec.ts, real PGlite/PostgreSQL)
// and end-to-end (tests/*.e2e-spec.ts, through the gateway). `npm test` runs all three.
import type { Config } from 'jest';

const swc = [
  '@swc/jest',
  { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
];

const common = {
  testEnvironment: 'node',
  // jose and the schema engine's glue code are ES modules: transform them like our own code.
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(jose|@prisma/schema-engine-wasm)/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/.data/'],
} as const;

const config: Config = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{lib,subgraphs,gateway,scripts}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{lib,subgraphs,gateway,scripts}/**/*.int-spec.ts'],
    },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/tests/**/*.e2e-spec.ts'] },
  ] as Config['projects'],
};

export default config;
