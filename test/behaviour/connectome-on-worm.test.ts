/**
 * The imported White/Varshney connectome, with its muscle and sensor bindings
 * and the importer's default scales, driving the simulated worm, from the
 * published tables the project ships in data/.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/sim/simulation';
import { DEFAULT_WEIGHT_SCALE, importConnectome, type ImportOptions } from '../../src/circuits/connectome/import';
import { publishedTable, WORM_TABLES } from '../../src/circuits/connectome/published-tables';
import { WORM_MODEL } from '../../src/circuits/connectome/worm-model';
import { touchExtremes as drive } from './connectome-touches';

function importWorm(options: ImportOptions = {}) {
  return importConnectome(WORM_TABLES.map(publishedTable), options).circuit;
}

describe('the imported White/Varshney connectome on the worm', () => {
  it('with the default scales and no class model: 4 s of touches, every V finite and within −80..+30 mV, muscles in 0..1', () => {
    const circuit = importWorm({ classModel: false });
    expect(circuit.doc.muscles?.length).toBeGreaterThan(200);
    expect(circuit.doc.sensors?.length).toBeGreaterThan(30);
    const sim = createSimulation({ circuit, seed: 3 });
    // The default relies on the engine's stiff gap junctions: AVAL's Σg = 113 contacts × 0.04 nS on 1 pF.
    expect(DEFAULT_WEIGHT_SCALE).toBe(0.04);
    expect(sim.network.gapStiffness(sim.neuralStepMs).stiff).toContain('AVAL');
    const r = drive(sim, 4000);
    expect(Number.isFinite(r.lo) && Number.isFinite(r.hi), `V ${r.lo}..${r.hi}`).toBe(true);
    // docs/connectome-import.md: no neuron can leave −74.6..+25 mV at these scales (plus the noise).
    expect(r.lo).toBeGreaterThanOrEqual(-80);
    expect(r.hi, r.worst).toBeLessThanOrEqual(30);
    expect(r.muscleMax).toBeGreaterThan(0);
    expect(r.muscleMax).toBeLessThanOrEqual(1);
  });

  it('with the class model (the default): the same touches keep every V finite and within −80..+30 mV; its stretch receptors are conductances', () => {
    const circuit = importWorm();
    const stretch = circuit.sensors.filter((b) => b.sensor === 'stretch');
    expect(stretch.length).toBeGreaterThan(20);
    expect(circuit.sensors.every((b) => b.transduction === 'conductance')).toBe(true);
    const r = drive(createSimulation({ circuit, seed: 3 }), 4000);
    expect(Number.isFinite(r.lo) && Number.isFinite(r.hi), `V ${r.lo}..${r.hi}`).toBe(true);
    expect(r.lo).toBeGreaterThanOrEqual(-80);
    expect(r.hi, r.worst).toBeLessThanOrEqual(30);
    expect(r.muscleMax).toBeLessThanOrEqual(1);
    // …and it moves its muscles: the silent import's peak was 0.026 (issue 18).
    expect(r.muscleMax).toBeGreaterThan(0.5);
  });

  it('the same class model with linear stretch currents leaves that range (the bound comes from the conductances)', () => {
    const r = drive(createSimulation({ circuit: importWorm({ classModel: { ...WORM_MODEL, transduction: 'current' } }), seed: 3 }), 4000);
    expect(r.lo).toBeLessThan(-80);
  });

  it('at 25× the default weights (contacts as pA and nS) it stays finite: stiffness no longer limits the scale', () => {
    const sim = createSimulation({ circuit: importWorm({ weightScale: 1, muscleScale: 1 }), seed: 3 });
    const r = drive(sim, 2000);
    expect(Number.isFinite(r.lo) && Number.isFinite(r.hi), `V ${r.lo}..${r.hi}`).toBe(true);
  });
});
