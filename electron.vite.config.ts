import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import rendererConfig from './renderer/vite.config';

const root = __dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // uuid is ESM-only; bundling it keeps the CommonJS main/services output loadable everywhere.
      externalizeDeps: { exclude: ['uuid'] },
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          // The services utility process: SQLite and PDF work never run on the UI's thread.
          services: resolve(root, 'services/process.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be a single CommonJS file.
      rollupOptions: { input: { index: resolve(root, 'electron/preload/index.ts') } },
    },
  },
  renderer: rendererConfig,
});
