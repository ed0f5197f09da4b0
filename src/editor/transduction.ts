/**
 * A sensor binding's transduction as the inspector edits it: switching to
 * the linear current drops the conductance fields (they would be refused on
 * a current binding); switching to conductance keeps whatever was set.
 */
import type { SensorBinding } from '../circuits/types';
import { TRANSDUCTION_FIELDS } from './fields';

export function withTransduction(b: SensorBinding, mode: 'current' | 'conductance'): SensorBinding {
  const out: Record<string, unknown> = { ...b };
  if (mode === 'conductance') {
    out.transduction = 'conductance';
  } else {
    delete out.transduction;
    for (const f of TRANSDUCTION_FIELDS) delete out[f];
  }
  return out as unknown as SensorBinding;
}
