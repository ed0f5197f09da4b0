/**
 * Associative olfactory learning in the built-in worm: an odour met with food
 * becomes more attractive, an odour met while starving less, and both fade.
 *
 * The biology followed: pairing butanone with food raises chemotaxis to
 * butanone (Torayama et al. 2007; Kauffman et al. 2010), pairing an odour
 * with starvation lowers it (Colbert & Bargmann 1995; Nuttley,
 * Atkinson-Leadbeater & van der Kooy 2002), and the memory is short-term
 * (Kauffman et al. 2010: gone within about 2 h). Butanone is sensed by AWC-ON
 * (Wes & Bargmann 2001); learning changes how AWC's signal reaches the next
 * layer (Cho, Brueggemann, L'Etoile & Bargmann 2016: butanone pairing alters
 * AWC-to-AIY transmission). Food is signalled by dopamine (the lawn layer's
 * CEP/ADE/PDE; dopamine is needed for food-odour associations, Hukema et al.
 * 2008 and Voglis & Tavernarakis 2008 review), starvation by octopamine, which
 * RIC releases when food is gone (Suo, Kimura & Van Tol 2006).
 *
 * Here: AIA feels how much butanone is at the nose (AWC-ON, the AWC that
 * senses butanone, Wes & Bargmann 2001, is folded into it; AIA integrates
 * AWC's odour signal, Chalasani et al. 2010, and has its own part in
 * learning, Tomioka et al. 2006) and drives AIY. That synapse is the one
 * plastic site, a three-factor synapse (eligibility = AIA output × AIY
 * output, Izhikevich 2007) standing for the learned change in AWC → AIY
 * transmission that butanone pairing makes (Cho et al. 2016): dopamine at
 * AIY's plasticity receptors turns the tag into strengthening, octopamine
 * into weakening; without either nothing changes, and the change fades back
 * to the naive weight (forgetMs). AIY lifts both sides of RIA (AIY → RIA is
 * AIY's main output; Hendricks et al. 2012) and, as in the chemotaxis layer,
 * holds turns off. One site before any left/right comparison, so the memory
 * is one number that lifts both sides of the steering alike (a site on each
 * side was tagged unevenly by where the nose lay during the pairing, 2.9
 * against 0.9, and the uneven lift steered to one side whatever the odour
 * did).
 * RIAL/RIAR (the head steering interneuron RIA, Hendricks et al. 2012)
 * compare butanone on the two sides of the nose, as AWAL/AWAR do for the food
 * odour (senses.ts). They rest well below threshold, so a side difference
 * alone steers little: AIY lifts them toward it, strongly once taught. They
 * steer push-pull: each excites the SMB of its side and inhibits the other's,
 * as RIA's dorsal and ventral axon compartments are active in turn and bias
 * the head one way or the other (Hendricks et al. 2012), so what steers is
 * their difference and AIY's common lift cancels. RIC is lifted by hunger
 * and held down by a lawn under the nose, so only a starving worm off food
 * releases octopamine.
 *
 * Weakening the lift only takes the learned attraction away; it cannot make
 * the worm avoid butanone (measured: the index stayed at naive). Worms paired
 * with an AWC odour while starving are repelled by it (Tsunozaki, Chalasani &
 * Bargmann 2008; Nuttley et al. 2002), so starvation also builds a second,
 * aversive site (addAversion): AIA → the turn relay (AWC excites AIB,
 * Chalasani et al. 2007), which calls reversals where butanone is strong.
 *
 * Simplifications: AIA takes butanone through a sensor binding of its own
 * (AWC-ON, hyperpolarised by odour, excites AIA by disinhibition, Chalasani
 * et al. 2010: cell and sign are folded in); RIAL/RIAR take it through
 * bindings of their own (the comparison the real pathway makes in time,
 * across head sweeps, is folded into them, so they are marked sensory); RIA
 * reaches SMB directly. The memory fades in a minute instead of
 * an hour, so a test can watch it go.
 */
import type { ConvertedKinetics } from '../convert';
import type { DepressionSpec } from '../../neural/types';
import type { Builder } from './builder';
import type { OdourName } from '../../world/odours';
import { addTurnRelay, type CompareBy, compareBindings, relayPa, SENSES } from './senses';

