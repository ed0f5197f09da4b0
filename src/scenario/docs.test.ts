import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rangeTable } from '../text/ranges';
import { expectationTable } from './expectations/docs';
import { SCENARIO_RANGES } from './ranges';

const doc = readFileSync(new URL('../../docs/scenarios.md', import.meta.url), 'utf8');

describe('docs/scenarios.md', () => {
  it('lists every expectation kind with its own docs line (from its module)', () => {
    expect(doc).toContain(expectationTable());
  });

  it('prints the ranges the loader checks, from the same table', () => {
    expect(doc).toContain(rangeTable(SCENARIO_RANGES));
  });
});
