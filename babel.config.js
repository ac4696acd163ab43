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
        ...(isMiniProgram ? { targets: { ios: '11', android: '7' } } : {}),
      },
    ],
  ],
}
