import { defineConfig } from 'vite'
import uni from '@dcloudio/vite-plugin-uni'

// The dev server proxies /api to a locally running backend, so H5 always talks to its own origin.
const backend = process.env.CMT_BACKEND || 'http://127.0.0.1:8765'

export default defineConfig({
  plugins: [uni()],
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: true, ws: true },
      '/media': { target: backend, changeOrigin: true },
    },
  },
})
