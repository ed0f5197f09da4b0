/**
 * The modulatory layer of the built-in worm: dopamine and serotonin released
 * by the cells that make them, read by receptors on the locomotion circuit.
 *
 * Basal slowing (Sawin, Ranganathan & Horvitz 2000): a well-fed worm slows on
 * entering a bacterial lawn. The dopaminergic CEP (nose), ADE (anterior
 * deirid) and PDE (posterior deirid) have ciliated endings that feel the
 * lawn's mechanical texture (a `lawn` sensor over their part of the body);
 * their dopamine acts through the inhibitory D2-like receptor DOP-3 on the
 * ventral-cord motor neurons (Chase, Pepper & Koelle 2004), so the B-type
 * units contract less and the worm crawls slower. Without the three cells, or
 * without dopamine (cat-2), the worm does not slow.
 *
 * Enhanced slowing: a worm starved for 30 min slows far more on food, through
 * serotonin (Sawin et al. 2000). NSM, the pharyngeal serotonergic neuron,
 * senses ingested food (Rhoades et al. 2019); here it needs both food (a lawn
 * sensor at the nose) and hunger (the feeding state) to cross its threshold,
 * so only a hungry worm on food releases serotonin. Serotonin acts through
 * the serotonin-gated chloride channel MOD-1 (Ranganathan et al. 2000), here
 * on the forward command AVB. Without NSM, or without serotonin (tph-1), the
 * enhancement is gone and only the basal slowing remains.
 *
 * Simplifications: one neuron per class (CEPD for the four CEPs, ADE for the
 * pair, PDE for the pair; NSM for NSML/R); the real MOD-1 acts on AIY, AIZ and
 * RIF, whose part in slowing is unsettled; dopamine's receptors on the B-type
 * units stand for DOP-3 on the ventral cord's cholinergic and GABAergic cells.
 */
import type { Builder } from './builder';

export const MODULATION = {
  /** Lawn sensors: pA with the whole receptive range on a lawn (C 1 pF, τ 20 ms: 1 pA lifts V 20 mV). */
  lawnGain: 2,
  /** Receptive ranges of the dopaminergic cells' cilia (body fractions): CEP at the nose, ADE and PDE at the deirids. */
  cepRange: [0, 0.05] as const,
  adeRange: [0.15, 0.2] as const,
  pdeRange: [0.65, 0.75] as const,
  /** Dopamine: concentration per releaser at full output, and clearance (ms). */
  dopamineRelease: 1 / 3,
  dopamineClearanceMs: 2000,
  /**
   * DOP-3 on each B-type motor neuron: pA per unit of dopamine (negative inhibits). Steep: the command holds the
   * units near threshold, so speed hardly moves until they sink below it (5 fed worms on a lawn vs off, path speed:
   * −2 → 22 % slower, −2.1 → 35 %, −2.15 → 46 %, −2.2 → 59 %, −2.5 and beyond: the body wave stops, 70 %).
   * A "gain" receptor instead (less of every chemical input) sped the worm up: it weakens the D-type inhibition too.
   */
  dop3Pa: -2.15,
  /**
   * DOP-3 on each B-type motor neuron as less transmitter released (a 'release' receptor: output × (1 + gain·C), what
   * its muscles read): DOP-3 signals through Gαo (GOA-1; Chase, Pepper & Koelle 2004), which inhibits acetylcholine
   * release from the ventral cord's motor neurons (Nurrish, Ségalat & Kaplan 1999). 0 = none (the shipped worm).
   */
  dop3ReleaseGain: 0,
  /** NSM: food at the nose alone (pA) and hunger alone (pA per unit of hunger) each stay below its threshold; both together cross it. */
  nsmFoodPa: 0.5,
  nsmHungerPa: 0.8,
  nsmSlopeMv: 2,
  /** Serotonin: concentration at full NSM output, and clearance (ms). */
  serotoninRelease: 1,
  serotoninClearanceMs: 5000,
  /**
   * Serotonin on each B-type motor neuron as less transmitter released (a 'release' receptor, as dop3ReleaseGain):
   * serotonin, too, inhibits acetylcholine release from the ventral cord's motor neurons through Gαo (Nurrish, Ségalat &
   * Kaplan 1999). 0 = none (the shipped worm).
   */
  serotoninReleaseGain: 0,
  /** MOD-1 on AVB: pA per unit of serotonin (−0.3 pA of dopamine on AVB slowed nothing; AVB's tonic drive is 1.36 pA). */
  mod1Pa: -1,
};

const SENSORY = { capacitance: 1, tauMs: 20, restMv: -65, vHalfMv: -45, slopeMv: 4 };
/** The dopamine cells release only when stimulated (output at rest 0.0004, was 0.0098; on a lawn still ~1): resting dopamine would refill the touch cells' pools between taps (touch.ts, addDishabituation). */
const DOPAMINE_CELL = { ...SENSORY, vHalfMv: -40, slopeMv: 1 };

/** The B-type motor neurons the locomotion core made (DB1.., VB1..). */
const bUnits = (b: Builder): string[] => b.neurons.map((n) => n.id).filter((id) => /^[DV]B\d+$/.test(id));

/** Adds CEP, ADE, PDE (dopamine), NSM (serotonin) and their receptors. Needs the locomotion core (AVB, B-type units). */
export function addModulation(b: Builder): void {
  const M = MODULATION;
  if (!b.has('AVB')) throw new Error('modulation: the builder has no neuron AVB; add the locomotion core (addLocomotion) first');
  const units = bUnits(b);
  const cells = [
    ['CEPD', M.cepRange, 40],
    ['ADE', M.adeRange, 140],
    ['PDE', M.pdeRange, 700],
  ] as const;
  for (const [id, [from, to], x] of cells) {
    b.neuron(id, 'sensory', 'dopamine', DOPAMINE_CELL, undefined, x, -200);
    b.sensors.push({ neuron: id, sensor: 'lawn', from, to, gain: M.lawnGain });
  }
  b.neuron('NSM', 'sensory', 'serotonin', { ...SENSORY, slopeMv: M.nsmSlopeMv }, undefined, 260, -200);
  b.sensors.push({ neuron: 'NSM', sensor: 'lawn', from: 0, to: 0.05, gain: M.nsmFoodPa });
  b.sensors.push({ neuron: 'NSM', sensor: 'hunger', gain: M.nsmHungerPa });
  b.modulators.push({ name: 'dopamine', from: cells.map(([id]) => id), release: M.dopamineRelease, clearanceMs: M.dopamineClearanceMs });
  b.modulators.push({ name: 'serotonin', from: ['NSM'], release: M.serotoninRelease, clearanceMs: M.serotoninClearanceMs });
  for (const id of units) {
    if (M.dop3Pa !== 0) b.receptors.push({ neuron: id, modulator: 'dopamine', effect: 'excitability', gain: M.dop3Pa, label: 'DOP-3' });
    if (M.dop3ReleaseGain !== 0) b.receptors.push({ neuron: id, modulator: 'dopamine', effect: 'release', gain: M.dop3ReleaseGain, label: 'DOP-3' });
  }
  b.receptors.push({ neuron: 'AVB', modulator: 'serotonin', effect: 'excitability', gain: M.mod1Pa, label: 'MOD-1' });
  if (M.serotoninReleaseGain !== 0)
    for (const id of units) b.receptors.push({ neuron: id, modulator: 'serotonin', effect: 'release', gain: M.serotoninReleaseGain, label: 'Gαo (serotonin)' });
}
