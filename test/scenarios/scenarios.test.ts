/**
 * Every scenario file under test/scenarios/ as one vitest test, run on the
 * real simulation (src/scenario/backend.ts). A failure shows each failed
 * expectation with its measured value, its bound, the seed and the command
 * that reproduces it. A file that cannot be read fails its test; nothing is
 * skipped. NEUROWORM_SCENARIO_REPEAT=K runs K seeds per file (seed, seed+1, …).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reproduceCommand } from '../../src/cli/scenario';
import { displayPath, findScenarioFiles } from '../../src/scenario/discover';
import { runJob } from '../../src/scenario/jobs';
import { loadScenarioFile } from '../../src/scenario/load';
import { failureMessage, jobPassed } from '../../src/scenario/report';
import { simBackend } from '../../src/scenario/backend';

const files = findScenarioFiles([fileURLToPath(new URL('.', import.meta.url))]);
const repeat = Math.max(1, Number(process.env.NEUROWORM_SCENARIO_REPEAT ?? 1));

function titleOf(file: string): string {
  try {
    return `${loadScenarioFile(file).name} (${displayPath(file)})`;
  } catch {
    return displayPath(file);
  }
}

describe('scenario files in test/scenarios', () => {
  it('there are scenario files to run', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  for (const file of files) {
    it(titleOf(file), () => {
      const base = loadScenarioFile(file).seed;
      const failures: string[] = [];
      for (let k = 0; k < repeat; k++) {
        const r = runJob({ file, seed: base + k }, simBackend);
        if (!jobPassed(r)) failures.push(failureMessage({ ...r, file: displayPath(r.file) }, reproduceCommand(r)));
      }
      if (failures.length > 0) throw new Error(`${failures.length}/${repeat} runs failed\n\n${failures.join('\n\n')}`);
    }, 300_000);
  }
});
