// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// Mini-program code runs on the phone's own JS engine, which can be years older than a browser:
// compile it down to ES2017 (no `?.`, `??`, object spread), as old Alipay/WeChat clients need.
// H5 keeps the browserslist in .browserslistrc.
const isMiniProgram = process.env.TARO_ENV !== 'h5'

module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        // Babel has no data for Android's version numbers, so it would compile everything to ES5:
        // async functions stay as they are (ES2017), saving the regenerator runtime and its state
        // machines in every package.
        ...(isMiniProgram
          ? {
              targets: { ios: '11', android: '7' },
              exclude: ['transform-async-to-generator', 'transform-regenerator'],
            }
          : {}),
      },
    ],
  ],
}
