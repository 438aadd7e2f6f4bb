import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Interdit toute injection de HTML : les données ne passent que par textContent / JSX. */
const noHtmlInjection = {
  'no-restricted-properties': [
    'error',
    { property: 'innerHTML', message: 'Interdit : utiliser textContent ou des nœuds DOM.' },
    { property: 'outerHTML', message: 'Interdit : utiliser textContent ou des nœuds DOM.' },
    { property: 'insertAdjacentHTML', message: 'Interdit : utiliser des nœuds DOM.' },
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Interdit.' },
    { selector: "CallExpression[callee.property.name='write'][callee.object.name='document']", message: 'Interdit.' },
  ],
  'no-eval': 'error',
  'no-implied-eval': 'error',
  'no-new-func': 'error',
};

export default tseslint.config(
  { ignores: ['node_modules/**', '.output/**', '.wxt/**', 'dist-cli/**', 'coverage/**', '.tmp/**', '.prof/**', '.out-*/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        window: 'readonly', document: 'readonly', console: 'readonly', process: 'readonly',
        setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', Blob: 'readonly',
      },
    },
    rules: {
      ...noHtmlInjection,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly', console: 'readonly', URL: 'readonly', URLSearchParams: 'readonly', Buffer: 'readonly',
        setTimeout: 'readonly', clearTimeout: 'readonly', chrome: 'readonly', window: 'readonly',
        document: 'readonly', location: 'readonly', localStorage: 'readonly', structuredClone: 'readonly',
      },
    },
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
);
