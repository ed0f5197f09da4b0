import { describe, expect, it } from 'vitest';
import { circuitFromDoc } from '../circuits/circuit';
import type { CircuitDoc, SensorBinding } from '../circuits/types';
import { FAKE_MODELS } from '../circuits/fake-models';
import { EditorModel } from './model';
import { withTransduction } from './transduction';

const stretch: SensorBinding = { neuron: 'DB', sensor: 'stretch', at: 0.5, side: 'left', gain: 1 };

describe('editor: sensor transduction', () => {
  it('switching to the current drops the conductance fields, and the binding stays valid', () => {
    const conductance = { ...withTransduction(stretch, 'conductance'), matchMv: -45, inhibitoryReversalMv: -80 };
    expect(conductance).toMatchObject({ transduction: 'conductance', matchMv: -45 });
    const back = withTransduction(conductance, 'current');
    expect(back).toEqual(stretch);
    const doc: CircuitDoc = { format: 'neuroworm-circuit', version: 2, neurons: [{ id: 'DB', model: 'graded' }], sensors: [back] };
    expect(() => circuitFromDoc(doc, 'x')).not.toThrow();
  });

  it('the model refuses a reversal potential out of range, naming field, range and unit', () => {
    const doc: CircuitDoc = { format: 'neuroworm-circuit', version: 2, neurons: [{ id: 'DB', model: 'graded' }], sensors: [stretch] };
    const m = new EditorModel({ models: FAKE_MODELS, doc, fileName: 'x.json' });
    const bad = m.updateSensor(0, { ...withTransduction(stretch, 'conductance'), inhibitoryReversalMv: -500 });
    expect(bad.ok).toBe(false);
    expect(bad.ok ? '' : bad.message).toMatch(/inhibitoryReversalMv.*-500.*-120.*60 mV/);
    expect(m.updateSensor(0, { ...withTransduction(stretch, 'conductance'), inhibitoryReversalMv: -80 }).ok).toBe(true);
  });
});
