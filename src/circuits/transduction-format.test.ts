import { describe, expect, it } from 'vitest';
import { parseCircuit } from './circuit';
import { FAKE_MODELS } from './fake-models';

const doc = (sensor: Record<string, unknown>, model = 'graded') => ({
  format: 'neuroworm-circuit',
  version: 2,
  neurons: [{ id: 'S', model }],
  sensors: [{ neuron: 'S', sensor: 'stretch', at: 0.5, side: 'left', gain: 1, ...sensor }],
});
const parse = (d: unknown) => parseCircuit(JSON.stringify(d, null, 2), 's.json', FAKE_MODELS);

describe('circuit format: sensor transduction', () => {
  it('a file without "transduction" keeps the linear current (every version-1 and version-2 file before it)', () => {
    expect(parse(doc({})).sensors[0].transduction).toBeUndefined();
  });

  it('a binding opts in to conductance transduction, with its own reversal potentials if it likes', () => {
    const t = { transduction: 'conductance', excitatoryReversalMv: -10, inhibitoryReversalMv: -85, matchMv: -45 };
    expect(parse(doc(t)).sensors[0]).toMatchObject(t);
  });

  it('refuses an unknown transduction, naming the allowed ones', () => {
    expect(() => parse(doc({ transduction: 'ohmic' }))).toThrow(/s.json:\d+: sensors\[0\].*transduction.*"current".*"conductance"/s);
  });

  it('refuses a reversal potential out of range, naming the range and unit', () => {
    expect(() => parse(doc({ transduction: 'conductance', inhibitoryReversalMv: -500 }))).toThrow(/inhibitoryReversalMv.*-120.*60.*mV/s);
  });

  it('refuses reversal potentials on a current-transduced binding, naming the fix', () => {
    expect(() => parse(doc({ excitatoryReversalMv: 0 }))).toThrow(
      /s.json:\d+: sensors\[0\].*excitatoryReversalMv: "excitatoryReversalMv" belongs to conductance transduction.*add "transduction": "conductance", or remove "excitatoryReversalMv"/s,
    );
  });

  it('refuses a matching potential on a current-transduced binding, naming the fix', () => {
    expect(() => parse(doc({ matchMv: -45 }))).toThrow(/matchMv: "matchMv" belongs to conductance transduction/);
  });

  it('refuses conductance transduction on a transmitter neuron (no membrane potential), naming the fix', () => {
    expect(() => parse(doc({ transduction: 'conductance' }, 'transmitter'))).toThrow(
      /"S" is a transmitter neuron .*remove "transduction" \(current is the default\)/s,
    );
  });
});
