import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './bench/chromium-launch';

// Debian's Chromium: Playwright never downloads browsers on these machines.
// No webServer: the harness (tests/e2e/harness.ts) starts a fresh app per test.
//
// Every timeout here is a hang guard, never a speed limit (README, "Tests"): assertions wait
// for their condition and return as soon as it holds, so a generous limit costs a passing test
// nothing. Playwright's defaults (5 s per assertion) failed correct tests on a loaded 2-core
// machine, where starting the server alone took several seconds and the slowest tests (hostile,
// scale, data recovery) took 44-47 s, against 60 and 90 s limits.
export default defineConfig({
  testDir: 'tests/e2e',
  // Two workers on two cores: each test runs a server and a browser. The assertions tolerate
  // the contention; one worker would only make the run longer.
  workers: 2,
  timeout: 300_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  use: {
    launchOptions: CHROMIUM_LAUNCH,
  },
});
