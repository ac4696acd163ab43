/**
 * One jest run covers the client's logic (src/), the console's (admin/src), the reference server
 * (server/) and the integration suites (tests/). TypeScript is transpiled only; `npm run typecheck`
 * checks types.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/server', '<rootDir>/tests', '<rootDir>/admin/src'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // Checks of dist/ run after the production builds (npm test sets CHECK_BUILDS).
  testPathIgnorePatterns: process.env.CHECK_BUILDS ? ['/node_modules/'] : ['/node_modules/', '/tests/build/'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { diagnostics: false }],
  },
  moduleNameMapper: {
    '^@contract$': '<rootDir>/contract/index.ts',
    '^@contract/limits$': '<rootDir>/contract/limits.ts',
    // Taro's APIs exist only inside a mini-program or a browser; in jest they are backed by Node
    // (real HTTP for requests, an in-memory store with Taro's semantics for storage).
    '^@tarojs/taro$': '<rootDir>/tests/support/taro-node.ts',
    '^@tarojs/components$': '<rootDir>/tests/support/taro-components.tsx',
    '\\.(css|scss)$': '<rootDir>/tests/support/style-stub.js',
  },
  // npm test runs two suites at a time on 2 cores: a database opened in a hook can take a while then.
  testTimeout: 60000,
}
