import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Layer boundaries from DESIGN.md, enforced: arrows point one way. */
const layer = (patterns) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: patterns.map((group) => ({
        group,
        message: 'Crosses a layer boundary (see docs/ARCHITECTURE.md).',
      })),
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'out',
      'dist',
      'release',
      'test-results',
      'playwright-report',
      'db/migrations',
      'coverage',
      // Scratch files and the benchmarks' generated workspace and renderer build (gitignored).
      '.tmp',
      'bench/.cache',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: layer([
      [
        '**/db',
        '**/db/**',
        '**/services/**',
        '**/renderer/**',
        '**/electron/**',
        '**/templates/**',
      ],
      [
        'electron',
        'react',
        'react-dom',
        'better-sqlite3',
        'drizzle-orm',
        'drizzle-orm/*',
        'node:*',
        'fs',
        'path',
      ],
    ]),
  },
  {
    files: ['db/**/*.ts'],
    rules: layer([
      [
        '**/services/**',
        '**/renderer/**',
        '**/electron/**',
        '**/templates/**',
        'electron',
        'react',
      ],
    ]),
  },
  {
    files: ['templates/**/*.ts'],
    rules: layer([
      [
        '**/db',
        '**/db/**',
        '**/services/**',
        '**/renderer/**',
        '**/electron/**',
        '**/cli/**',
        'electron',
        'better-sqlite3',
        'drizzle-orm',
        'drizzle-orm/*',
      ],
    ]),
  },
  {
    files: ['cli/**/*.ts'],
    rules: layer([['**/renderer/**', '**/electron/**', 'electron', 'react']]),
  },
  {
    files: ['services/**/*.ts'],
    rules: layer([['**/renderer/**', '**/electron/**', 'electron', 'react']]),
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['warn', { allowConstantExport: true }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/db',
                '**/db/**',
                '**/services/**',
                '**/electron/main/**',
                '**/templates/**',
              ],
              message: 'Crosses a layer boundary (see docs/ARCHITECTURE.md).',
            },
            {
              group: ['electron', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'node:*'],
              message: 'Crosses a layer boundary (see docs/ARCHITECTURE.md).',
            },
          ],
          paths: [
            {
              name: '@core/techdebt',
              message:
                "Import the module you need (e.g. '@core/techdebt/evaluate'): the index pulls in @stdlib, whose eval probe breaks the renderer's CSP. Distributions run in the services process.",
            },
          ],
        },
      ],
    },
  },
);
