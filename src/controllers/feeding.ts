import type { HungerBinding, LawnBinding } from './bindings';
import { Transducers } from './transduction';

/** How fast hunger grows off food and falls on it (ms). */
export const FEEDING = {
  /** Off food, hunger = 1 − e^(−t/τ): 30 min without food (Sawin et al. 2000's food deprivation) gives 0.78. */
  starveMs: 20 * 60_000,
  /** On food, hunger decays with this τ: a starved worm stays hungry through minutes of feeding. */
  refeedMs: 30 * 60_000,
} as const;

/** Hunger after `hours` off food, starting well fed. */
export const hungerAfter = (hours: number): number => 1 - Math.exp(-(hours * 3_600_000) / FEEDING.starveMs);

/**
 * The worm's feel of food: lawn receptors (the dopaminergic CEP, ADE and PDE
 * have ciliated endings that sense the bacteria's mechanical texture; Sawin,
 * Ranganathan & Horvitz 2000) report the fraction of their body range lying
 * on a lawn; hunger receptors report the feeding state, which grows off food
 * and falls on it. The controller never reads neurons; it only writes input
 * current (the same held-input path as the head's field sensors).
 */
export class FeedingSense {
  /** Per lawn binding: fraction of its body points on a lawn (0..1), this step. */
  readonly onLawn: Float64Array;
  private hunger_: number;
  /** Lawn bindings first, then hunger bindings (transduction.ts: current or conductance, as the other sensors). */
  private readonly transducers: Transducers;

  constructor(
    private readonly lawn: readonly LawnBinding[],
    private readonly hungerBindings: readonly HungerBinding[],
    hoursOffFood: number,
  ) {
    if (!(hoursOffFood >= 0 && Number.isFinite(hoursOffFood)))
      throw new RangeError(`hoursOffFood = ${hoursOffFood} must be a finite number ≥ 0 (0 = well fed; Sawin et al. 2000 starved worms 0.5 h)`);
    this.onLawn = new Float64Array(lawn.length);
    this.transducers = new Transducers([...lawn, ...hungerBindings]);
    this.hunger_ = hungerAfter(hoursOffFood);
  }

  get bound(): boolean {
    return this.lawn.length > 0 || this.hungerBindings.length > 0;
  }

  /** 0 well fed .. 1 starved. */
  get hunger(): number {
    return this.hunger_;
  }

  /**
   * Samples the body: `onFood(i)` tells whether body point i (0 = nose .. n − 1 = tail) lies on a lawn;
   * `eating` whether the nose is on food (hunger falls) or not (it grows).
   */
  sample(points: number, onFood: (i: number) => boolean, eating: boolean, dtMs: number): void {
    const last = Math.max(1, points - 1);
    for (let k = 0; k < this.lawn.length; k++) {
      const b = this.lawn[k];
      let n = 0;
      let on = 0;
      for (let i = Math.ceil(b.from * last); i <= Math.floor(b.to * last); i++) {
        n++;
        if (onFood(i)) on++;
      }
      this.onLawn[k] = n > 0 ? on / n : 0;
    }
    const h = this.hunger_;
    this.hunger_ = eating ? h * Math.exp(-dtMs / FEEDING.refeedMs) : 1 - (1 - h) * Math.exp(-dtMs / FEEDING.starveMs);
  }

  /** Adds each receptor's drive to its neuron: as current, or as a conductance (transduction.ts). */
  apply(input: Float64Array, conductance: Float64Array): void {
    const n = this.lawn.length;
    for (let k = 0; k < n; k++) this.transducers.add(k, this.lawn[k].gain * this.onLawn[k], input, conductance);
    for (let k = 0; k < this.hungerBindings.length; k++) this.transducers.add(n + k, this.hungerBindings[k].gain * this.hunger_, input, conductance);
  }
}
