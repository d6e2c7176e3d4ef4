// Flat config: typescript-eslint for all TypeScript, react-hooks for the view, and the
// one architectural rule: the model stays pure (no UI, store, i18n, React or d3).

import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'dist-cli*', 'dist-fixture', 'node_modules', 'e2e/screenshots', 'public'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts', 'src/store/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Learner text is rendered as React text, never as HTML.
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render learner text as React text.' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Render learner text as React text.' },
      ],
    },
  },
  {
    files: ['src/model/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/ui', '**/ui/**', '**/store', '**/store/**', '**/i18n', '**/i18n/**'],
              message: 'src/model is pure: it must not import the view, the store or i18n.',
            },
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'd3', 'd3-*'],
              message: 'src/model is pure TypeScript: no React, no d3.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**/*', 'bin/**/*', '*.config.{js,ts}', '**/*.test.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Model tests may check that every key the model emits has a translation.
    files: ['src/model/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
