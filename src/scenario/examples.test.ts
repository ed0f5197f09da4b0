/**
 * The example scenarios shipped in test/scenarios load and validate, cover
 * the behaviours the project promises, and name only neurons the real worm
 * has (checked against the published wiring the project ships in data/, which
 * the built-in circuits follow). Running them needs the real simulation:
 * test/scenarios/scenarios.test.ts does that once it is wired.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PUBLISHED_TABLES, publishedTable } from '../circuits/connectome/published-tables';
import { findScenarioFiles } from './discover';
import { loadScenarioFile } from './load';
import { resolveNeuron } from './neurons';
import { neuronRefs } from './refs';

const dir = fileURLToPath(new URL('../../test/scenarios/', import.meta.url));
const files = findScenarioFiles([dir]);
const scenarios = files.map((f) => ({ file: f, s: loadScenarioFile(f) }));

describe('example scenarios', () => {
  it('at least a dozen, all valid, each with expectations', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(12);
    for (const { file, s } of scenarios) expect(s.expect.length, file).toBeGreaterThan(0);
  });

  it('cover touch, locomotion, chemotaxis, avoidance, habituation, ablation and the seed circuit', () => {
    const kinds = new Set(scenarios.flatMap(({ s }) => s.expect.map((e) => e.kind)));
    for (const k of [
      'reverses',
      'doesNotReverse',
      'moves',
      'speed',
      'bendingFrequency',
      'waveDirection',
      'reachesFood',
      'staysOutOfZone',
      'habituates',
      'recovers',
      'neuronFires',
      'neuronSilent',
      'metric',
    ])
      expect(kinds.has(k as never), k).toBe(true);
    const circuits = new Set(scenarios.map(({ s }) => s.circuit));
    expect([...circuits].sort()).toEqual([
      'avoidance',
      'chemotaxis',
      'choice-worm',
      'habituation',
      'locomotion',
      'seed-two-neurons',
      'thermotaxis',
      'touch-withdrawal',
      'worm',
    ]);
    expect(scenarios.some(({ s }) => s.timeline.some((t) => t.action.type === 'ablate'))).toBe(true);
  });

  it('name only neurons (or classes) of the real worm, except the seed circuit', () => {
    const ids = [
      ...new Set(
        publishedTable(PUBLISHED_TABLES.whiteVarshney)
          .text.split('\n')
          .slice(1)
          .flatMap((l) =>
            l
              .split(',')
              .slice(0, 2)
              .map((x) => x.trim()),
          )
          .filter(Boolean),
      ),
    ];
    expect(ids.length).toBeGreaterThan(250);
    for (const { file, s } of scenarios) {
      if (s.circuit === 'seed-two-neurons') continue;
      for (const { ref } of neuronRefs(s)) expect(resolveNeuron(ref, ids).length, `${file}: ${ref}`).toBeGreaterThan(0);
    }
  });
});
