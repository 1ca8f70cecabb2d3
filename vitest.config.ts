import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

// Timeouts here are hang guards only, never a speed limit: machines differ about 3× in speed
// and a loaded one more (README, "Tests"). The slowest
// ordinary test measured about 11 s on a heavily loaded 2-core machine; the heavy fuzz and kill
// tests set their own, larger guards. On 2 cores vitest runs one test file at a time
// (maxWorkers = cores - 1), so the heavy files never compete with each other.
const HANG_GUARD = 120_000;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          exclude: ['tests/unit/dom/**'],
          testTimeout: HANG_GUARD,
          hookTimeout: HANG_GUARD,
        },
      },
      {
        // Integration suites that take minutes (packaging, SIGKILL mid-write, fuzz, dist):
        // apart, so `vitest run --project node` stays quick; `npm test` runs them all.
        test: {
          name: 'slow',
          environment: 'node',
          include: ['tests/slow/**/*.test.ts'],
          testTimeout: HANG_GUARD,
          hookTimeout: HANG_GUARD,
        },
      },
      {
        plugins: [svelte(), svelteTesting()],
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['tests/unit/dom/**/*.test.ts'],
          setupFiles: ['tests/unit/dom/setup.ts'],
          testTimeout: HANG_GUARD,
          hookTimeout: HANG_GUARD,
        },
      },
    ],
  },
});
