import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'

export default defineConfig({
  plugins: [
    vue({
      template: {
        // uni-app's own tags render as plain elements in happy-dom.
        compilerOptions: {
          isCustomElement: (tag) =>
            ['view', 'text', 'image', 'scroll-view', 'swiper', 'swiper-item', 'rich-text', 'picker'].includes(tag),
        },
      },
    }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  test: {
    environment: 'happy-dom',
    setupFiles: ['tests/setup.ts'],
    include: ['tests/**/*.spec.ts'],
  },
})
