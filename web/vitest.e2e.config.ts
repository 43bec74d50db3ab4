import { defineConfig } from 'vitest/config';

// End-to-end: a real server and Debian's Chromium, one file at a time (2 cores; the server is shared).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
