import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'fs',
  'net',
  'child_process',
  'os',
  'path',
  'http',
  'https',
  'crypto',
  'stream',
  'url',
  'util',
  'zlib',
];
const nodeModules = NODE_BUILTINS.flatMap((name) => [name, `node:${name}`, `${name}/*`, `node:${name}/*`]);

/** The layering of DESIGN.md §2, enforced: who may import whom. */
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'bench/results/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/main/**', 'src/preload/**'],
    rules: restrict(['electron'], 'Only src/main and src/preload may import electron.'),
  },
  {
    files: ['src/shared/**'],
    rules: restrict(
      [
        'electron',
        ...nodeModules,
        'react',
        '**/core/**',
        '**/main/**',
        '**/renderer/**',
        '**/harness/**',
        '**/simulator/**',
      ],
      'src/shared is pure: types, schemas and pure functions only.',
    ),
  },
  {
    files: ['src/core/**', 'src/simulator/**'],
    rules: restrict(
      ['electron', '**/main/**', '**/renderer/**', '**/harness/**', 'react'],
      'core and simulator are Electron-free services.',
    ),
  },
  {
    files: ['src/renderer/**', 'src/harness/web/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        ['electron', ...nodeModules, '**/core/**', '**/main/**', '**/simulator/**', '@stoqey/ib', 'keytar', 'ws'],
        'The renderer talks only to window.gatehouse; it never imports services, Node or Electron.',
      ),
    },
  },
);
