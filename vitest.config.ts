import { defineConfig } from 'vitest/config';

// Tests run from the repository root (vite.config.ts roots the client build in client/).
export default defineConfig({
  root: '.',
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
