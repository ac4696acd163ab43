import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { CONSOLE_BASE_PATH } from '../contract/console'

const fromRoot = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url))

/** Libraries change less often than the console: each gets its own long-cached chunk. */
const VENDOR_CHUNKS = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[a-z-]+|dayjs|@emotion)[\\/]/ },
]

export default defineConfig({
  base: CONSOLE_BASE_PATH,
  resolve: {
    alias: {
      '@contract/limits': fromRoot('contract/limits.ts'),
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: { codeSplitting: { groups: VENDOR_CHUNKS } },
      // antd marks its modules "use client" for React Server Components; a browser bundle has none.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning)
      },
    },
  },
})
