/**
 * Mechanosensory layers on top of the locomotion core (they hook onto its
 * command interneurons AVA and AVB and its head motor neuron RMDV).
 *
 * Gentle touch (Chalfie et al. 1985; Wicks & Rankin 1995): ALM/AVM feel the
 * front half of the body and excite AVD, which drives the backward command
 * AVA, while inhibiting the forward pathway (AVB, PVC); PLM feels the back
 * half and excites PVC, which drives AVB (faster forward crawling) and
 * inhibits AVA. AVD is slow (τ 3 s): it holds AVA up for a few seconds after
 * a brief touch, so a reversal lasts seconds and then ends by itself.
 *
 * Habituation (Rankin & Broster 1992): the touch cells' synapses onto AVD and
 * PVC depress with use, a fast pool (seconds) and a slow one (minutes), so
 * taps at short intervals evoke weaker reversals, and how fast rest restores
 * them depends on the interval the worm was trained at.
 *
 * Harsh touch / nociception: ASH (nose) and PVD (whole body, harsh only)
 * excite AVD and AVA harder and charge AIB, a slow interneuron that AVA also
 * charges; AIB drives RIV, which AVA inhibits. So after a long reversal, when
 * AVA lets go, RIV fires and bends the body hard to the ventral side (an
 * omega-like turn, Gray et al. 2005) and holds AVB down until it fades.
 */
import type { ConvertedKinetics } from '../convert';
import type { Builder } from './builder';

