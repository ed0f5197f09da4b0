import type { FieldBinding } from './bindings';
import { FieldSensor, type FieldSensorOptions } from './field-sensor';

/** Where the sensors read concentrations (the world). */
export interface OdourField {
  concentration(x: number, y: number, odour: string): number;
}

/** The odour a chemical binding reads when it names none (the world's default field). */
export const DEFAULT_SENSED_ODOUR = 'food';

/**
 * The nose's chemosensors, one FieldSensor per named odour: each samples its
 * own odour's field on both sides of the nose and keeps its own running
 * average. Bindings keep their order within an odour, so a circuit whose
 * bindings all read the default odour drives its neurons exactly as one
 * FieldSensor over all of them did.
 */
export class OdourSensors {
  readonly groups: readonly { readonly odour: string; readonly sensor: FieldSensor }[];

  constructor(bindings: readonly FieldBinding[], opts: FieldSensorOptions = {}) {
    const byOdour = new Map<string, FieldBinding[]>();
    for (const b of bindings) {
      const odour = b.odour ?? DEFAULT_SENSED_ODOUR;
      const list = byOdour.get(odour);
      if (list) list.push(b);
      else byOdour.set(odour, [b]);
    }
    this.groups = [...byOdour].map(([odour, list]) => ({ odour, sensor: new FieldSensor(list, opts) }));
  }

  get bound(): boolean {
    return this.groups.length > 0;
  }

  /** True when some binding opens a conductance. */
  get conducting(): boolean {
    return this.groups.some((g) => g.sensor.conducting);
  }

  /** Take this step's samples of each odour at the nose's left (lx, ly) and right (rx, ry) points. */
  sample(field: OdourField, lx: number, ly: number, rx: number, ry: number, dtMs: number): void {
    for (const g of this.groups) g.sensor.sample(field.concentration(lx, ly, g.odour), field.concentration(rx, ry, g.odour), dtMs);
  }

  apply(input: Float64Array, conductance: Float64Array): void {
    for (const g of this.groups) g.sensor.apply(input, conductance);
  }

  reset(): void {
    for (const g of this.groups) g.sensor.reset();
  }
}
