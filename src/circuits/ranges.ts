/**
 * The allowed range of every number of the circuit format that is not a
 * neuron-model parameter (those come with their model: src/neural/models).
 * The schema checks against this table and docs/circuit-format.md prints it
 * (src/circuits/docs.test.ts compares), so both give the same range.
 */
import type { Range } from '../text/ranges';

export const CIRCUIT_RANGES = {
  'synapses[].weight (chemical)': {
    min: 0,
    max: 1000,
    unit: '',
    help: 'synaptic strength (graded targets: pA at full presynaptic output); the sign comes from "sign" or the presynaptic transmitter',
  },
  'synapses[].weight (electrical)': { min: 0, max: 1000, unit: '', help: 'gap-junction conductance (nS between graded neurons); current flows both ways' },
  'synapses[].delayMs': { min: 0, max: 1000, unit: 'ms', help: 'transmission delay' },
  'synapses[].depression.use': { min: 0, max: 1, unit: '', help: 'fraction of the resource used per spike, or per ms at full output' },
  'synapses[].depression.recoveryMs': { min: 0, above: true, max: 1e7, unit: 'ms', help: 'recovery time constant of the resource' },
  'sensors[].gain': { min: -1e4, max: 1e4, unit: '', help: 'input to the neuron per unit of the sensor signal (negative inverts)' },
  'sensors[].from, to, at': { min: 0, max: 1, unit: 'of the body length', help: 'body position, 0 = nose tip, 1 = tail tip' },
  'muscles[].gain': { min: -100, max: 100, unit: '', help: '> 0 contracts the muscles, < 0 relaxes them (GABA motor neurons)' },
  'muscles[].from, to': { min: 0, max: 1, unit: 'of the body length', help: 'body position, 0 = nose tip, 1 = tail tip' },
  'neurons[].position.x, y; editor.view.x, y': { min: -1e7, max: 1e7, unit: '', help: 'editor coordinate' },
  'editor.view.zoom': { min: 0, above: true, max: 1e6, unit: '', help: 'editor zoom factor' },
  'gap junctions onto one transmitter neuron, summed': {
    min: 0,
    max: 1,
    unit: '',
    help: 'the seed’s neuron has no leak, so gap currents move its state by g·ΔV every network step; above a sum of 1 they diverge',
  },
} as const satisfies Record<string, Range>;
