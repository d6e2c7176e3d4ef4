// Flat config: typescript-eslint for all TypeScript, react-hooks for the view, and the
// architectural rules: the model stays pure (no UI, store, i18n, React or d3); inside it no file
// imports a floor above its own (src/model/floors.json); the rest of the app imports it through
// its public API only.

import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import modelFloors from './src/model/floors.json' with { type: 'json' };

const MODEL_PURE = [
  {
    group: ['**/ui', '**/ui/**', '**/store', '**/store/**', '**/i18n', '**/i18n/**'],
    message: 'src/model is pure: it must not import the view, the store or i18n.',
  },
  {
    group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'd3', 'd3-*'],
    message: 'src/model is pure TypeScript: no React, no d3.',
  },
];

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One block per floor and directory depth: from a file `depth` directories below src/model,
 * an import that climbs back to src/model (`../` depth times) and enters a path of a higher
 * floor is refused. (ESLint matches the import text, so the depth makes the match exact;
 * floors.test.ts checks the resolved graph, cycles included.) Test files and test support
 * (test*.ts) keep only the purity rule.
 */
function modelFloorBlocks() {
  const floors = modelFloors.floors;
  return floors.flatMap((floor, i) => {
    const above = floors.slice(i + 1).flatMap((f) => f.paths.map((p) => p.replace(/\.ts$|\/$/, '')));
    if (above.length === 0) return [];
    const names = above.map(escapeRegex).join('|');
    const message = `src/model/floors.json: the ${floor.name} floor must not import a floor above it.`;
    const block = (files, climb) => ({
      files,
      ignores: ['src/model/**/*.test.ts', 'src/model/**/test*.ts'],
      rules: {
        'no-restricted-imports': ['error', { patterns: [...MODEL_PURE, { regex: `^${escapeRegex(climb)}(${names})(/|$)`, message }] }],
      },
    });
    return floor.paths.flatMap((p) =>
      p.endsWith('/')
        ? [0, 1, 2].map((n) => block([`src/model/${p}${'*/'.repeat(n)}*.ts`], '../'.repeat(n + 1)))
        : [block([`src/model/${p}`], './')],
    );
  });
}

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
    rules: { 'no-restricted-imports': ['error', { patterns: MODEL_PURE }] },
  },
  ...modelFloorBlocks(),
  {
    // Everything outside the model reaches it through src/model/index.ts only, so the model's
    // inside can be rearranged without touching the app.
    files: ['src/**/*.{ts,tsx}', 'bench/**/*.ts', 'e2e/**/*.ts'],
    ignores: [
      'src/model/**',
      // Micro-benchmarks time one component alone, below the public API.
      'bench/kubeproxy.ts',
      'bench/metallb.ts',
      'bench/ingressDns.ts',
      'bench/gatewayRouting.ts',
      // Sizes each kube-proxy mode's rule text from its own writer, below the public API.
      'bench/modes.ts',
      // Times the YAML reader alone against hostile texts, and against pastes that went wrong.
      'bench/limits.ts',
      'bench/pasteHelp.ts',
      'bench/gatewayApi.ts',
      // Checks the DNS catalogue against the resolver run with options no walk sets.
      'src/i18n/catalog/dns.test.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)model/(?!index$)',
              message: 'Import the model from its public API, src/model/index.ts (export what you need there).',
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