export const TOUCH = {
  /** Sensory gain, pA per unit of receptor drive (a gentle poke is 0.4, a tap up to 1): strong, so the cell stays on while the receptor adapts (~0.3 s). */
  sensorGain: 15,
  /** ALM/AVM → AVD and PLM → PVC (pA at full output). PVC integrates faster than AVD (τ 2 s vs 3 s) and needs more to rise within a brief touch. */
  toInterneuron: 0.6,
  plmToPvc: 3,
  /** AVD → AVA and PVC → AVB. */
  toCommand: 5,
  /** AVD's release curve width (mV): how long its output outlasts the touch as it decays (τ 3 s). */
  avdSlopeMv: 4,
  /** ALM/AVM ⊣ AVB (inhibitory glutamate). A tap reaches every touch cell at once, and the two anterior cells win: a reversal. */
  crossInhibition: 1,
  /** ALM/AVM ⊣ PVC: stronger than the other cross-inhibition, since PVC rises fast (plmToPvc) and a tap must still reverse. */
  anteriorInhibitsPvc: 2,
  /** PLM ⊣ AVA: a tail touch holds the backward command down while PVC lifts AVB (strong: it must beat AVD's hold during a reversal; brief, so a tap's slower AVD still wins after it). */
  plmInhibitsAva: 6,
  /** PLM ⊣ AVD: a tail touch during a reversal stops AVD holding AVA up, so the worm turns forward. */
  plmInhibitsAvd: 0.3,
  /**
   * Habituation: the touch cells' synapses onto AVD and PVC follow the two-pool short-term rule (per ms at full
   * output; a tap is ~0.5 s of it). The fast pool (τ 30 s) is what taps 10 s apart wear: each tap takes ~14 %, and
   * 10 s refills only ~28 % of the loss. Taps 60 s apart find it mostly refilled and wear the slow pool (τ 10 min),
   * which is used only while the fast pool is above 0.8: at 10 s the fast pool soon sits below that, shielding the
   * slow one, so short-interval habituation is deep and recovers with the fast pool, long-interval habituation
   * shallower and slower to recover (Rankin & Broster 1992). The response falls off steeply with efficacy (AVD's
   * threshold; 5 worms: 0.9 → 0.94 of the first, 0.75 → 0.4, 0.65 → 0.1), so the pools work within 0.65..1.
   */
  habituation: { useFast: 2.8e-4, recoveryFastMs: 30_000, useSlow: 5e-4, recoverySlowMs: 600_000, slowThreshold: 0.8 },
  /**
   * The default worm's fast pool refills in 25 s, not 30. Its pools were set while a leak of resting dopamine (the
   * dopamine cells' output at rest, C = 0.0004) reached DOP-1 and refilled them 1 + 300 × 0.0004 = 1.12 times as
   * fast (τ 26.8 s): 5 worms, 10 taps at 10 s, 0.20 of the first. DOP-1's adaptation (below) rightly stopped a
   * steady level acting, so the pools refilled at their bare 30 s and 10 taps at 10 s fell to 0.11 (taps 6–10 mostly
   * no reversal: extinction), where real worms keep 20–40 % (Rankin & Broster 1992). The response falls off steeply
   * with efficacy, so the refill rate decides the 10 s depth: 5 worms, τ 22 s 0.39, 25 s 0.31, 30 s 0.11 (seeds 1–5).
   * At 60 s taps the fast pool refills either way, so the slow pool still carries long-interval habituation.
   * The `habituation` teaching circuit never had the leak and keeps 30 s (its augmentation sets its floor).
   */
  wormRecoveryFastMs: 25_000,
  /**
   * Augmentation in the `habituation` teaching circuit: a presynaptic enhancement that builds with release and fades
   * in seconds (Zucker & Regehr 2002: augmentation, τ ~5–10 s; here 3 s), in parallel with depression — the
   * sensitising process of Groves & Thompson's (1970) dual-process theory. Without it that circuit's AVD sits so near
   * threshold that 10 taps at 10 s abolished the response (0.00, 5 worms) and 30 at 5 s too, where real worms level
   * off at 20–50 % (Rankin & Broster 1992; Rankin et al. 2009: habituation approaches an asymptote). Per ms at full
   * output. 5 worms: 30 taps at 5 s end at 0.25 of the first (0.8e-3: 0.14; 1e-3: 0.31 over 3), 10 at 10 s at 0.49
   * (0.8e-3: 0.39; 1e-3: 0.61). Not in `worm`: its tap pathway works nearer saturation, where the same enhancement acts
   * as a gain and erased the 10 s decrement (5 worms: 0.20 → 1.1 of the first response).
   */
  augmentation: { facilitation: 9e-4, facilitationMs: 3000 },
  /**
   * Dishabituation: DOP-1 on the gentle touch cells (Sanyal et al. 2004; Kindt et al. 2007), a plasticity receptor
   * that makes their pools recover 1 + gain·C times as fast; and PDE's harsh touch on the back half (Li et al. 2011).
   */
  dop1: 300,
  /**
   * DOP-1 adapts: it reads dopamine minus 0.995 × its running mean over 20 s, so a lawn's sustained dopamine (C ≈ 1)
   * speeds the pools' recovery only (1 + 300 × 0.005) = 2.5 times — habituation on food is slower, not absent
   * (Kindt et al. 2007) — while PDE's brief pulse after a harsh touch (C ≈ 0.07 for ~2 s) acts almost fully.
   * Without adaptation the lawn's dopamine refilled the pools 300 times as fast (5 worms, 10 taps at 10 s: last five
   * 1.24 of the first on a lawn against 0.20 off food). D1-like receptors desensitise under sustained agonist.
   */
  dop1Adaptation: { adaptation: 0.995, adaptationMs: 20_000 },
  pdeHarshGain: 15,
  /** Harsh: ASH/PVD → AVD, AIB; AVA → AIB; AIB → RIV; AVA ⊣ RIV; RIV's muscle gain. */
  harshToAvd: 0.2,
  harshToAib: 0.05,
  avaToAib: 0.006,
  aibToRiv: 3,
  avaInhibitsRiv: 6,
  /**
   * AVA ⊣ RIV's time constant once converted to a conductance, ms (0 = instant, as every current-based synapse is;
   * touchKinetics gives it to buildConductance). No AVA → RIV synapse is in the wiring (RIV's inputs are RIA, SMDV, AVK, ADA, RIC,
   * AIB: data/herm_full_edgelist.csv); this one stands for the reversal holding the turn off until it ends (Gray et
   * al. 2005), an indirect path.
   */
  avaRivTauMs: 0,
  /**
   * RIV ⊣ AVB's release midpoint once converted, mV of RIV (undefined = RIV's own −40, as converted; touchKinetics gives it
   * to buildConductance). At −40 with slope 2 a RIV held at −42..−44 by a half-charged AIB still releases 0.1–0.3 and holds
   * AVB at −52..−60 mV, under its midpoint: a worm that stands still (docs/biology.md, 'Why AVB stays low after a reversal').
   */
  rivAvbReleaseHalfMv: undefined as number | undefined,
  /** AIB → RIV's release midpoint once converted, mV of AIB (undefined = AIB's own −40, as converted): how charged AIB must be to fire the turn. */
  aibRivReleaseHalfMv: undefined as number | undefined,
  rivMuscle: 1,
  /** RIV ⊣ AIB: how fast the turn drains its own readiness. 0.008 ended the turn before the head met the tail after most spontaneous reversals (1 omega in 25 worm-minutes); 0.004: 14. */
  rivResetsAib: 0.004,
};

