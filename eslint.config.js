import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-single',
      'node_modules',
      'test-results',
      'playwright-report',
      'bench/out',
      '**/*.tmp.ts',
      '**/*.tmp.config.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Payload text is rendered as text only.',
        },
      ],
    },
  },
  {
    // Features do not import each other (STYLE.md): what two need lives in components/, store/ or domain/.
    // A feature's own files sit one level down (panels/<panel>/), so only files directly in a feature are checked.
    files: ['src/features/*/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./[a-z-]+/', message: 'Features do not import each other.' }] },
      ],
    },
  },
  {
    // The domain layer is pure TypeScript: it runs in Node tests and in the worker.
    files: ['src/domain/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/domain has no React.' },
            { group: ['zustand', 'zustand/*'], message: 'src/domain has no store.' },
            {
              group: ['**/store/**', '**/features/**', '**/app/**', '**/components/**', '**/i18n/**'],
              message: 'src/domain imports nothing from the UI layers.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'sessionStorage', 'navigator'],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/parse/parse-xml.ts', 'src/domain/**/*.test.ts', 'src/domain/**/*.bench.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'fast-xml-parser',
              message: 'Only src/domain/parse/parse-xml.ts imports fast-xml-parser.',
            },
          ],
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/domain has no React.' },
            { group: ['zustand', 'zustand/*'], message: 'src/domain has no store.' },
            {
              group: ['**/store/**', '**/features/**', '**/app/**', '**/components/**', '**/i18n/**'],
              message: 'src/domain imports nothing from the UI layers.',
            },
          ],
        },
      ],
    },
  },
);
