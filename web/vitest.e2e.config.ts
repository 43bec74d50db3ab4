import { defineConfig } from 'vitest/config';

// End-to-end: a real server and Debian's Chromium, one file at a time (2 cores; the server is shared).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // A condition awaited with expect.poll gets a real deadline: the default second is less than a cold grain's
    // first command takes on a busy 2-core machine (a body established on a fresh server failed CI that way).
    expect: { poll: { timeout: 10_000, interval: 50 } },
  },
});
