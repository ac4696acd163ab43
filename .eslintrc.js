// ESLint with Taro's shared config (eslint-config-taro), plus the React hooks rules.
const fs = require('node:fs')
const path = require('node:path')

/** Each folder of src/features is a feature; its index.ts is what other features may use. */
const FEATURES = fs
  .readdirSync(path.join(__dirname, 'src', 'features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)

/**
 * Imports go one way, shared → features → pages (src/app.ts and src/app.config.ts, the app root,
 * may import anything), and a feature reaches another only through that feature's index.ts.
 */
const IMPORT_DIRECTION_ZONES = [
  {
    target: './src/shared',
    from: ['./src/features', './src/pages'],
    message: 'shared/ serves features and pages; it imports neither.',
  },
  {
    target: './src/features',
    from: './src/pages',
    message: 'Pages compose features; a feature never imports a page.',
  },
  ...FEATURES.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [
      `./${feature}`,
      ...FEATURES.filter((other) => other !== feature).map((other) => `./${other}/index.ts`),
    ],
    message: "Import another feature through its index.ts (e.g. '../orders'), not a file inside it.",
  })),
]

/** src imports its own files by relative path: one import style, no `@/` alias. */
const RELATIVE_IMPORTS_ONLY = { group: ['@/*'], message: 'Import files of src by relative path.' }

const NO_SERVER_CODE = {
  group: ['**/server/**', '**/server'],
  message: 'The app must not import server code.',
}

/**
 * The contract's TypeBox schemas are server-side: the app takes only types from it, and values
 * from @contract/limits alone (a plain-values module that Taro compiles into the bundle).
 */
const CONTRACT_TYPES_ONLY = {
  paths: [
    {
      name: '@contract',
      message: 'Use `import type` from @contract in the app; values come from @contract/limits.',
      allowTypeImports: true,
    },
  ],
  patterns: [
    {
      group: ['@contract/*', '!@contract/limits'],
      message: 'Use `import type` from @contract in the app; values come from @contract/limits.',
      allowTypeImports: true,
    },
    {
      group: ['**/contract', '**/contract/**'],
      message: 'Import the contract as @contract (types) or @contract/limits (values).',
    },
  ],
}

/** The mini-program never imports the merchant console (admin/): its bundle must not grow. */
const NO_CONSOLE_CODE = {
  group: ['**/admin/**', '**/admin'],
  message: 'The mini-program must not import the merchant console (admin/).',
}

module.exports = {
  extends: ['taro/react', 'plugin:react-hooks/recommended'],
  // The import rules follow TypeScript files too (Taro's config knows only .js/.mjs/.json).
  settings: {
    'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] } },
    'import/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
  },
  rules: {
    'react/jsx-uses-react': 'off',
    'react/react-in-jsx-scope': 'off',
    'import/no-commonjs': 'off',
  },
  overrides: [
    {
      files: ['src/**/*.ts', 'src/**/*.tsx'],
      rules: {
        'import/no-restricted-paths': ['error', { basePath: __dirname, zones: IMPORT_DIRECTION_ZONES }],
        'import/no-cycle': 'error',
        'no-restricted-imports': 'off',
        '@typescript-eslint/no-restricted-imports': ['error', { patterns: [RELATIVE_IMPORTS_ONLY] }],
      },
    },
    {
      // The mini-program bundle (tests may use anything).
      files: ['src/**/*.ts', 'src/**/*.tsx'],
      excludedFiles: ['**/*.test.ts', '**/*.test.tsx'],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          {
            paths: CONTRACT_TYPES_ONLY.paths,
            patterns: [
              RELATIVE_IMPORTS_ONLY,
              NO_SERVER_CODE,
              NO_CONSOLE_CODE,
              ...CONTRACT_TYPES_ONLY.patterns,
            ],
          },
        ],
      },
    },
    {
      // The merchant console: a browser app that, like the mini-program, takes only types from the
      // contract (values from @contract/limits) and never imports server code.
      files: ['admin/src/**/*.ts', 'admin/src/**/*.tsx'],
      env: { browser: true, node: false },
      rules: {
        'no-restricted-imports': 'off',
        '@typescript-eslint/no-restricted-imports': [
          'error',
          { paths: CONTRACT_TYPES_ONLY.paths, patterns: [NO_SERVER_CODE, ...CONTRACT_TYPES_ONLY.patterns] },
        ],
        '@typescript-eslint/no-explicit-any': 'error',
        'import/no-cycle': 'error',
      },
    },
    {
      files: ['scripts/**/*.mjs'],
      parserOptions: { sourceType: 'module', ecmaVersion: 2022, requireConfigFile: false },
      env: { node: true },
    },
  ],
}
