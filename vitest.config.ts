import { defineConfig } from 'vitest/config';

// Two projects: fast unit/property tests (node), and browser tests that drive
// the built extension in Debian's Chromium (run after `npm run build`).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/unit/setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 60_000,
          // Each file launches its own browser; two cores allow two at once.
          maxWorkers: 2,
          fileParallelism: true,
        },
      },
    ],
  },
});