export const LEARNING = {
  /** The learned odour (src/world/odours.ts). */
  odour: 'butanone' as OdourName,
  /** AIA: pA per a.u. of butanone at the nose (both sides): how much odour is there. */
  levelGain: 8,
  /** The plastic AIA → AIY site (pA at full output): naive weight and bounds. */
  naiveWeight: 0.9,
  wMin: 0,
  wMax: 3,
  /** AIY → RIAL/RIAR (fixed, pA at full output): AIY's activity lifts both sides of RIA alike. */
  aiyToRia: 1,
  /** RIAL/RIAR: pA per a.u. of butanone difference between the two sides of the nose (as AWA's compareGain), and their rest (mV): a side difference alone barely crosses threshold. */
  compareGain: 600,
  compareRestMv: -77,
  /** How RIAL/RIAR read the two sides (compareBindings): two level bindings, or one difference binding (the conductance worm's: CONDUCTANCE_LAYERS). */
  compareBy: 'levels' as CompareBy,
  /** Where a difference binding's conductance passes gain × difference (mV; undefined: the cell's rest, as the conversion matches a sensory cell). */
  compareMatchMv: undefined as number | undefined,
  /** RIAL/RIAR → SMB of their side (excitatory) and of the other side (inhibitory, ×pushPull): steering is their difference. */
  compareToSmb: 1,
  pushPull: 1,
  /**
   * The learned sign change of the steering (pA at full output; 0 = no such route, the current worm's): RIAL/RIAR →
   * the other side's SMB, excitatory, silent when naive, a three-factor site that octopamine (starvation) strengthens
   * at crossedRate and dopamine (food) weakens, so a worm starved in the odour comes to steer away from it, as a
   * sensory neuron's excitatory and inhibitory outputs onto its interneuron shift with experience and invert the turn
   * (Sato et al. 2021: ASER → AIB through GLR-1 and AVR-14; Cho et al. 2016: AWC's coupling to the motor circuit is
   * oppositely changed by aversive and appetitive pairing). Needs pushPull 0 (that pair is then the crossed site's).
   */
  crossedMax: 0,
  crossedRate: 0.000003,
  /**
   * The other half of that sign change (0 = RIA's own-side synapse is fixed, the current worm's): RIAL/RIAR → their own
   * side's SMB becomes a three-factor site that the same octopamine weakens at this rate (per ms, as crossedRate) and
   * dopamine restores, falling toward 0 and fading back to compareToSmb (forgetMs). As in Sato et al. 2021 one
   * experience moves a sensory neuron's excitatory (GLR-1) and inhibitory (AVR-14) outputs onto one partner
   * oppositely. Needs crossedMax > 0. Without it the learned crossed drive and the intact own-side drive both
   * saturate SMB, and the taught worm steers neither way (docs/biology.md, 'Taught runs that steer away').
   */
  uncrossedRate: 0,
  /** Three-factor rule: tag per ms of pre·post output, tag τ, weight change per ms per unit of tag × modulator (× (wMax − wMin)), forgetting τ. */
  aPlus: 1,
  tauEligibilityMs: 2000,
  rate: 0.00000005,
  forgetMs: 60_000,
  /** AIY's plasticity receptors: dopamine (food) teaches the attraction up, octopamine (starvation) down. */
  dopamineTeach: 1,
  octopamineTeach: -1,
  /** The aversive site AIA → turn relay (mV it holds the relay up at full output, as relayPa): naive and bounds. */
  aversiveNaiveMv: 0,
  aversiveMaxMv: 40,
  aversiveRate: 0.000003,
  /** The relay's plasticity receptors: octopamine (starvation) teaches the aversion up, dopamine (food) down. */
  aversiveOctopamine: 1,
  aversiveDopamine: -1,
  /**
   * The aversive site's release midpoint once converted to a conductance (mV of AIA; undefined: AIA's own midpoint, as
   * the converter makes every synapse; aversiveKinetics gives it to buildConductance; the conductance worm's is −40: docs/biology.md, 'Teaching to avoid wins').
   */
  aversiveReleaseHalfMv: undefined as number | undefined,
  /** The aversive site's time constant once converted, ms (0 = instant, as converted; aversiveKinetics gives it to buildConductance). */
  aversiveTauMs: 0,
  /**
   * A study lever (undefined = none, both membranes' shipped value): the turn relay's release onto AVA and AIB depresses
   * with use (resource used per ms at full release, its recovery τ), so a reversal the learned site calls tires in
   * seconds however long the odour holds the relay up. Both outputs, as a presynaptic pool would: depressing only RIM →
   * AVA left RIM → AIB → RIV ⊣ AVB holding the worm still once AVA let go (docs/biology.md, 'Taught reversals that end').
   */
  relayDepression: undefined as DepressionSpec | undefined,
  /** RIC: pA per unit of hunger (crosses threshold only when starving) and pA with the nose on a lawn (held down on food). */
  ricHungerPa: 1.2,
  ricSlopeMv: 2,
  ricLawnPa: -3,
  /** Octopamine: concentration at full RIC output, clearance (ms). */
  octopamineRelease: 1,
  octopamineClearanceMs: 3000,
};

