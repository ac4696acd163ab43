/**
 * Preloaded (`--require`) into the benchmark's client process so the app's own src/ code runs in
 * Node, exactly as jest runs it (jest.config.js moduleNameMapper): `@tarojs/taro` is
 * tests/support/taro-node.ts (real HTTP, in-memory storage, a scriptable my.tradePay),
 * `@tarojs/components` is its test stand-in, and stylesheets are empty.
 */
const Module = require('node:module')
const path = require('node:path')

const root = path.resolve(__dirname, '..', '..')
const aliases = {
  '@tarojs/taro': path.join(root, 'tests', 'support', 'taro-node.ts'),
  '@tarojs/components': path.join(root, 'tests', 'support', 'taro-components.tsx'),
}
const resolveFilename = Module._resolveFilename
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, aliases[request] ?? request, ...rest)
}
for (const extension of ['.scss', '.css']) {
  require.extensions[extension] = (module) => {
    module.exports = {}
  }
}
