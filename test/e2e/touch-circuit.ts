import locomotion from '../../src/circuits/builtin/locomotion.json';

/**
 * A minimal touch layer on the built-in locomotion circuit, made by the tests
 * (not a model of the worm): ALML feels gentle or harsh touch on the front
 * 40 % of the body, excites AVA and inhibits AVB; PLML feels the back 40 %
 * and excites AVB. Used to exercise the game's touch path (click → sim.poke →
 * skin → neurons → neural view → pose) until the built-in 'worm' circuit with
 * the real touch circuit is in the build.
 */
export function minimalTouchCircuit(): unknown {
  const d = JSON.parse(JSON.stringify(locomotion)) as {
    neurons: unknown[];
    synapses: unknown[];
    sensors: unknown[];
  };
  const cell = (id: string) => ({ id, model: 'graded', role: 'sensory', params: { capacitance: 15, tauMs: 50, restMv: -65, vHalfMv: -40, slopeMv: 4 } });
  d.neurons.push(cell('ALML'), cell('PLML'));
  d.synapses.push(
    { from: 'ALML', to: 'AVA', kind: 'chemical', weight: 8 },
    { from: 'ALML', to: 'AVB', kind: 'chemical', weight: 8, sign: 'inhibitory' },
    { from: 'PLML', to: 'AVB', kind: 'chemical', weight: 8 },
  );
  d.sensors.push(
    { neuron: 'ALML', sensor: 'touch', from: 0, to: 0.4, kind: 'any', gain: 60 },
    { neuron: 'PLML', sensor: 'touch', from: 0.6, to: 1, kind: 'any', gain: 60 },
  );
  return d;
}
