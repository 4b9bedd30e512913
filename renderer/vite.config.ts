import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const projectRoot = resolve(__dirname, '..');

/**
 * The renderer's build, shared by electron-vite (the app) and plain vite (the e2e suite
 * drives this same build in Chromium).
 */
export default defineConfig({
  root: __dirname,
  base: './',
  resolve: { alias: { '@core': resolve(projectRoot, 'core') } },
  plugins: [react()],
  build: {
    outDir: resolve(projectRoot, 'out/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    rollupOptions: { input: resolve(__dirname, 'index.html') },
  },
});
