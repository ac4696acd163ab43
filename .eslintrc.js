// ESLint with Taro's shared config (eslint-config-taro), plus the React hooks rules.
module.exports = {
  extends: ['taro/react', 'plugin:react-hooks/recommended'],
  rules: {
    'react/jsx-uses-react': 'off',
    'react/react-in-jsx-scope': 'off',
    'import/no-commonjs': 'off',
  },
  overrides: [
    {
      // The mini-program bundle: only types may come from the contract (its TypeBox schemas are
      // server-side), and nothing from the server.
      files: ['src/**/*.ts', 'src/**/*.tsx'],
      excludedFiles: ['**/*.test.ts', '**/*.test.tsx'],
      rules: {
        'no-restricted-imports': 'off',
        '@typescript-eslint/no-restricted-imports': [
          'error',
          {
            paths: [
              {
                name: '@contract',
                message: 'Use `import type` from @contract in the app.',
                allowTypeImports: true,
              },
            ],
            patterns: [
              { group: ['**/server/**', '**/server'], message: 'The app must not import server code.' },
            ],
          },
        ],
      },
    },
    {
      files: ['scripts/**/*.mjs'],
      parserOptions: { sourceType: 'module', ecmaVersion: 2022, requireConfigFile: false },
      env: { node: true },
    },
  ],
}
