/**
 * The reference app of `npm run bench`: Taro 4.2.0's default React template (one page), built
 * with the shop's toolchain (its node_modules and babel settings). Keep it blank: the shop's
 * bundle is judged against it.
 */
import { defineConfig } from '@tarojs/cli'

export default defineConfig<'webpack5'>(async () => ({
  projectName: 'blank-app',
  date: '2026-11-29',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: process.env.TARO_OUTPUT_ROOT ?? `dist/${process.env.TARO_ENV}`,
  plugins: [],
  defineConstants: {},
  copy: { patterns: [], options: {} },
  framework: 'react',
  compiler: { type: 'webpack5', prebundle: { enable: false } },
  cache: { enable: false },
  mini: {
    postcss: {
      pxtransform: { enable: true, config: {} },
      cssModules: {
        enable: false,
        config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
      },
    },
  },
}))