const sensory = { capacitance: 1, tauMs: 20, restMv: -65, vHalfMv: -45, slopeMv: 4 };
/**
 * The gentle touch cells release only when touched: half release 25 mV above rest on a 1 mV slope,
 * so their output at rest is 0.0004 (it was 0.0098 on the shared sensory curve, which over a minute
 * released as much as a tap does and wore the habituating pools between taps). A tap still drives
 * them to full release for ~0.5 s.
 */
const gentle = { ...sensory, vHalfMv: -40, slopeMv: 1 };

/** Gentle touch: ALM, AVM (anterior), PLM (posterior), AVD, PVC. With habituate, the touch cells' synapses depress (the fast pool refilling in recoveryFastMs if given); with augment, they also augment (TOUCH.augmentation). */
export function addTouch(b: Builder, opts: { habituate: boolean; augment?: boolean; recoveryFastMs?: number }): void {
  const T = TOUCH;
  const params = {
    ...T.habituation,
    ...(opts.recoveryFastMs !== undefined && { recoveryFastMs: opts.recoveryFastMs }),
    ...(opts.augment ? T.augmentation : {}),
  };
  const dep = opts.habituate ? { plastic: { rule: 'short-term' as const, params } } : {};
  b.neuron('ALM', 'sensory', 'glutamate', gentle, undefined, 60, 40);
  b.neuron('AVM', 'sensory', 'glutamate', gentle, undefined, 60, 100);
  b.neuron('PLM', 'sensory', 'glutamate', gentle, undefined, 760, 40);
  b.sensors.push({ neuron: 'ALM', sensor: 'touch', from: 0, to: 0.5, kind: 'gentle', gain: T.sensorGain });
  b.sensors.push({ neuron: 'AVM', sensor: 'touch', from: 0, to: 0.4, kind: 'gentle', gain: T.sensorGain });
  b.sensors.push({ neuron: 'PLM', sensor: 'touch', from: 0.5, to: 1, kind: 'gentle', gain: T.sensorGain });
  // AVD: slow (C 10 pF, τ 3 s): integrates a brief touch and releases it over seconds.
  b.neuron('AVD', 'inter', 'acetylcholine', { capacitance: 10, tauMs: 3000, restMv: -65, vHalfMv: -40, slopeMv: T.avdSlopeMv }, undefined, 260, 140);
  b.neuron('PVC', 'inter', 'acetylcholine', { capacitance: 10, tauMs: 2000, restMv: -65, vHalfMv: -40, slopeMv: 4 }, undefined, 560, 140);
  b.chem('ALM', 'AVD', T.toInterneuron, dep);
  b.chem('AVM', 'AVD', T.toInterneuron, dep);
  b.chem('PLM', 'PVC', T.plmToPvc, dep);
  b.chem('AVD', 'AVA', T.toCommand);
  b.chem('PVC', 'AVB', T.toCommand);
  b.chem('ALM', 'AVB', T.crossInhibition, { sign: 'inhibitory' });
  b.chem('AVM', 'AVB', T.crossInhibition, { sign: 'inhibitory' });
  // A tap reaches every touch cell at once: the anterior pair holds PVC down hard enough that it cannot win.
  b.chem('ALM', 'PVC', T.anteriorInhibitsPvc, { sign: 'inhibitory' });
  b.chem('AVM', 'PVC', T.anteriorInhibitsPvc, { sign: 'inhibitory' });
  b.chem('PLM', 'AVA', T.plmInhibitsAva, { sign: 'inhibitory' });
  b.chem('PLM', 'AVD', T.plmInhibitsAvd, { sign: 'inhibitory' });
}

/**
 * Harsh touch and nociception: ASH (nose), PVD (body), AIB (turn readiness), RIV (ventral turn). Needs addTouch first (AVD).
 * With `pair`, the nose cell is the real left/right pair ASHL/ASHR (each with half the weights), which a
 * toxin layer added later shares (ASH is polymodal: nose touch and repellents alike).
 */
