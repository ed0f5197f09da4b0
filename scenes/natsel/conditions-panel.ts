import type Phaser from 'phaser';
import { NATURAL_DEFAULTS, NATURAL_RANGES, type NaturalConditions } from '../../src/evolve/natural/conditions';
import { Slider } from '../ui/Slider';

type Knob = Exclude<keyof NaturalConditions, 'seed' | 'plateMm'>;

/** The conditions the player sets, as sliders (label, unit, step); their ranges are the engine's. */
const KNOBS: ReadonlyArray<{ key: Knob; label: string; unit: string; step: number; min?: number; max?: number }> = [
  { key: 'population', label: 'Population', unit: 'worms', step: 1, max: 40 },
  { key: 'generationS', label: 'Generation', unit: 's', step: 5, min: 5, max: 180 },
  { key: 'foodPatches', label: 'Food patches', unit: '', step: 1 },
  { key: 'heatSpots', label: 'Heat spots', unit: '', step: 1 },
  { key: 'toxinPatches', label: 'Toxin patches', unit: '', step: 1 },
  { key: 'predators', label: 'Touch predators', unit: '', step: 1 },
  { key: 'mutationRate', label: 'Mutation rate', unit: '', step: 0.05 },
  { key: 'survivors', label: 'Parents', unit: '', step: 0.05 },
];

/** Sliders for the next run's conditions (they apply when the player restarts). */
export class ConditionsPanel {
  readonly sliders: Slider[];
  private readonly values: Partial<NaturalConditions>;

  constructor(scene: Phaser.Scene, start: Partial<NaturalConditions>) {
    this.values = { ...start };
    this.sliders = KNOBS.map((k) => {
      const r = NATURAL_RANGES[k.key];
      return new Slider(scene, 0, 0, {
        label: k.label,
        unit: k.unit,
        min: k.min ?? r.lo,
        max: k.max ?? r.hi,
        step: k.step,
        value: start[k.key] ?? NATURAL_DEFAULTS[k.key],
        ...(k.key === 'survivors' && { format: (v: number) => `${Math.round(v * 100)} %` }),
        onChange: (v) => {
          this.values[k.key] = v;
        },
      });
    });
  }

  /** The conditions as set now. */
  get conditions(): Partial<NaturalConditions> {
    return { ...this.values };
  }
}
