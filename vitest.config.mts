import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{core,db,services,templates,electron,cli,test}/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