export function addHarsh(b: Builder, opts: { pair?: boolean } = {}): void {
  const T = TOUCH;
  const nose = opts.pair ? ['ASHL', 'ASHR'] : ['ASH'];
  const share = 1 / nose.length;
  nose.forEach((id, i) => {
    b.neuron(id, 'sensory', 'glutamate', sensory, undefined, 300 + 100 * i, -80);
    b.sensors.push({ neuron: id, sensor: 'touch', from: 0, to: 0.15, kind: 'harsh', gain: T.sensorGain });
  });
  b.neuron('PVD', 'sensory', 'glutamate', sensory, undefined, 760, 180);
  b.sensors.push({ neuron: 'PVD', sensor: 'touch', from: 0, to: 1, kind: 'harsh', gain: T.sensorGain });
  for (const id of nose) b.chem(id, 'AVD', T.harshToAvd * share);
  b.chem('PVD', 'AVD', T.harshToAvd);
  // AIB: very slow (τ 8 s); charged by noxious input and by AVA during a reversal.
  b.neuron('AIB', 'inter', 'glutamate', { capacitance: 1, tauMs: 8000, restMv: -65, vHalfMv: -40, slopeMv: 4 }, undefined, 260, 40);
  for (const id of nose) b.chem(id, 'AIB', T.harshToAib * share);
  b.chem('PVD', 'AIB', T.harshToAib);
  b.chem('AVA', 'AIB', T.avaToAib);
  // RIV: bends the head and front body ventrally (right) and relaxes the dorsal side, held off while AVA is on.
  // Half release at −40 mV: silent at rest, since even 0.7 % of its AVB inhibition stretched the crawling wave (docs/biology.md).
  b.neuron('RIV', 'motor', 'acetylcholine', { capacitance: 1, tauMs: 100, restMv: -70, vHalfMv: -40, slopeMv: 4 }, undefined, 400, 40);
  b.chem('AIB', 'RIV', T.aibToRiv);
  b.chem('AVA', 'RIV', T.avaInhibitsRiv, { sign: 'inhibitory' });
  b.chem('RIV', 'AVB', 4, { sign: 'inhibitory' });
  // The turn ends itself: RIV drains AIB over a couple of seconds.
  b.chem('RIV', 'AIB', T.rivResetsAib, { sign: 'inhibitory' });
  b.muscles.push({ neuron: 'RIV', side: 'right', from: 0, to: 0.9, gain: T.rivMuscle });
  b.muscles.push({ neuron: 'RIV', side: 'left', from: 0, to: 0.9, gain: -T.rivMuscle });
}

/**
 * Dishabituation (Rankin, Beck & Chiba 1990: a different, stronger stimulus restores a habituated tap response):
 * a harsh touch to the back half excites the dopaminergic PDE (Li et al. 2011), and dopamine acting on DOP-1 in
 * the gentle touch cells (Sanyal et al. 2004; Kindt et al. 2007: DOP-1 in the touch cells opposes tap habituation)
 * refills their pools. Needs addTouch (with habituate) and addModulation (PDE, dopamine) first.
 */
export function addDishabituation(b: Builder): void {
  const T = TOUCH;
  for (const id of ['ALM', 'AVM', 'PLM', 'PDE'])
    if (!b.has(id)) throw new Error(`dishabituation: the builder has no neuron ${id}; add the touch (addTouch) and modulation (addModulation) layers first`);
  b.sensors.push({ neuron: 'PDE', sensor: 'touch', from: 0.5, to: 1, kind: 'harsh', gain: T.pdeHarshGain });
  for (const id of ['ALM', 'AVM', 'PLM'])
    b.receptors.push({ neuron: id, modulator: 'dopamine', effect: 'plasticity', gain: T.dop1, ...T.dop1Adaptation, label: 'DOP-1' });
}

/** AVA ⊣ RIV's kinetics on conductances (avaRivTauMs), range-checked: the converter makes every synapse instant. */
export function touchKinetics(): ConvertedKinetics {
  const tau = TOUCH.avaRivTauMs;
  if (!(tau >= 0 && tau <= 10_000))
    throw new RangeError(`TOUCH.avaRivTauMs = ${tau}: must be 0..10000 ms (0 = instant, as converted); set it in CONDUCTANCE_LAYERS.touch`);
  return { from: 'AVA', to: ['RIV'], tauMs: tau };
}

/** The turn's release midpoints on conductances (rivAvbReleaseHalfMv, aibRivReleaseHalfMv), range-checked; undefined changes nothing. */
export function turnKinetics(): ConvertedKinetics[] {
  const rule = (from: string, to: string, field: 'rivAvbReleaseHalfMv' | 'aibRivReleaseHalfMv'): ConvertedKinetics => {
    const half = TOUCH[field];
    if (half !== undefined && !(half >= -70 && half <= 0))
      throw new RangeError(
        `TOUCH.${field} = ${half}: must be −70..0 mV of ${from} (undefined = ${from}'s own midpoint, as converted); set it in CONDUCTANCE_LAYERS.touch`,
      );
    return { from, to: [to], tauMs: 0, ...(half !== undefined && { releaseHalfMv: half }) };
  };
  return [rule('RIV', 'AVB', 'rivAvbReleaseHalfMv'), rule('AIB', 'RIV', 'aibRivReleaseHalfMv')];
}
