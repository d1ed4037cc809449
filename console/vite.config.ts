import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The staff console, served by the Koa server at /console/. `@toyclub/shared` resolves to
 * its TypeScript sources so that a fresh checkout builds without compiling shared first.
 */
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  resolve: { alias: { '@toyclub/shared': path.resolve(here, '../shared/src/index.ts') } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The CSP allows no inline script: keep Vite from inlining the module-preload helper.
    modulePreload: { polyfill: false },
    // antd alone is ~1 MB minified: vendors get chunks of their own, cached across console releases.
    chunkSizeWarningLimit: 1300,
    rollupOptions: {
      output: {
        manualChunks: { react: ['react', 'react-dom'], antd: ['antd', '@ant-design/icons'] },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
