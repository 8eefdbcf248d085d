import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'bench/results/**', 'bench/.data/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // A module is used through its index.ts only: never another module's service, repository or routes.
    files: ['server/src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../*/*.repository*', '../*/*.service*', '../*/*.routes*', '../*/*.presenter*', '../*/*.recycle*'], message: "Use the other module's index.ts." },
          ],
        },
      ],
    },
  },
  {
    // A migration does to a database what it did when it landed: it takes no code from the application.
    files: ['server/src/migrations/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(platform|modules)/|^@crm/',
              message: 'Migrations are frozen: copy the code, as it was when the migration landed, into it or into server/src/migrations/frozen/.',
            },
          ],
        },
      ],
    },
  },
  // A web feature is used through its index.ts only: never another feature's pages, components or
  // api.ts. Patterns match the import text, not the resolved file, so there is one block per folder
  // depth below web/src/features/ (depth d: d times '../' reaches features/, one more web/src/).
  ...[1, 2, 3, 4].map((depth) => ({
    files: [`web/src/features/*/${'*/'.repeat(depth - 1)}*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./){${depth}}[^./][^/]*/(?!index$)`,
              message: "Use the other feature's index.ts; what several features need goes to web/src/shared/.",
            },
          ],
        },
      ],
    },
  })),
  {
    // The app shell (router, search) takes a feature's index.ts too; pages are loaded lazily by path.
    files: ['web/src/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '/features/[^/]+/(?!index$)', message: "Use the feature's index.ts." }] },
      ],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // A form's length limit comes from the shared contract (maxLengthOf), never a copied number.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='max'][callee.object.name!='Math'][arguments.0.type='Literal']",
          message: 'Read the limit from the contract: rules.max(maxLengthOf(schema, ...path)).',
        },
        {
          selector: "ObjectExpression:has(> Property[key.name='message']) > Property[key.name='max'][value.type='Literal']",
          message: 'Read the limit from the contract: maxLengthOf(schema, ...path).',
        },
        {
          selector: "JSXAttribute[name.name='maxLength'] > JSXExpressionContainer > Literal",
          message: 'Read the limit from the contract: maxLength={maxLengthOf(schema, ...path)}.',
        },
      ],
    },
  },
  {
    // Test code reads loosely typed JSON answers.
    files: ['**/*.test.ts', 'server/src/test/**', 'e2e/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
