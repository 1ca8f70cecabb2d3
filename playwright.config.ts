import { defineConfig } from '@playwright/test';

// Debian's Chromium: Playwright never downloads browsers on these machines.
// No webServer: the harness (tests/e2e/harness.ts) starts a fresh app per test.
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 2,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
