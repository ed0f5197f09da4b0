import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { circuitFromDoc, lintCircuit, serializeCircuit } from '../../src/circuits/index';
import { Builder } from '../../src/circuits/builtin/builder';
import { addLocomotion } from '../../src/circuits/builtin/locomotion';
import { addChemotaxis, addSenses, addThermotaxis, addToxinAvoidance, senseCircuits, SENSES } from '../../src/circuits/builtin/senses';
import { createSimulation } from '../../src/sim/simulation';

const core = () => {
  const b = new Builder();
  addLocomotion(b);
  return b;
};

describe('sensory layers', () => {
  it('refuse a builder without the locomotion core, naming the missing hook', () => {
    for (const add of [addChemotaxis, addThermotaxis, addToxinAvoidance, addSenses]) {
      expect(() => add(new Builder())).toThrow(/no neuron (AVA|AVB|RMDD|RMDV).*addLocomotion/);
    }
  });

  it('compose: all layers together share AIB and the SMBs once, and load and lint like the single layers', () => {
    const b = core();
    addSenses(b);
    const ids = b.neurons.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['ASEL', 'ASER', 'AIY', 'AIZ', 'AIB', 'AWAL', 'AWAR', 'SMBD', 'SMBV', 'AFDL', 'AFDR', 'ASHL', 'ASHR', 'ADL']) expect(ids).toContain(id);
    const c = circuitFromDoc(b.doc('all', 'all senses'), 'all.json');
    const base = new Set(lintCircuit(circuitFromDoc(core().doc('core', ''), 'core.json')).map((w) => w.message));
    expect(lintCircuit(c).filter((w) => !base.has(w.message))).toEqual([]);
  });

  it('reuse an SMB or AIB another layer already made, without an AIB → AVA loop', () => {
    const b = core();
    b.neuron('SMBV', 'inter', 'acetylcholine', {}, undefined, 0, 0);
    b.chem('SMBV', 'RMDV', 2);
    b.neuron('AIB', 'inter', 'glutamate', {}, undefined, 0, 0);
    b.chem('AVA', 'AIB', 1);
    addSenses(b);
    expect(b.neurons.filter((n) => n.id === 'SMBV' || n.id === 'AIB')).toHaveLength(2);
    expect(b.synapses.filter((s) => s.from === 'SMBV' && s.to === 'RMDV')).toEqual([{ from: 'SMBV', to: 'RMDV', kind: 'chemical', weight: 2 }]);
    expect(b.synapses.filter((s) => s.from === 'AIB' && s.to === 'AVA')).toEqual([]);
    expect(() => circuitFromDoc(b.doc('x', ''), 'x.json')).not.toThrow();
  });

  it('the committed JSON files are what the generator writes', () => {
    for (const [name, doc] of Object.entries(senseCircuits())) {
      const file = readFileSync(new URL(`../../src/circuits/builtin/${name}.json`, import.meta.url), 'utf8');
      expect(file, `${name}.json is stale: run npx tsx src/circuits/builtin/generate.ts`).toBe(serializeCircuit(circuitFromDoc(doc, `${name}.json`)));
    }
  });

  it('AFD is silent at the cultivation temperature and driven above it', () => {
    const sim = createSimulation({ circuit: 'thermotaxis', arena: 'plate', seed: 1, neuralNoisePa: 0 });
    const afd = sim.neuronIds.indexOf('AFDL');
    sim.run(500);
    const cool = sim.telemetry().v[afd];
    expect(cool).toBeCloseTo(-65, 0);
    const [x, y] = sim.headPosition();
    sim.heatSpot(x, y, 8, 0.5);
    sim.run(200);
    // 0.25 pA/°C · 8 °C (a little less off the spot's centre) · 20 mV/pA above rest.
    expect(sim.telemetry().v[afd] - cool).toBeGreaterThan(SENSES.afdGain * 6 * 20);
  });

  it('steering: odour richer on the left excites AWAL (→ SMBD, bends left), not AWAR', () => {
    // food-gradient: food at (9, 6). Nose at (5.5, 6) heading −y (up on screen): the worm's left is +x, the food side.
    const sim = createSimulation({
      circuit: 'chemotaxis',
      arena: 'food-gradient',
      seed: 1,
      neuralNoisePa: 0,
      start: { xMm: 5.5, yMm: 6, headingRad: -Math.PI / 2 },
    });
    const [l, r] = ['AWAL', 'AWAR'].map((id) => sim.neuronIds.indexOf(id));
    // The comparison cells are slow (τ SENSES.compareTauMs) and still follow the head's sweep a little:
    // judged over the first two seconds (about one sweep), not at one instant.
    let meanL = 0;
    let maxR = 0;
    const steps = 2000 / sim.physicsStepMs;
    for (let i = 0; i < steps; i++) {
      sim.step();
      const o = sim.telemetry().output;
      meanL += o[l] / steps;
      maxR = Math.max(maxR, o[r]);
    }
    expect(meanL).toBeGreaterThan(0.4);
    expect(maxR).toBeLessThan(0.1);
  });
});
