// Lint: typescript-eslint's recommended type-aware rules plus the process boundaries (import zones).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'crypto',
  'os',
  'child_process',
  'http',
  'net',
  'url',
  'worker_threads',
];

/** Paths each zone may not import. */
const forbid = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
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
      'build/scripts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { URL: 'readonly', console: 'readonly', process: 'readonly' },
    },
  },
  {
    // Pure domain code: shared by main and renderer, so no platform imports.
    files: ['domain/**/*.ts'],
    rules: forbid(
      [
        ...nodeBuiltins,
        'electron',
        'react',
        'react-dom',
        'better-sqlite3',
        'kysely',
        '**/main/**',
        '**/db/**',
        '**/renderer/**',
        '**/preload/**',
      ],
      'domain/ is pure: no electron, node:*, react, database or process-specific imports.',
    ),
  },
  {
    // The renderer runs sandboxed: it talks to main only through window.api.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: forbid(
      [...nodeBuiltins, 'electron', 'better-sqlite3', 'kysely', '**/main/**', '**/db/**', '**/preload/**'],
      'The renderer reaches main only through the typed API (window.api).',
    ),
  },
  {
    files: ['db/**/*.ts'],
    rules: forbid(
      ['electron', 'react', '**/main/**', '**/renderer/**', '**/preload/**'],
      'db/ knows no process or UI.',
    ),
  },
  {
    // Services run in Electron's main, in browser mode and in the CLI: no electron import.
    files: ['main/services/**/*.ts', 'main/server/**/*.ts', 'main/cli/**/*.ts', 'main/bundles/**/*.ts'],
    rules: forbid(
      ['electron', 'react', '**/renderer/**'],
      'Services are shared with browser mode and the CLI: no electron.',
    ),
  },
  {
    files: ['preload/**/*.ts'],
    rules: forbid(
      [...nodeBuiltins, 'zod', 'better-sqlite3', '**/db/**', '**/main/**', '**/renderer/**'],
      'The preload only bridges named channels.',
    ),
  },
);
