import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Layer boundaries (STYLE.md §2), enforced here and by the per-folder tsconfigs:
// core imports no Electron, Node, React or Mantine; the renderer imports no Electron, Node or main/;
// only main/electron/ imports electron; main never imports the renderer; core folders import only the ones below
// them (coreLayers).
const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'worker_threads',
];
const electronPatterns = ['electron', 'electron/*'];

// Core folders depend on each other one way, lowest first. text is the bottom (spans, segments, segmentation);
// document (bilingual splitting) and anchors (numbers, words, readings, the lexicon, tokenizers) sit beside each
// other just above it and may import text only; then alignment, review, project, report, interchange and ipc, each
// importing only folders below it. A core folder not listed here fails the lint until it is given its place.
const coreLayers = {
  text: [],
  document: ['text'],
  anchors: ['text'],
  alignment: ['text', 'document', 'anchors'],
  review: ['text', 'document', 'anchors', 'alignment'],
  checks: ['text', 'document', 'anchors', 'alignment', 'review'],
  project: ['text', 'document', 'anchors', 'alignment', 'review', 'checks'],
  report: ['text', 'document', 'anchors', 'alignment', 'review', 'checks', 'project'],
  interchange: [
    'text',
    'document',
    'anchors',
    'alignment',
    'review',
    'checks',
    'project',
    'report',
  ],
  ipc: [
    'text',
    'document',
    'anchors',
    'alignment',
    'review',
    'checks',
    'project',
    'report',
    'interchange',
  ],
};
// Every core folder must have its place in the order: a new folder fails the lint until it is given one.
const unplacedCoreFolders = readdirSync(new URL('./core', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !(entry.name in coreLayers))
  .map((entry) => entry.name);
if (unplacedCoreFolders.length > 0) {
  throw new Error(
    `core/${unplacedCoreFolders.join(', core/')} has no place in coreLayers (eslint.config.js): say which core folders it may import`,
  );
}
const corePurity = [
  {
    group: [...nodeBuiltins, ...electronPatterns],
    message: 'core/ is pure: no Node I/O, no Electron.',
  },
  {
    group: ['react', 'react-dom', 'react/*', '@mantine/*'],
    message: 'core/ is pure: no UI libraries.',
  },
  {
    group: ['**/main/**', '**/preload/**', '**/renderer/**'],
    message: 'core/ depends on nothing above it.',
  },
  {
    // Test kits (x.testkit.ts: generators, example projects) sit beside the tests that use them and stay out of
    // core/tsconfig.json; app code never imports them.
    group: ['**/*.testkit', '**/*.testkit.ts'],
    message: 'Test kits are for tests (and scripts) only.',
  },
];
/** One config per core folder: the purity rules plus the folders above it (ESLint replaces, not merges, options). */
const coreLayerConfigs = Object.entries(coreLayers).map(([folder, below]) => {
  const above = Object.keys(coreLayers).filter(
    (other) => other !== folder && !below.includes(other),
  );
  return {
    files: [`core/${folder}/**/*.ts`],
    ignores: ['core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...corePurity,
            ...(above.length > 0
              ? [
                  {
                    regex: `^(\\.\\./)+(core/)?(${above.join('|')})(/|$)`,
                    message: `${
                      below.length > 0
                        ? `core/${folder} may import only core/${below.join(', core/')}`
                        : `core/${folder} imports no other core folder`
                    }: core folders depend on each other one way (coreLayers in eslint.config.js).`,
                  },
                ]
              : []),
          ],
        },
      ],
    },
  };
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'e2e/artifacts/**', 'coverage/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      // Japanese text handling writes the ideographic space (U+3000) in literals on purpose; code stays checked.
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipRegExps: true, skipTemplates: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: [
      'core/**/*.ts',
      'main/**/*.ts',
      'preload/**/*.ts',
      'renderer/src/**/*.{ts,tsx}',
      'e2e/**/*.ts',
    ],
    ignores: ['**/*.d.ts', 'e2e/playwright.config.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    // Playwright fixtures take an empty destructuring pattern by design.
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: corePurity }] },
  },
  ...coreLayerConfigs,
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, ...electronPatterns],
              message: 'The renderer runs sandboxed: no Node, no Electron.',
            },
            { group: ['**/main/**'], message: 'The renderer talks to main through ipc.ts only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: electronPatterns,
              message: 'Only main/electron/ imports electron; services stay plain Node.',
            },
            { group: ['**/renderer/**'], message: 'main never imports the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'main never imports the renderer.' }] },
      ],
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '/core/(?!ipc/channels$)',
              message: 'A sandboxed preload may import only electron and core/ipc/channels.',
            },
            {
              group: ['zod', 'react', '@mantine/*', ...nodeBuiltins],
              message: 'A sandboxed preload cannot require packages.',
            },
          ],
        },
      ],
    },
  },
);
