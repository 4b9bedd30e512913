import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const projectRoot = resolve(__dirname, '..');

/**
 * recharts and the packages only it uses, as one chunk fetched only by the pages that draw
 * charts. Left to the automatic splitting, recharts shared a chunk with the app's chart
 * theme and came in a dozen smaller chunks per page (docs/PERFORMANCE.md). clsx and
 * use-sync-external-store are used by the rest of the app too, so they stay out: a group
 * that took them would be loaded with the entry.
 */
const CHART_PACKAGES =
  /[\\/]node_modules[\\/](recharts|victory-vendor|d3-[a-z-]+|internmap|decimal\.js-light|es-toolkit|eventemitter3|immer|reselect|redux|redux-thunk|react-redux|@reduxjs[\\/]toolkit|@standard-schema[\\/]utils|tiny-invariant)[\\/]/;

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
    rolldownOptions: {
      input: resolve(__dirname, 'index.html'),
      output: {
        codeSplitting: {
          // A group takes only the modules it names: react, shared by all, stays where the
          // automatic splitting puts it rather than following recharts into its chunk.
          includeDependenciesRecursively: false,
          groups: [{ name: 'charts', test: CHART_PACKAGES }],
        },
      },
    },
  },
});
