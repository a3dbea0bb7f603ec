import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    // Generous limits: these machines are shared and noisy (the CLI tests start the command
    // twice); a limit is only reached by a test that is failing anyway.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Each test file gets its own databases, so files run in parallel safely.
    pool: 'forks',
  },
});