const SENSORY = { capacitance: 1, tauMs: 20, restMv: -65, vHalfMv: -45, slopeMv: 4 };

/** Adds AIA, RIAL/RIAR (butanone), RIC (octopamine), the plastic AIA → AIY site and the aversive site (AIA → turn relay). Needs the chemotaxis (SMBD/SMBV, AIY) and modulation (dopamine) layers. */
export function addLearning(b: Builder): void {
  const L = LEARNING;
  for (const id of ['SMBD', 'SMBV', 'AIY', 'CEPD'])
    if (!b.has(id)) throw new Error(`learning: the builder has no neuron ${id}; add the chemotaxis and modulation layers first`);
  const plastic = threeFactor(L.rate, L.naiveWeight, L.wMin, L.wMax);
  b.neuron('AIA', 'sensory', 'glutamate', SENSORY, undefined, 80, 60);
  for (const side of ['left', 'right'] as const)
    b.sensors.push({ neuron: 'AIA', sensor: 'chemical', odour: L.odour, side, response: 'level', gain: L.levelGain / 2 });
  b.chem('AIA', 'AIY', L.naiveWeight, { sign: 'excitatory', plastic });
  b.receptors.push({ neuron: 'AIY', modulator: 'dopamine', effect: 'plasticity', gain: L.dopamineTeach, label: 'DOP-1' });
  b.receptors.push({ neuron: 'AIY', modulator: 'octopamine', effect: 'plasticity', gain: L.octopamineTeach, label: 'SER-3' });
  const cmp = { ...SENSORY, restMv: L.compareRestMv, tauMs: SENSES.compareTauMs, capacitance: SENSES.compareTauMs / 20 };
  for (const [id, own, smb, opposite, x] of [
    ['RIAL', 'left', 'SMBD', 'SMBV', -80],
    ['RIAR', 'right', 'SMBV', 'SMBD', 240],
  ] as const) {
    b.neuron(id, 'sensory', 'glutamate', cmp, undefined, x, 120);
    b.sensors.push(...compareBindings(id, L.odour, own, L.compareGain, L.compareBy, L.compareMatchMv));
    b.chem('AIY', id, L.aiyToRia, { sign: 'excitatory' });
    b.chem(id, smb, L.compareToSmb, { sign: 'excitatory', ...(L.uncrossedRate > 0 && { plastic: uncrossedSite() }) });
    if (L.pushPull > 0) b.chem(id, opposite, L.compareToSmb * L.pushPull, { sign: 'inhibitory' });
    if (L.crossedMax > 0) b.chem(id, opposite, 0, { sign: 'excitatory', plastic: crossedSite() });
  }
  if (L.crossedMax > 0) for (const smb of ['SMBD', 'SMBV']) learnsHunger(b, smb);
  addAversion(b);
  // RIC reads the feeding state through a sensor binding, so it is marked sensory (as NSM is).
  // A steep release (2 mV slope): a fed worm's RIC releases almost nothing, so the aversive site does not learn from a resting trickle.
  b.neuron('RIC', 'sensory', 'octopamine', { ...SENSORY, slopeMv: L.ricSlopeMv }, undefined, 360, -200);
  b.sensors.push({ neuron: 'RIC', sensor: 'hunger', gain: L.ricHungerPa });
  b.sensors.push({ neuron: 'RIC', sensor: 'lawn', from: 0, to: 0.05, gain: L.ricLawnPa });
  b.modulators.push({ name: 'octopamine', from: ['RIC'], release: L.octopamineRelease, clearanceMs: L.octopamineClearanceMs });
}

/** The crossed steering site's rule (crossedMax), range-checked: it takes the pair push-pull would use, so both cannot be on. */
function crossedSite() {
  const L = LEARNING;
  if (L.pushPull > 0)
    throw new RangeError(`LEARNING.crossedMax = ${L.crossedMax} needs pushPull 0 (it is ${L.pushPull}): the crossed site is RIA's synapse onto the other SMB`);
  if (!(L.crossedMax <= 100 && L.crossedRate > 0 && L.crossedRate <= 0.001))
    throw new RangeError(
      `LEARNING.crossedMax = ${L.crossedMax}, crossedRate = ${L.crossedRate}: give 0..100 pA and a rate in (0, 0.001] per ms (crossedMax 0 = none)`,
    );
  return threeFactor(L.crossedRate, 0, 0, L.crossedMax);
}

