// Lint rules. The rule that keeps contexts apart is in .dependency-cruiser.cjs (run by `npm run lint`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['node_modules/', '.data/', '**/__generated__/**', 'coverage/', '.build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through lib/config (parsed once with zod), not process.env.',
        },
      ],
    },
  },
  {
    // Configuration is read in lib/config; tests and their helpers read the test database URL directly.
    files: [
      'lib/config/**',
      'lib/testing/**',
      'codegen.ts',
      'web/vite.config.mts',
      'scripts/**',
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      'tests/**',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.cjs', 'jest.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
    // CommonJS files load their dependencies with require().
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Resolvers are adapters: they never touch the database driver directly.
    files: ['subgraphs/*/src/resolvers*.ts', 'subgraphs/*/src/resolvers/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/__generated__/prisma*', '@prisma/*', 'ioredis', 'kafkajs'],
              message: 'Resolvers call services; services call repositories.',
            },
          ],
        },
      ],
    },
  },
);
