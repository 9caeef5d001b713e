import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'
import { layeringPlugin } from './scripts/eslint-layering.js'

/** DESIGN.md §1, exported alone so a test can show it firing. */
/** @type {import('eslint').Linter.Config} */
export const layeringConfig = {
  files: ['src/**/*.{ts,tsx}'],
  plugins: { folio: layeringPlugin },
  rules: { 'folio/layering': 'error' }
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      '.electron-native/**',
      'bench/.data/**',
      'test-results/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        // `_name`: a parameter or a destructured field left out on purpose.
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }
      ]
    }
  },
  {
    // Small, named pieces (STYLE.md rule 10; issue 13): no module over 450 lines, no function
    // over 80 (blank lines and comments aside).
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'max-lines': ['error', { max: 450 }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }]
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
    languageOptions: { globals: globals.browser }
  },
  {
    files: [
      'src/main/**',
      'src/preload/**',
      'test/**',
      'bench/**',
      'scripts/**',
      'bin/**',
      '*.config.*'
    ],
    languageOptions: { globals: globals.node }
  },
  {
    // The browser extension: plain JavaScript run by the browser (no typecheck, deliberately:
    // it has no build step and no chrome.* types installed).
    files: ['resources/extension/**/*.js'],
    languageOptions: { globals: { ...globals.browser, ...globals.webextensions } }
  },
  {
    // Shared code runs in every runtime: no DOM, no Node globals.
    files: ['src/shared/**'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require']
    }
  },
  {
    files: ['test/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only' },
        { object: 'describe', property: 'only' },
        { object: 'test', property: 'only' }
      ]
    }
  },
  layeringConfig
)
