import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { circuitFromDoc, serializeCircuit } from '../circuits/circuit';
import { getBuiltinCircuit } from '../circuits/builtin';
import { getArena } from '../world/builtins';
import { parseArena } from '../world/parse';
import { PINNED_ODOUR_ARENA } from '../world/testing';
import { createSimulation } from './simulation';

const G = { capacitance: 1, tauMs: 20, restMv: -65, vHalfMv: -45, slopeMv: 4 };
const arena = parseArena(PINNED_ODOUR_ARENA);

/** Three cells on the nose's chemical sensors (level, on, off), no muscles; `odour` on every binding when given. */
function noseCircuit(odour?: string) {
  const o = odour === undefined ? {} : { odour };
  return circuitFromDoc(
    {
      format: 'neuroworm-circuit',
      version: 1,
      name: 'nose',
      neurons: ['L', 'ON', 'OFF'].map((id) => ({ id, model: 'graded', params: G })),
      synapses: [{ from: 'L', to: 'ON', kind: 'chemical', weight: 0.5 }],
      sensors: [
        { neuron: 'L', sensor: 'chemical', side: 'left', response: 'level', gain: 40, ...o },
        { neuron: 'ON', sensor: 'chemical', side: 'right', response: 'on', gain: 300, ...o },
        { neuron: 'OFF', sensor: 'chemical', side: 'left', response: 'off', gain: 300, ...o },
        { neuron: 'L', sensor: 'chemical', side: 'right', response: 'level', gain: -10, ...o },
      ],
      muscles: [],
    },
    'nose.json',
  );
}

function voltageHash(circuit: ReturnType<typeof noseCircuit>, a = arena): string {
  const sim = createSimulation({ circuit, arena: a, seed: 3 });
  const h = createHash('sha256');
  while (sim.timeMs < 4000) {
    sim.step();
    h.update(Float64Array.from(sim.telemetry().v));
  }
  return h.digest('hex').slice(0, 16);
}

describe('chemical sensors read a named odour', () => {
  // Recorded before odours had names (main at 98d4708).
  it('reads the default odour bit for bit as before, and "food" named is the same as none', () => {
    expect(voltageHash(noseCircuit())).toBe('cdb0d0d69b51480d');
    expect(voltageHash(noseCircuit('food'))).toBe('cdb0d0d69b51480d');
  });

  it('a butanone sensor feels butanone and not the food odour', () => {
    const withButanone = parseArena({
      ...arena,
      chemicals: { ...arena.chemicals, sources: [{ at: [3.5, 3], radius: 0.3, emission: 0.2, odour: 'butanone' }] },
    });
    const v = (circuitOdour: string, a: typeof arena) => {
      const sim = createSimulation({ circuit: noseCircuit(circuitOdour), arena: a, seed: 3 });
      while (sim.timeMs < 3000) sim.step();
      return sim.telemetry().v[0];
    };
    // L on butanone rises well above rest where butanone is; on the plain plate (food odour only) it stays at rest.
    expect(v('butanone', withButanone)).toBeGreaterThan(-60);
    expect(v('butanone', arena)).toBeCloseTo(-65, 0);
    expect(v('diacetyl', withButanone)).toBeCloseTo(-65, 0);
  });

  it('the default worm with "food" written on every chemical binding and food runs the same trajectory as without', () => {
    const doc = JSON.parse(serializeCircuit(getBuiltinCircuit('worm')));
    for (const s of doc.sensors) if (s.sensor === 'chemical' && s.odour === undefined) s.odour = 'food';
    const named = circuitFromDoc(doc, 'worm-named.json');
    const plate = getArena('food-gradient');
    const namedPlate = parseArena({ ...plate, food: plate.food.map((f) => ({ ...f, odour: 'food' })) });
    const path = (circuit: unknown, a: typeof plate): number[] => {
      const sim = createSimulation({ circuit: circuit as never, arena: a, seed: 11 });
      const out: number[] = [];
      while (sim.timeMs < 2000) {
        sim.step();
        out.push(...sim.headPosition());
      }
      return out;
    };
    expect(path(named, namedPlate)).toEqual(path('worm', plate));
  });

  it('refuses an unknown odour in a circuit file, listing the known ones', () => {
    const doc = {
      format: 'neuroworm-circuit',
      version: 1,
      name: 'bad',
      neurons: [{ id: 'A', model: 'graded', params: G }],
      synapses: [],
      sensors: [{ neuron: 'A', sensor: 'chemical', side: 'left', response: 'level', gain: 1, odour: 'diacetly' }],
      muscles: [],
    };
    expect(() => circuitFromDoc(doc, 'bad.json')).toThrow(
      /bad\.json.*sensors\[0\] \(A\)\.odour: "diacetly" is not a valid odour \(did you mean "diacetyl"\?\); allowed: "food", "diacetyl"/s,
    );
  });
});
