import { describe, expect, test } from 'vitest';
import { getBuiltinCircuit } from '../../src/circuits/builtin';
import { circuitFromDoc } from '../../src/circuits/circuit';
import type { Circuit } from '../../src/circuits/types';
import { blankDoc } from '../../src/editor';
import { MODELS } from '../../src/neural/models';
import { runScenario } from '../../src/scenario/runner';
import type { SimBackend } from '../../src/scenario/backend';
import { createSimulation } from '../../src/sim/simulation';
import { reflexScenarios } from './reflexes';

const backend = (circuit: Circuit): SimBackend => ({
  createSimulation: (opts) => createSimulation({ ...opts, circuit, arena: 'plate' } as Parameters<typeof createSimulation>[0]),
  loadCircuitFile: () => circuit,
});

describe('Test it: the reflex checks', () => {
  test('six checks, each naming no neuron, so any circuit can be held to them', () => {
    const list = reflexScenarios();
    expect(list.map((s) => s.name)).toHaveLength(6);
    expect(new Set(list.map((s) => s.name)).size).toBe(6);
    for (const s of list) expect(JSON.stringify(s.expect)).not.toMatch(/neuron/);
  });

  test('"crawls forward" passes on the locomotion circuit and fails on an empty one', () => {
    const crawl = reflexScenarios().find((s) => s.name === 'crawls forward')!;
    expect(runScenario(crawl, { backend: backend(getBuiltinCircuit('locomotion')) }).report.pass).toBe(true);
    const empty = circuitFromDoc(blankDoc(), 'blank.json', MODELS);
    expect(runScenario(crawl, { backend: backend(empty) }).report.pass).toBe(false);
  });
});
