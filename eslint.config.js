// ESLint flat config: typescript-eslint's recommended rules over src/, test/ and scripts/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'dist-tsc/', 'node_modules/', 'coverage/', 'site/', 'docs/', 'templates/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true }],
    },
  },
  // Spreading an array into a call passes one argument per element: past ~125,000 it throws
  // RangeError on Node 20. core/arrays.ts has maxOf, minOf, pushAll and insertAll instead.
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(push|unshift|splice|max|min|fromCharCode|fromCodePoint)$/] > SpreadElement',
          message:
            '不要把数组展开成参数（元素多时抛 RangeError）：用 core/arrays.ts 的 maxOf、minOf、pushAll、insertAll',
        },
      ],
    },
  },
  // A command is one folder over the layers below it: it never imports another command (what two
  // commands share lives in core/, io/ or render/, or in commands/shared/), and it never touches the
  // file system itself (io/ does).
  {
    files: ['src/commands/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['node:fs', 'node:fs/promises', 'fs', 'fs/promises'],
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\./|shared/)',
              message: '命令不引用其他命令：共用的部分放到 core/、io/、render/ 或 commands/shared/',
            },
          ],
        },
      ],
    },
  },
  // Layers point one way (README, 架构): core imports only core; render imports only core.
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['node:fs', 'node:fs/promises', 'node:child_process'],
          patterns: [{ group: ['**/io/*', '**/commands/*', '**/render/*', '**/cli/*'], message: 'core 只引用 core' }],
        },
      ],
    },
  },
  {
    files: ['src/render/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/io/*', '**/commands/*', '**/cli/*'], message: 'render 只引用 core' }] },
      ],
    },
  },
);
