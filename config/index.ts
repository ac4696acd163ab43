import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import path from 'node:path'
import devConfig from './dev'
import prodConfig from './prod'
import { DESIGN_WIDTH, H5_REM, h5RootFontScript, themeScssVariables } from './theme'

// https://docs.taro.zone/docs/next/config
export default defineConfig<'webpack5'>(async (merge) => {
  const platform = process.env.TARO_ENV ?? 'h5'
  // TARO_OUTPUT_ROOT builds somewhere else (the benchmark builds into a temp dir, leaving dist/ alone).
  const outputRoot = process.env.TARO_OUTPUT_ROOT ?? `dist/${platform}`
  // Taro compiles only src/ unless told: the limits module lives in contract/, shared with the server.
  const contractLimits = path.resolve(__dirname, '..', 'contract', 'limits.ts')
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'alipay-taro-shop',
    date: '2026-11-22',
    designWidth: DESIGN_WIDTH,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // One folder per platform: mini.project.json points at dist/alipay, project.config.json at dist/weapp.
    outputRoot,
    plugins: [],
    defineConstants: {},
    // The app imports the contract's limits by value; everything else from contract/ is types only.
    alias: {
      '@contract/limits': contractLimits,
    },
    // Colours from src/shop.config.ts become SCSS variables in every stylesheet.
    sass: { data: themeScssVariables() },
    // src/assets (logo, tab icons) is copied as /assets into every build.
    copy: { patterns: [{ from: 'src/assets/', to: `${outputRoot}/assets/` }], options: {} },
    framework: 'react',
    // Prebundling (dev only) breaks with the enhanced-resolve that npm installs beside webpack 5.91
    // ("options.roots.map is not a function"); without it dev builds are just as correct.
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    // Taro's minifier escapes every non-ASCII character (ascii_only), so each Chinese character of the
    // texts costs 6 bytes (\uXXXX) instead of UTF-8's 3. Mini-program and browser engines read the
    // UTF-8 files as they are; this keeps Taro's other terser settings (merged, not replaced).
    terser: { enable: true, config: { output: { ascii_only: false } } },
    mini: {
      // Component stylesheets are independent (BEM classes), so their order across pages is irrelevant.
      miniCssExtractPluginOption: { ignoreOrder: true },
      // Importing a module of src/ does nothing beyond importing its stylesheet, so webpack may drop
      // what a page leaves unused from a feature's index.ts: the main package keeps what the tab pages
      // use, and the rest goes to the subpackages that use it.
      webpackChain(chain) {
        chain.module
          .rule('src-without-side-effects')
          .test(/\.[jt]sx?$/)
          .include.add(path.resolve(__dirname, '..', 'src'))
          .end()
          .set('sideEffects', false)
      },
      // Taro compiles node_modules only when asked: zustand ships ES2018 (object spread).
      compile: { include: [contractLimits, (file: string) => /node_modules[\\/]zustand[\\/]/.test(file)] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      compile: { include: [contractLimits] },
      publicPath: '/',
      staticDirectory: 'static',
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      router: { mode: 'hash' },
      // Replaces Taro's root font size script (see h5RootFontScript).
      htmlPluginOption: { script: h5RootFontScript() },
      devServer: { port: Number(process.env.H5_PORT ?? 10086), host: '0.0.0.0' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        // rem sizes that follow the screen's width (config/theme.ts); the script below sets the root.
        pxtransform: { enable: true, config: { ...H5_REM } },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
