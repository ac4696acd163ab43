/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    /** The platform being built. */
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    /** The mini-program's AppID for this build (optional; see .env.development). */
    TARO_APP_ID?: string
    /**
     * Base URL of the shop API, without a trailing slash, e.g. `https://api.example.com`.
     * Set it in `.env.development` / `.env.production` (Taro inlines only `TARO_APP_*` variables,
     * and only from files named after the mode: `.env.dev` is NOT read by `taro build`).
     */
    TARO_APP_API_BASE_URL?: string
  }
}