/**
 * RIA's own-side site once it learns (uncrossedRate): octopamine weakens it (a negative rate at SMB's receptors), range-checked.
 * wMax twice the fixed weight: soft depression does not feel it, and a genome's weight (× 1 ± 0.5) stays inside.
 */
function uncrossedSite() {
  const L = LEARNING;
  if (!(L.crossedMax > 0 && L.uncrossedRate <= 0.001))
    throw new RangeError(
      `LEARNING.uncrossedRate = ${L.uncrossedRate} (crossedMax ${L.crossedMax}): give a rate in (0, 0.001] per ms with crossedMax > 0 (uncrossedRate 0 = a fixed synapse)`,
    );
  return threeFactor(-L.uncrossedRate, L.compareToSmb, 0, 2 * L.compareToSmb);
}

/** A learning site of the layer: the three-factor rule with the layer's tag, its τ and forgetting, soft bounds. */
function threeFactor(rate: number, forgetTo: number, wMin: number, wMax: number) {
  const L = LEARNING;
  return {
    rule: 'three-factor' as const,
    bounds: 'soft' as const,
    params: { aPlus: L.aPlus, tauEligibilityMs: L.tauEligibilityMs, rate, forgetMs: L.forgetMs, forgetTo, wMin, wMax },
  };
}

/** A cell whose learning sites read hunger: octopamine (SER-3) teaches them, dopamine (DOP-1, food) undoes it. */
function learnsHunger(b: Builder, neuron: string): void {
  b.receptors.push(
    { neuron, modulator: 'octopamine', effect: 'plasticity', gain: LEARNING.aversiveOctopamine, label: 'SER-3' },
    { neuron, modulator: 'dopamine', effect: 'plasticity', gain: LEARNING.aversiveDopamine, label: 'DOP-1' },
  );
}

/**
 * The starvation arm: AIA (AWC-ON's butanone signal) → the turn relay (AIB's
 * partner RIM in the full worm; AWC excites AIB, which promotes turns:
 * Chalasani et al. 2007), a three-factor site that starts silent. Octopamine
 * from a starving worm's RIC strengthens it, dopamine from a lawn weakens it,
 * and it fades (forgetMs). Once strong, butanone calls reversals, more the
 * nearer the worm gets, so it keeps away: butanone paired with starvation
 * repels (Tsunozaki, Chalasani & Bargmann 2008).
 */
function addAversion(b: Builder): void {
  const L = LEARNING;
  const relay = addTurnRelay(b);
  const naive = relayPa(L.aversiveNaiveMv);
  b.chem('AIA', relay, naive, { sign: 'excitatory', plastic: threeFactor(L.aversiveRate, naive, 0, relayPa(L.aversiveMaxMv)) });
  const d = L.relayDepression;
  if (d !== undefined) {
    if (!(d.use > 0 && d.use <= 1 && d.recoveryMs > 0 && d.recoveryMs <= 600_000))
      throw new RangeError(
        `LEARNING.relayDepression = ${JSON.stringify(d)}: use must be in (0, 1] per ms and recoveryMs in (0, 600000]; undefined = none (the current worm's)`,
      );
    // Every chemical output of the relay existing now (onto AVA and AIB in the built-in worms).
    for (const [k, s] of b.synapses.entries())
      if (s.kind === 'chemical' && s.from === relay && s.to !== relay) b.synapses[k] = { ...s, depression: { use: d.use, recoveryMs: d.recoveryMs } };
  }
  learnsHunger(b, relay);
}

/** The aversive site's kinetics on conductances (aversiveTauMs, aversiveReleaseHalfMv), range-checked: the converter makes every synapse instant, with its presynaptic cell's midpoint. */
export function aversiveKinetics(): ConvertedKinetics {
  const half = LEARNING.aversiveReleaseHalfMv;
  const tau = LEARNING.aversiveTauMs;
  if (!(tau >= 0 && tau <= 60_000))
    throw new RangeError(`LEARNING.aversiveTauMs = ${tau}: must be 0..60000 ms (0 = instant, as converted); set it in CONDUCTANCE_LAYERS.learning`);
  if (half !== undefined && !(half >= -70 && half <= 0))
    throw new RangeError(
      `LEARNING.aversiveReleaseHalfMv = ${half}: must be −70..0 mV of AIA (undefined = AIA's own midpoint, as converted); set it in CONDUCTANCE_LAYERS.learning`,
    );
  return { from: 'AIA', to: ['RIM', 'AIB'], tauMs: tau, ...(half !== undefined && { releaseHalfMv: half }) };
}
