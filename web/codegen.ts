// GraphQL Code Generator for the web app: the client preset types every `graphql(...)` document in web/src
// against the client-facing supergraph. Output goes to web/src/__generated__/; never edit it by hand.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  overwrite: true,
  silent: true,
  schema: 'supergraph.api.graphql',
  documents: ['web/src/**/*.{ts,tsx}', '!web/src/__generated__/**'],
  generates: {
    'web/src/__generated__/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string', Duration: 'number', LocalDate: 'string' },
      },
    },
    // Every enum of the schema (sports, units…), not only those the documents name yet.
    'web/src/__generated__/enums.ts': {
      plugins: ['typescript'],
      config: { onlyEnums: true, enumsAsTypes: true },
    },
  },
};

export default config;
