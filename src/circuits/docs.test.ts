import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCircuit, serializeCircuit } from './circuit';
import { FAKE_MODELS } from './fake-models';
import { lintCircuit } from './lint';
import { CIRCUIT_RANGES } from './ranges';
import { rangeTable } from '../text/ranges';

const doc = readFileSync(new URL('../../docs/circuit-format.md', import.meta.url), 'utf8');

describe('docs/circuit-format.md', () => {
  it('shows an example that loads, draws no warnings, and is written exactly as the app saves it', () => {
    const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const c = parseCircuit(example!, 'docs example', FAKE_MODELS);
    expect(lintCircuit(c)).toEqual([]);
    expect(serializeCircuit(c)).toBe(example);
  });

  it('prints the ranges the loader checks, from the same table', () => {
    expect(doc).toContain(rangeTable(CIRCUIT_RANGES));
  });
});
