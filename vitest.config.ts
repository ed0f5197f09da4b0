import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Three projects. `unit`: fast unit and property tests beside the code (a
// developer runs it often; under a minute). `behaviour`: the worm's
// behaviour proofs and the example scenarios over several individuals.
// `e2e`: builds the game and drives it in Debian's headless Chromium.
// `npm test` runs all three.
export default defineConfig({
  test: {
    // One test file per core. Vitest's default for a run is cores − 1, which
    // on a 2-core machine ran the whole suite one file at a time (17.8 min of
    // wall for 15 min of CPU); its main process mostly waits, so it needs no core.
    maxWorkers: availableParallelism(),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scenes/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/setup/fast-check.ts'],
          // Threads start faster than forks: 48 s against 73 s on 2 cores.
          pool: 'threads',
          // Files share a worker's module cache: importing the engine again for each of 166 files
          // took 55 s of a 104 s run; shared, 11 s of 55 s (all pass, also in shuffled order).
          isolate: false,
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'behaviour',
          include: ['test/behaviour/**/*.test.ts', 'test/scenarios/**/*.test.ts', 'test/docs/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/setup/fast-check.ts'],
          pool: 'threads',
          // A limit to catch a hang, not a speed goal (those live in the bench): a
          // five-worm run that takes 60 s on a quiet machine took 230 s at load 15.
          testTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Files in parallel like the other projects: each opens its own browser with a fresh
          // profile against the one preview server, and names its own screenshots. Run one at a
          // time, the e2e files were 560 s of a 17-minute CI run, all after the rest had finished.
        },
      },
    ],
  },
});
