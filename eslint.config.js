// Lint rules that keep the architecture of docs/architecture.md true:
// boundaries between the sides, no import cycles, consistent type imports.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import boundaries from 'eslint-plugin-boundaries';
import i18next from 'eslint-plugin-i18next';

const sides = [
  // Order matters: the first matching pattern classifies a file.
  { type: 'shell', pattern: 'electron/shell/**' },
  { type: 'desk', pattern: 'electron/**' },
  { type: 'renderer', pattern: 'renderer/**' },
  { type: 'hub', pattern: 'hub/**' },
  { type: 'dbHub', pattern: 'db/hub/**' },
  { type: 'dbReplica', pattern: 'db/replica/**' },
  { type: 'shared', pattern: 'shared/**' },
  { type: 'resources', pattern: 'resources/**' },
  { type: 'tests', pattern: 'tests/**' },
  { type: 'scripts', pattern: 'scripts/**' },
  { type: 'build', pattern: 'build/**' },
];

const to = (...types) => ({ to: { element: { types: { anyOf: types } } } });
const typeOnly = (...types) => ({ ...to(...types), dependency: { kind: 'type' } });

export default tseslint.config(
  { ignores: ['node_modules/**', '**/dist/**', 'out/**', 'test-results/**', 'playwright-report/**', 'release/**', 'coverage/**', 'db/**/migrations/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  importX.flatConfigs.typescript,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { boundaries },
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    settings: {
      // eslint-plugin-boundaries resolves through the legacy eslint-plugin-import setting.
      'import-x/resolver': { typescript: { project: ['tsconfig.json', 'shared/tsconfig.json'], noWarnOnMultipleProjects: true } },
      'import/resolver': { typescript: { project: ['tsconfig.json', 'shared/tsconfig.json'], noWarnOnMultipleProjects: true } },
      'boundaries/elements': sides,
      'boundaries/include': ['**/*.{ts,tsx,js,mjs,json}'],
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-duplicates': 'error',
      'boundaries/dependencies': ['error', {
        default: 'disallow',
        policies: [
          { from: { element: { type: 'shared' } }, allow: to('shared', 'resources') },
          { from: { element: { type: 'renderer' } }, allow: to('renderer', 'shared') },
          { from: { element: { type: 'renderer' } }, allow: typeOnly('desk') },
          { from: { element: { type: 'desk' } }, allow: to('desk', 'shared', 'dbReplica', 'resources') },
          { from: { element: { type: 'desk' } }, allow: typeOnly('hub') },
          { from: { element: { type: 'shell' } }, allow: to('shell', 'desk', 'shared') },
          { from: { element: { type: 'hub' } }, allow: to('hub', 'shared', 'dbHub', 'resources') },
          { from: { element: { types: { anyOf: ['dbHub', 'dbReplica'] } } }, allow: to('dbHub', 'dbReplica', 'shared') },
          { from: { element: { types: { anyOf: ['tests', 'scripts', 'build'] } } }, allow: to('shell', 'desk', 'renderer', 'hub', 'dbHub', 'dbReplica', 'shared', 'resources', 'tests', 'scripts', 'build') },
        ],
      }],
      // Only the Electron shell may load Electron.
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only files under electron/shell/ may import electron; the desk service runs in plain Node.' }] }],
    },
  },
  {
    // shared/ and renderer/ never touch Node.
    files: ['shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.testkit.ts'],
    rules: { 'import-x/no-nodejs-modules': 'error' },
  },
  {
    files: ['electron/shell/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Issue 7: no user-visible text hard-coded in a component; every word comes from renderer/i18n/<lang>.json.
    // JSX text and the attributes a user sees or hears (labels, titles, placeholders, alt and ARIA texts).
    files: ['renderer/src/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': ['error', {
        mode: 'jsx-only',
        'jsx-attributes': { include: ['^(label|title|placeholder|alt|aria-label|aria-description|aria-valuetext|description|errorMessage|emptyText|heading|text|tooltip)$'] },
        // Punctuation, symbols and figures alone are not words to translate (": ", " — ", "*", "▾").
        // Codes passed along (camelCase or UPPER_CASE identifiers such as 'saveReply', 'INTERNAL') are not text either.
        words: { exclude: ['^[\\s\\d.,:;!?*()\\[\\]{}"\'/|+=<>#%&@~^_\\-–—…▾▸·•×⟳✓✗]*$', '^[a-z][A-Za-z0-9]*$', '^[A-Z][A-Z0-9_]+$'] },
        callees: { exclude: ['^(join|t|i18n\\.t|i18next\\.t|Intl\\..*|format.*)$'] },
      }],
    },
  },
);
