import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['vitest.setup.ts', 'src/i18n/loadAll.setup.ts'],
    testTimeout: 60_000,
  },
});
