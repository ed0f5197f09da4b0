/**
 * A reflex check must not pass on a worm with no nervous system to speak of.
 * A harsh poke shoves the body back 0.07 mm in 50 ms; that shove used to
 * count as a reversal (the scenario `reverses` check and the editor's "Test
 * it" escape check passed on an empty circuit). A reversal is now crawling
 * the body's own muscles make: the behaviour tracker leaves out the motion
 * while a poke pushes. Every reflex expectation kind and every Test it check
 * is held to this on an empty and on a one-neuron circuit.
 */
import { describe, expect, it } from 'vitest';
import { circuitFromDoc } from '../../src/circuits/circuit';
import type { Circuit } from '../../src/circuits/types';
import { blankDoc } from '../../src/editor';
import { MODELS } from '../../src/neural/models';
import { scenario } from '../../src/scenario/builder';
import { runScenario } from '../../src/scenario/runner';
import type { SimBackend } from '../../src/scenario/backend';
import { createSimulation } from '../../src/sim/simulation';
import { reflexScenarios } from '../../scenes/editor/reflexes';

const silent: Record<string, Circuit> = {
  empty: circuitFromDoc(blankDoc(), 'empty.json', MODELS),
  'one neuron': circuitFromDoc({ ...blankDoc(), neurons: [{ id: 'N', model: 'graded', role: 'inter' }] }, 'one.json', MODELS),
};

const backend = (circuit: Circuit): SimBackend => ({
  createSimulation: (opts) => createSimulation({ ...opts, circuit, arena: 'plate' } as Parameters<typeof createSimulation>[0]),
  loadCircuitFile: () => circuit,
});

/** Harsh pokes to the head (a train of five, 2 s apart, then one after a rest): every reflex kind's stimulus. */
const pokes = () =>
  scenario('silent worm, harsh pokes')
    .circuit('silent')
    .arena('plate')
    .duration('20s')
    .at('2s')
    .label('pokes')
    .every('2s', 5)
    .poke({ position: 0.05, kind: 'harsh' })
    .at('16s')
    .label('rested')
    .poke({ position: 0.05, kind: 'harsh' });

const reflexKinds = {
  reverses: pokes().expect.reversesWithin('1.5s', { after: 'pokes' }),
  'moves backward': pokes().expect.movesBackward('0.01mm', { after: 'pokes', for: '1.5s' }),
  'moves forward after a tail poke': pokes().expect.movesForward('0.01mm', { after: 'pokes', for: '1.5s' }),
  speed: pokes().expect.speedBetween('0.02mm/s', '1mm/s', { after: 'pokes', for: '1.5s' }),
  habituates: pokes().expect.habituates('pokes', { window: '1.5s' }),
  recovers: pokes().expect.recovers('pokes', 'rested', { window: '1.5s', ratioAtLeast: 0.5 }),
  'metric backwardTravel': pokes().expect.metric('backwardTravel', { atLeast: 0.01 }, { after: 'pokes', for: '1.5s' }),
  'metric reversalCount': pokes().expect.metric('reversalCount', { atLeast: 1 }),
};

describe('on a silent circuit every reflex check fails: the poke’s shove is not a reflex', () => {
  for (const [circuitName, circuit] of Object.entries(silent)) {
    it(`${circuitName}: every reflex expectation kind`, () => {
      for (const [kind, built] of Object.entries(reflexKinds)) {
        const { report, recording } = runScenario(built.build(), { backend: backend(circuit) });
        expect(report.expectations[0].pass, `${kind}: ${report.expectations[0].detail}`).toBe(false);
        expect(recording.events.filter((e) => e.type === 'reversal-start')).toEqual([]);
        expect(recording.back[recording.count - 1]).toBeLessThan(1e-9); // no backward crawling at all (float noise aside)
      }
    });

    it(`${circuitName}: every Test it check`, () => {
      for (const s of reflexScenarios()) {
        const { report } = runScenario(s, { backend: backend(circuit) });
        expect(report.pass, `${s.name}: ${report.expectations.map((e) => e.detail).join('; ')}`).toBe(false);
      }
    });
  }

  it('while a circuit that does reverse still passes the escape check (the test is not too strict)', () => {
    const escapeCheck = reflexScenarios().find((s) => s.name === 'harsh head poke → escape');
    expect(escapeCheck).toBeDefined();
    const { report } = runScenario(escapeCheck!, {
      backend: {
        ...backend(silent.empty),
        createSimulation: (opts) => createSimulation({ ...opts, circuit: 'worm', arena: 'plate' } as Parameters<typeof createSimulation>[0]),
      },
    });
    expect(report.pass, report.expectations.map((e) => e.detail).join('; ')).toBe(true);
  });
});
