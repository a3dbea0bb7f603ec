import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests of the built app (run `npm run build` first). Global setup starts
 * dist/server/main.js on a free port with a fresh SQLite database and shares its address
 * and setup link with the tests (e2e/support/state.ts); global teardown stops it.
 *
 * Tests run one after the other: the desk journey builds the data the later steps read.
 */
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/support/global-setup.ts',
  globalTeardown: './e2e/support/global-teardown.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Generous limits: these machines are shared and noisy, and an axe scan of a large page under
  // load can take tens of seconds. A limit is only reached by a test that is failing anyway.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    ...devices['Desktop Chrome'],
    // Set by global setup before the workers start (they inherit the environment).
    baseURL: process.env.APPRODO_E2E_BASE_URL,
    locale: 'it-IT',
    timezoneId: 'Europe/Rome',
    acceptDownloads: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
});
