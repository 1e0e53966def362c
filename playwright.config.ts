// End-to-end tests of the renderer in Debian's Chromium against the real system: a demo hub (PGlite, mailing to a
// local SMTP server) and three desks in web mode (the third behind a TCP proxy the tests can cut), started by
// tests/e2e/support/globalSetup.ts on free ports.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/support/globalSetup.ts',
  // The scenarios share one hub and desks that hold one session each: run them in order.
  workers: 1,
  // One retry, reported as "flaky" in the output: requestExchange.spec.ts once hung for 120 s on the Hungarian
  // desk's language switch after log-in (trace kept by CI; cause not found yet, see the issue note). A retry keeps
  // such a hang visible without letting it sink the whole run; a test that fails twice still fails.
  retries: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  outputDir: 'test-results/e2e',
  use: {
    viewport: { width: 1280, height: 720 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
