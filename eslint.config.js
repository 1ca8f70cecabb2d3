// ESLint flat config. Besides the usual recommended sets, it enforces the house rule that the
// folder a file sits in decides what it may import (see `boundaries` below); tests/unit/repo/lint-boundaries.test.ts
// proves each boundary fails on a violation.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

// --- Boundaries -------------------------------------------------------------------------
// In a flat config a later block replaces a rule's options, it does not add to them, so each
// folder below gets its full list, composed from these pieces.

/** Files that may load the `electron` module itself: the app's lifecycle and window, and the preload. */
export const ELECTRON_GLUE = ['electron/main/index.ts', 'electron/preload/index.ts'];
/**
 * Files that handle Electron objects passed in as parameters and so import Electron's *types*
 * only: they run in vitest with no Electron binary.
 */
export const ELECTRON_TYPES_ONLY = ['electron/main/ipc.ts', 'electron/main/security.ts'];

const electron = (allowTypeImports) => ({
  name: 'electron',
  allowTypeImports,
  message: `Only the Electron glue (${ELECTRON_GLUE.join(', ')}) imports electron, and ${ELECTRON_TYPES_ONLY.join(', ')} its types: put the logic in a plain module that takes what it needs as parameters.`,
});
const nodeBuiltins = (where) => ({
  paths: builtinModules
    .filter((m) => !m.startsWith('_'))
    .map((name) => ({ name, message: `${where} runs without Node: no Node built-ins.` })),
  patterns: [{ regex: '^node:', message: `${where} runs without Node: no node:* modules.` }],
});
const folder = (name, where) => ({ regex: `(^|/)${name}(/|$)`, message: `${where} may not import from ${name}.` });

const boundaries = (...parts) => ({
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
      paths: parts.flatMap((p) => p.paths ?? []),
      patterns: parts.flatMap((p) => p.patterns ?? []),
    },
  ],
});

const SHARED = 'electron/shared (loaded by main, preload and renderer alike)';
const RENDERER = 'The renderer (a sandboxed web page)';

export default defineConfig(
  globalIgnores(['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench/.cache/', '.tmp/', 'resources/']),

  js.configs.recommended,
  ts.configs.recommended,
  svelte.configs.recommended,

  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Unused bindings are a tsc error already (noUnusedLocals); `_name` marks one kept on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteConfig },
    },
  },

  // Globals per runtime (TypeScript checks these too; this covers .js and .svelte markup).
  { files: ['renderer/**', 'tests/unit/dom/**'], languageOptions: { globals: globals.browser } },
  {
    files: ['electron/main/**', 'electron/preload/**', 'tests/**', 'bench/**', 'scripts/**', '*.config.{js,ts}'],
    ignores: ['tests/unit/dom/**'],
    languageOptions: { globals: globals.node },
  },

  // Everything: electron only in the glue.
  { rules: boundaries({ paths: [electron(false)] }) },
  { files: ELECTRON_TYPES_ONLY, rules: boundaries({ paths: [electron(true)] }) },
  { files: ELECTRON_GLUE, rules: { '@typescript-eslint/no-restricted-imports': 'off' } },
  // electron/shared: no Electron, no Node, and nothing from the folders that build on it.
  {
    files: ['electron/shared/**'],
    rules: boundaries(
      { paths: [electron(false)] },
      nodeBuiltins(SHARED),
      {
        patterns: [
          folder('electron/main', SHARED),
          folder('electron/preload', SHARED),
          folder('renderer', SHARED),
          // From inside electron/shared the main process is plain `../main`.
          { regex: '^(\\.\\./)+(main|preload)(/|$)', message: `${SHARED} may not import from electron/main or electron/preload.` },
        ],
      },
    ),
  },
  // The renderer: no Electron, no Node, and the main process only through the contract.
  {
    files: ['renderer/**'],
    rules: boundaries(
      { paths: [electron(false)] },
      nodeBuiltins(RENDERER),
      { patterns: [folder('electron/main', RENDERER), folder('electron/preload', RENDERER)] },
    ),
  },
);
