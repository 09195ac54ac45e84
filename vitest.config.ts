import { defineConfig, type Plugin } from 'vitest/config';

// In the build, crxjs turns `import file from './x.ts?iife'` into the built
// script's path. Unit tests only need a path of the same shape.
const iifePaths: Plugin = {
  name: 'hearth:iife-paths',
  enforce: 'pre',
  resolveId: (id) => (id.endsWith('?iife') ? `\0iife:${id.replace(/^.*\/(.*)\.ts\?iife$/, '$1')}` : null),
  load: (id) => (id.startsWith('\0iife:') ? `export default "src/content/${id.slice(6)}.js";` : null),
};

// Two projects: fast unit/property tests (node), and browser tests that drive
// the built extension in Debian's Chromium (run after `npm run build`).
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [iifePaths],
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/unit/**/*.test.ts'],
          environment: 'node',
          // Tests set process.env.TZ per file; Node honours that in a forked
          // process but silently ignores it in a worker thread.
          pool: 'forks',
          setupFiles: ['tests/unit/setup.ts'],
          // Property tests run thousands of cases: on a busy two-core machine some take
          // several times their usual second. A timeout is no timing check here.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 60_000,
          // A loaded two-core machine can take more than the default second to settle a page.
          expect: { poll: { timeout: 5_000 } },
          // Each file launches its own browser; two cores allow two at once.
          maxWorkers: 2,
          fileParallelism: true,
        },
      },
      {
        test: {
          name: 'firefox',
          include: ['tests/firefox/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 60_000,
          expect: { poll: { timeout: 5_000 } },
          // One Firefox at a time beside the Chromium suite's two.
          fileParallelism: false,
        },
      },
      {
        // `npm run bench` only: figures are printed and kept, never asserted.
        plugins: [iifePaths],
        test: {
          name: 'bench',
          include: ['bench/**/*.bench.ts'],
          environment: 'node',
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 180_000,
        },
      },
    ],
  },
});
