/**
 * The evolved example circuits (examples/evolve/*.out/best.circuit.json,
 * made by `neuroworm evolve` from the specs beside them) held to issue 17's
 * goals on cases their evolution never saw:
 *
 * - crawl (from random values of 25 free parameters of `locomotion`): forward
 *   at 0.1–0.3 body lengths/s, bending at 0.3–0.6 Hz, the wave head to tail,
 *   on 5 held-out seeds, and from other start headings;
 * - touch (from unwired touch receptors and command neurons): the editor's
 *   "Test it" gentle-touch checks (scenes/editor/reflexes.ts: nose touch at
 *   0.05 → reversal within 1.5 s; tail touch at 0.92 → keeps forward; seed 1),
 *   which training never used, and the same checks on held-out seeds.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { reflexScenarios } from '../../scenes/editor/reflexes';
import { parseCircuit } from '../../src/circuits/circuit';
import type { Circuit } from '../../src/circuits/types';
import { runOn } from '../../src/evolve/adapters';
import { loadScenarioFile } from '../../src/scenario/load';
import type { Scenario } from '../../src/scenario/types';

const file = (name: string) => new URL(`../../examples/evolve/${name}`, import.meta.url).pathname;
const circuit = (name: string) => parseCircuit(readFileSync(file(name), 'utf8'), name);
const HELD_OUT = [101, 102, 103, 104, 105];

function failures(report: ReturnType<typeof runOn>): string {
  return (
    report.error ??
    report.expectations
      .filter((e) => !e.pass)
      .map((e) => `${e.name}: measured ${e.measured} (${e.bound} ${e.unit}) — ${e.detail}`)
      .join('\n')
  );
}

describe('evolved crawling (examples/evolve/crawl.evolve.yaml)', () => {
  let crawl: Circuit;
  let scenario: Scenario;
  beforeAll(() => {
    crawl = circuit('crawl.out/best.circuit.json');
    scenario = loadScenarioFile(file('crawl.scenario.yaml'));
  });

  it('crawls as the spec asks on every held-out seed (the spec’s scenario: 0.1–0.3 bl/s, 0.3–0.6 Hz, head to tail)', () => {
    expect(scenario.expect.map((e) => e.kind)).toEqual(['speed', 'bendingFrequency', 'waveDirection', 'metric', 'doesNotReverse']);
    for (const seed of HELD_OUT) {
      const r = runOn(crawl, scenario, seed);
      expect(r.pass, `seed ${seed}:\n${failures(r)}`).toBe(true);
    }
  });

  it.each([90, 200, 315])('crawls the same way started heading %i°', (heading) => {
    const turned: Scenario = { ...scenario, worm: { x: 5, y: 5, heading } };
    const r = runOn(crawl, turned, 7);
    expect(r.pass, failures(r)).toBe(true);
  });
});

describe('evolved gentle-touch withdrawal (examples/evolve/touch.evolve.yaml)', () => {
  let touch: Circuit;
  let start: Circuit;
  const checks = reflexScenarios().filter((s) => s.name.startsWith('head touch') || s.name.startsWith('tail touch'));
  beforeAll(() => {
    touch = circuit('touch.out/best.circuit.json');
    start = circuit('touch-start.circuit.json');
  });

  it('starts from touch receptors and command neurons with no synapse', () => {
    const wired = (c: Circuit) => (c.doc.synapses ?? []).filter((s) => ['ALM', 'AVM', 'PLM', 'AVA', 'AVB'].some((n) => s.from === n || s.to === n));
    expect(wired(start)).toEqual([]);
    expect(wired(touch).length).toBeGreaterThan(0);
    expect(checks.map((s) => s.name)).toEqual(['head touch → backs away', 'tail touch → keeps going forward']);
  });

  it('passes the editor’s Test it gentle-touch checks', () => {
    for (const s of checks) {
      const r = runOn(touch, s, s.seed);
      expect(r.pass, `${s.name}:\n${failures(r)}`).toBe(true);
    }
  });

  it('passes them on the held-out seeds too', () => {
    for (const seed of HELD_OUT)
      for (const s of checks) {
        const r = runOn(touch, s, seed);
        expect(r.pass, `${s.name}, seed ${seed}:\n${failures(r)}`).toBe(true);
      }
  });
});
