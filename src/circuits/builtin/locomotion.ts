/**
 * The locomotion core every built-in worm shares, after the neuromechanical
 * models of Boyle, Berri & Cohen (2012) and Wen et al. (2012): each B-type
 * motor unit feels the bend of the body ahead of it and bends the same way a
 * moment later, so the wave travels head to tail; A-type units mirror this
 * backward, copying the bend behind them, so the wave starts at the tail.
 *
 * The wave starts in two oscillators, one in the head (RMDD/RMDV, running
 * while AVB is active) and one in the tail (DA9/VA12, the tail's A-type motor
 * neurons, running while AVA is active; real A-type motor neurons oscillate
 * on their own, Gao et al. 2018). Each is a flip-flop (self-excitation +
 * mutual inhibition) that two things tip over: the bend it feels (in the
 * neck, or just ahead of the tail, with the opposite sign) and a slow
 * adaptation (SMDD/SMDV, timer neurons that fill while their side is on and
 * then excite the other; in the tail the self-excitation itself depresses).
 * The bend is proprioception: a side switches once the body has bent far
 * enough, which takes long on agar and little time in water, so the rhythm
 * follows the load (Fang-Yen et al. 2010). No sine generator anywhere.
 *
 * A body unit is a dorsal/ventral pair of motor neurons made a winner-take-all
 * by the D-type GABA neurons (DB → VD ⊣ VB, VB → DD ⊣ DB, which also relax the
 * opposite muscles). The command interneuron lifts both to about their
 * threshold, so the sign of the bend ahead picks the winner and the drive sets
 * how hard it contracts: more AVB drive, stronger bending, faster crawling,
 * with no change of regime. Without its command the pair sits ~25 mV below
 * threshold, where no bend can wake it (so A-type units stay quiet going
 * forward and B-type ones going backward).
 *
 * Stable hooks for other layers (touch, senses): command interneurons AVA
 * (backward) and AVB (forward); head motor neurons RMDD (bends left/dorsal)
 * and RMDV (right/ventral).
 */
import { type Builder, round3 } from './builder';

/**
 * Tunable numbers of the locomotion core, in one place (pA, mV, ms; gains of
 * stretch receptors in pA per unit of κ·L, curvature × body length). Motor
 * neurons have R = τ/C = 20 GΩ: 1 pA held moves V by 20 mV.
 */
export const GAIT = {
  /**
   * Body units behind the head; each uses one real neuron per class (DB/VB/DA/VA/DD/VD 1..units). The worm
   * has seven DB but six DD: a seventh unit shares DD6 (the last DD, which also covers the tail in the worm).
   */
  units: 6,
  /** Where the head's muscles end and the body units begin (body fraction). */
  headEnd: 0.2,

  /** AVB's own drive: the worm crawls forward unless something stops it. AVB sits partway up its release curve, so PVC can speed the worm. */
  avbTonicPa: 1.36,
  /** AVB's half-release potential and release curve width, mV. */
  avbHalfMv: -45,
  avbSlopeMv: 8,
  /**
   * How far AVA's half-release potential sits below the command cells' −40 mV (mV; 0 = the shipped worm). With AVA–A gap
   * junctions (aGapNs) a held AVA is pulled toward the A units' V and sits lower than without them; a lower midpoint lets
   * it release there.
   */
  avaHalfBelowMv: 0,
  /** AVA ⊣ AVB and AVB ⊣ AVA (pA at full output): forward and backward exclude each other. */
  avaInhibitsAvb: 2,
  avbInhibitsAva: 1.5,

  /** Head oscillator (RMD): self-excitation and pair inhibition (pA at full output), τ (ms), own drive (pA) and AVB's drive onto it. */
  oscSelfExcitation: 1,
  oscPairInhibition: 1.5,
  oscTauMs: 20,
  headTonicPa: 0.7,
  headDrive: 0.52,
  /** Where the head oscillator feels the bend, and its gain (opposite sign: a bend to the left excites the right side). */
  headSenseAt: 0.15,
  headStretchGain: 0.125,
  /**
   * Length of body the neck's receptors read (body fraction; 0 = one point, the shipped worm), as senseWidth for
   * the units: three points at headSenseAt and ± half this, a third of the gain each, so a small change of
   * headSenseAt moves the head's input smoothly instead of jumping to the next of the body's 19 joints.
   */
  headSenseWidth: 0,
  /**
   * The neck's stretch receptors also answer the rate of bending (ms; 0 = off, the shipped worm), as the
   * units' do (stretchRateMs): in water the neck bends fast and the head flips sooner; on agar the term is small.
   */
  headStretchRateMs: 0,
  /** SMD timers: τ (ms) and their drive onto the opposite RMD. They switch the head after a few seconds if the bend never does. */
  timerTauMs: 4500, // 4000 before timerFatigue: with it, agar read 0.6003 Hz (bound 0.6) and speed 0.9 → 0.95 drive jumped 1.22×
  timerGain: 1.5,
  /**
   * A full timer also holds its own side down (pA at full output): adaptation of the side that has been on.
   * Without it, a steady bias on one side (steering through SMB, worm.json) held that side on until
   * its timer filled and switched the other side on too; both timers then filled and both sides stayed
   * on for good, the head and the body wave frozen (the full worm stalled ~4 mm from food, seeds 1, 2, 4).
   */
  timerFatigue: 1.5,
  /**
   * Where the dorsal timer SMDD starts (mV; −65 = rest, the shipped worm). The head starts on its dorsal side
   * (RMDD depolarised), so its first flip waits for SMDD to charge unless the neck's bend flips it first.
   */
  timerStartMv: -65,
  /**
   * Where the ventral timer SMDV starts (mV; −65 = rest, the shipped worm). With SMDD alone part-charged (timerStartMv)
   * the dorsal timer stays above the ventral one for ~15 s, and its drive onto RMDV and fatigue of RMDD bend the head,
   * and the body copying it, ventrally all that while (docs/biology.md, "The conductance gait crawls straight").
   */
  timerVentralStartMv: -65,

  /** Body units: membrane τ (ms), rest, half-release and release width (mV). */
  unitTauMs: 10,
  unitRestMv: -76,
  unitHalfMv: -44.8,
  unitSlopeMv: 6.3,
  /** Command interneuron → its units (pA at full output): lifts them to about threshold at the resting command level. */
  unitDrive: 2.32,
  /**
   * AVB–B-unit gap junctions (nS each, DB/VB; 0 = none, the shipped worm), beside the chemical drive: AVB couples
   * to DB/VB mainly by gap junctions in the worm. The junctions lift AVB toward the units' mean V, near the top of its
   * release curve, so its chemical drive barely moves with its own input; the units follow AVB's V through the
   * junctions instead, ohmically, and a unit held far from it is pulled back. On the conductance worm this makes speed
   * rise with AVB's drive, at a long wave (docs/biology.md, "What the short wave is made of").
   */
  unitGapNs: 0,
  /**
   * B-units' plateau current (graded model's plateauNs, nS; 0 = off, the shipped current-based worm):
   * a persistent inward current that makes each DB/VB hold the side it has switched to, as Boyle,
   * Berri & Cohen (2012) model B-units (bistable, switched by stretch). It activates around the
   * units' release midpoint as steeply as their release (slope unitSlopeMv / 2) and reverses at
   * +50 mV (Ca²⁺-like). On the conductance-converted worm it removes the short-wave mode the crawl
   * otherwise falls into after ~15 s (docs/biology.md).
   */
  unitPlateauNs: 0,
  /** Inactivation of the B-units' plateau (ms; 0 = never): a unit can hold a side only so long. */
  unitPlateauInactMs: 0,
  /** Excitatory motor neuron → its D-type partner, and D-type ⊣ the opposite motor neuron (pA at full output). */
  gabaDrive: 1.5,
  crossInhibition: 0.66,
  /** D-type relaxation of the opposite muscles (muscle gain). */
  gabaGain: 0.8,
  /** Stretch receptor gain of the units and how far ahead of (B) or behind (A) its centre a unit feels the bend (body fraction). */
  stretchGain: 0.15,
  senseReach: 0.2,
  /**
   * The units' stretch receptors also answer the rate of bending (ms; 0 = off, the shipped worm):
   * gain × (κL + stretchRateMs × d(κL)/dt). In water the body bends fast, so a unit copies the bend
   * ahead sooner and the swimming wave grows longer; on agar the bend is slow and the term small.
   */
  stretchRateMs: 0,
  /**
   * The B units' stretch receptors follow what they feel through a first-order lag (ms; 0 = at once, the shipped worm).
   * At a given frequency the lag puts each unit a fixed phase later behind the bend it reads, whatever AVB's drive, so
   * the wave travels more slowly down the body without any unit holding its side longer (docs/biology.md, "A receptor
   * that lags the bend"). The A units' receptors keep none.
   */
  stretchLagMs: 0,
  /**
   * Length of body a unit's stretch receptor reads (body fraction; 0 = one point, the shipped worm): three
   * receptors at the reach's point and ± half this, a third of the gain each. One point rounds to the nearest of the
   * body's 19 joints, so a small change of senseReach can move it past a unit boundary (the short-wave mode).
   */
  senseWidth: 0,
  selfSenseGain: 0.02,
  /** Coupling of neighbouring units of one side: gap junctions (nS) and a chemical synapse down the wave (pA at full output). */
  unitChain: 3.5,
  chainUse: 0.03,
  chainRecoveryMs: 200,
  headChain: true,
  /** The same push up the body for the A-type units (backward). */
  aChain: 1.5,
  /**
   * The A-type units of the body against the B-type ones (1, 1, 0: the same, the shipped worm and CONDUCTANCE_GAIT):
   * AVA's drive onto them (× unitDrive), their D-type inhibition (× crossInhibition), and how far below unitRestMv they
   * rest (mV). On conductances the D-type inhibition the B units' gait needs also holds a backing A unit's loser down
   * (docs/biology.md, "Why the A units latch"); a deeper rest keeps a bend from waking them going forward.
   */
  aDriveScale: 1,
  aInhibitionScale: 1,
  aRestBelowMv: 0,
  /**
   * The A-type units' stretch receptors: gain (× stretchGain) and rate term (× stretchRateMs); 1, 1 = the B units' own,
   * the shipped worm. With the B units' full rate term every A unit flips as soon as the body behind it starts to move,
   * all within ~0.1 s: a standing wave that slides the worm round a C instead of a wave that runs to the head.
   */
  aStretchScale: 1,
  aStretchRateScale: 1,
  /**
   * AVA–A-unit gap junctions (nS each, the body's DA/VA; 0 = none, the shipped worm), beside AVA's chemical drive: in the
   * worm AVA couples to the A-type motor neurons through UNC-7/UNC-9 gap junctions, and with AVA hyperpolarised during
   * forward crawling they shunt the A units and damp their activity (Kawano et al. 2011, Neuron 72:572). The tail pair
   * DA9/VA12 is left out: it is the backward oscillator, and with junctions to AVA too (tried at TAIL_POINT) its two sides
   * were held together and it stopped flipping. Twelve junctions load AVA (its leak is one unit's): see avaHalfBelowMv.
   */
  aGapNs: 0,
  /**
   * AVA's size (× its capacitance and leak, τ unchanged; 1 = the shipped worm). AVA is the motor circuit's largest
   * neuron, but is built with one motor unit's leak (0.05 nS), so twelve aGapNs junctions outweigh it and drain a held
   * AVA. Every input that injects into AVA (its chemical synapses from every layer, sensors, receptors, tonic current) is
   * scaled by the same factor, so its V answers them as before; the junctions are not (cell-size.ts). Conductance worm
   * only: read by buildConductance (membrane.ts), which sizes the document before converting it.
   */
  avaSizeScale: 1,
  /**
   * AVB's size (× its capacitance and leak, τ unchanged; 1 = the shipped worm), as avaSizeScale for AVA. AVB, too, is a
   * large cell of the motor circuit, built with one motor unit's leak, so its fourteen unitGapNs junctions about double its
   * load and tie it to the B units' mean V: the lawn's dopamine on the units dragged AVB down with them, and serotonin's
   * MOD-1 on AVB was shunted (docs/biology.md, "Enhanced slowing on the short-wave worm"). Its inputs are scaled to match,
   * its junctions not (cell-size.ts). Conductance worm only: read by buildConductance (membrane.ts).
   */
  avbSizeScale: 1,

  /** Tail oscillator (DA9/VA12): where it feels the bend, its gain, and the depression of its self-excitation (use per ms at full output, recovery ms). */
  tailDrive: 1.5,
  tailSenseAt: 0.85,
  tailStretchGain: 0.05,
  tailAdaptUse: 0.0005,
  tailAdaptRecoveryMs: 4000,
  /**
   * The tail pair's self-excitation (× oscSelfExcitation) and mutual inhibition (× oscPairInhibition), and the share of
   * that inhibition that runs directly DA9 ⊣ VA12 ⊣ DA9 instead of through the D-type neurons (0..1; 1, 1, 0 = the
   * shipped worm). At seven units the tail's DD is DD6, which unit 6 drives too: a unit 6 held ventral keeps DA9 down
   * and the tail's dorsal muscles relaxed, and the tail oscillator never starts (docs/biology.md, "Why the A units latch").
   */
  tailSelfScale: 1,
  tailPairScale: 1,
  tailPairDirect: 0,
  /**
   * VA12 ⊣ DA9 directly with the tail's own D cells (tailOwnD), × the tail pair's inhibition (oscPairInhibition ×
   * tailPairScale; 0 = none, the shipped worm). The D cells inhibit the pair one way only, DA9 → VD12 ⊣ VA12 (Cook et al.
   * 2019 have no D cell onto DA9), so DA9's phases outlasted VA12's and a held backing turned one way from every onset.
   * The wiring's largest motor input to DA9 is VA12 → DA9 (17 contacts in Cook et al. 2019, 5 in White/Varshney, `data/`);
   * both are cholinergic, so an inhibitory synapse needs acetylcholine-gated chloride channels on DA9 (the ACC family,
   * Putrenko et al. 2005): a modelling assumption, as tailPairDirect's (docs/biology.md, "The backing follows the head").
   */
  tailVaInhibitsDa: 0,
  /**
   * The tail pair's inhibition through the tail's own D-type cells, as the wiring has it (0 = through the tail unit's
   * DD/VD, the shipped worm; 1 = own cells). Cook et al. 2019: DA9 → VD12 (11 contacts) ⊣ VA12 (13); no D cell synapses onto DA9
   * in either table, so DD6 only relaxes the dorsal muscles. The tail unit's ventral D cell is then VD12 (it takes VD7's
   * place: DB7 and DA9 drive it, it relaxes the tail's ventral muscles and holds VB7 and VA12 down).
   */
  tailOwnD: 0,
  /**
   * Depression of AVA's drive onto the tail pair (use per ms at full release, recovery ms; 0, 0 = none, the shipped
   * worm). A depressing drive is strong at AVA's onset, which kicks the pair into its self-excitation on a straight body
   * (no stretch to start it), and weaker under a held AVA, where a strong steady drive holds DA9 on (docs/biology.md,
   * "The tail pair on a straight body"). CONDUCTANCE_GAIT kicks the pair since session 16.
   */
  tailDriveUse: 0,
  tailDriveRecoveryMs: 0,
  /**
   * How far below unitRestMv the tail pair DA9/VA12 rests (mV; 0 = with the units, the shipped worm), as aRestBelowMv for
   * the body's A units: a deeper rest keeps the forward wave's bends from waking the pair. With tailOwnD the pair is not
   * symmetric going forward: VD12 (driven by DB7) holds VA12 down through the dorsal half-cycles, nothing holds DA9, so
   * DA9 answers each ventral bend of the tail and pulls it dorsal (docs/biology.md, "The conductance gait crawls straight").
   */
  tailRestBelowMv: 0,
};

/** The worm has seven DB (the fewest of the B/A classes), so at most seven units; and six DD, so unit 7 shares DD6. */
const MAX_UNITS = 7;
const MAX_DD = 6;

const motor = (tauMs: number, restMv: number, vHalfMv: number, slopeMv: number, tonicPa = 0): Record<string, number> => ({
  capacitance: tauMs / 20,
  tauMs,
  restMv,
  vHalfMv,
  slopeMv,
  ...(tonicPa !== 0 && { tonicPa }),
});

/** Locomotion: command interneurons AVB (forward) and AVA (backward), head and tail oscillators, B- and A-type units, GABA D-type. */
export function addLocomotion(b: Builder): void {
  const G = GAIT;
  if (!(Number.isInteger(G.units) && G.units >= 2 && G.units <= MAX_UNITS)) {
    throw new RangeError(`GAIT.units = ${G.units}: must be an integer 2..${MAX_UNITS} (one real DB neuron per unit)`);
  }
  if (!(G.unitGapNs >= 0 && G.unitGapNs <= 1)) {
    throw new RangeError(
      `GAIT.unitGapNs = ${G.unitGapNs}: must be a conductance 0..1 nS (0 = no AVB–B gap junctions, the shipped worm; 1 nS is 20× a unit's leak)`,
    );
  }
  if (!(G.stretchLagMs >= 0 && G.stretchLagMs <= 5000)) {
    throw new RangeError(`GAIT.stretchLagMs = ${G.stretchLagMs}: must be 0..5000 ms (the B units' receptor lag; 0 = none, the shipped worm)`);
  }
  if (!(G.aGapNs >= 0 && G.aGapNs <= 1)) {
    throw new RangeError(`GAIT.aGapNs = ${G.aGapNs}: must be a conductance 0..1 nS (0 = no AVA–A gap junctions, the shipped worm; 1 nS is 20× a unit's leak)`);
  }
  for (const [field, cell] of [
    ['avaSizeScale', 'AVA'],
    ['avbSizeScale', 'AVB'],
  ] as const) {
    const k = G[field];
    if (!(k >= 1 && k <= 100)) {
      throw new RangeError(
        `GAIT.${field} = ${k}: must be 1..100 (× ${cell}'s capacitance and leak, its inputs scaled to match; 1 = one motor unit's leak, the shipped worm)`,
      );
    }
  }
  if (!(G.tailRestBelowMv >= 0 && G.tailRestBelowMv <= 30)) {
    throw new RangeError(
      `GAIT.tailRestBelowMv = ${G.tailRestBelowMv}: must be 0..30 mV (how far below unitRestMv the tail pair DA9/VA12 rests; 0 = with the units, the shipped worm)`,
    );
  }
  if (!(G.timerVentralStartMv >= -80 && G.timerVentralStartMv <= -30)) {
    throw new RangeError(
      `GAIT.timerVentralStartMv = ${G.timerVentralStartMv}: must be −80..−30 mV (where the ventral SMD timer starts; −65 = at rest, the shipped worm)`,
    );
  }
  if (!(G.avaHalfBelowMv >= 0 && G.avaHalfBelowMv <= 25)) {
    throw new RangeError(`GAIT.avaHalfBelowMv = ${G.avaHalfBelowMv}: must be 0..25 mV (AVA's release midpoint −40..−65 mV, its rest; 0 = the shipped worm)`);
  }
  if (!(G.tailOwnD === 0 || G.tailOwnD === 1)) {
    throw new RangeError(`GAIT.tailOwnD = ${G.tailOwnD}: must be 0 (tail pair inhibited through the tail unit's DD/VD) or 1 (through its own VD12)`);
  }
  if (!(G.tailVaInhibitsDa >= 0 && G.tailVaInhibitsDa <= 2) || (G.tailVaInhibitsDa > 0 && G.tailOwnD !== 1)) {
    throw new RangeError(
      `GAIT.tailVaInhibitsDa = ${G.tailVaInhibitsDa}: must be 0..2 (× the tail pair's inhibition, VA12 ⊣ DA9 directly; 0 = none, the shipped worm), and above 0 only with tailOwnD 1 (without it DD6 ⊣ DA9 and tailPairDirect do this)`,
    );
  }
  if (!(G.tailPairDirect >= 0 && G.tailPairDirect <= 1)) {
    throw new RangeError(
      `GAIT.tailPairDirect = ${G.tailPairDirect}: must be 0..1 (the share of the tail pair's inhibition that runs directly; 0 = all through the D-type neurons)`,
    );
  }
  if (!(G.tailDriveUse >= 0 && G.tailDriveUse <= 1) || (G.tailDriveUse > 0 && !(G.tailDriveRecoveryMs > 0))) {
    throw new RangeError(
      `GAIT.tailDriveUse = ${G.tailDriveUse}, tailDriveRecoveryMs = ${G.tailDriveRecoveryMs}: the use must be 0..1 per ms and, when above 0, the recovery > 0 ms (0, 0 = AVA's drive onto the tail pair does not depress)`,
    );
  }
  // Command interneurons: slow (τ 300 ms), so a stimulus sets a state that lasts.
  const command = { capacitance: 15, tauMs: 300, restMv: -65, vHalfMv: -40, slopeMv: G.avbSlopeMv };
  b.neuron('AVB', 'inter', 'acetylcholine', { ...command, vHalfMv: G.avbHalfMv, tonicPa: G.avbTonicPa }, -35, 300, 250);
  // AVA: a sharper release curve than AVB, so a fading AVA stops holding AVB down.
  b.neuron('AVA', 'inter', 'glutamate', { ...command, vHalfMv: command.vHalfMv - G.avaHalfBelowMv, slopeMv: 4 }, -65, 500, 250);
  b.chem('AVA', 'AVB', G.avaInhibitsAvb, { sign: 'inhibitory' });
  b.chem('AVB', 'AVA', G.avbInhibitsAva, { sign: 'inhibitory' });

  // Head: RMDD (dorsal/left) and RMDV (ventral/right), a flip-flop switched by the neck's bend and by the SMD timers.
  // RMDD starts depolarised: the first bend is to the left, breaking the symmetry.
  const osc = motor(G.oscTauMs, -65, -45, 4, G.headTonicPa);
  b.neuron('RMDD', 'motor', 'acetylcholine', osc, -35, 60, 420);
  b.neuron('RMDV', 'motor', 'acetylcholine', osc, undefined, 60, 460);
  flipFlop(b, 'RMDD', 'RMDV', G.oscSelfExcitation, G.oscPairInhibition);
  b.chem('AVB', 'RMDD', G.headDrive);
  b.chem('AVB', 'RMDV', G.headDrive);
  timers(b, 'RMDD', 'RMDV', 'SMDD', 'SMDV', 40, 320);
  const neck = spread(G.headSenseAt, G.headSenseWidth);
  for (const at of neck) oscSense(b, 'RMDD', 'RMDV', at, G.headStretchGain / neck.length, G.headStretchRateMs);
  b.muscles.push({ neuron: 'RMDD', side: 'left', from: 0, to: G.headEnd, gain: 1 });
  b.muscles.push({ neuron: 'RMDV', side: 'right', from: 0, to: G.headEnd, gain: 1 });

  const span = (1 - G.headEnd) / G.units;
  const unit = motor(G.unitTauMs, G.unitRestMv, G.unitHalfMv, G.unitSlopeMv);
  const bUnit =
    G.unitPlateauNs > 0
      ? {
          ...unit,
          plateauNs: G.unitPlateauNs,
          plateauHalfMv: G.unitHalfMv,
          plateauSlopeMv: round3(G.unitSlopeMv / 2),
          ...(G.unitPlateauInactMs > 0 && { plateauInactMs: G.unitPlateauInactMs }),
        }
      : unit;
  const gaba = motor(20, -65, -45, 4);
  for (let i = 0; i < G.units; i++) {
    const k = i + 1;
    const from = round3(G.headEnd + i * span);
    const to = round3(G.headEnd + (i + 1) * span);
    const mid = (from + to) / 2;
    const x = 140 + i * 120;
    const tail = k === G.units;
    // B-type (forward): copy the bend ahead.
    const [db, vb] = [`DB${k}`, `VB${k}`];
    b.neuron(db, 'motor', 'acetylcholine', bUnit, undefined, x, 420);
    b.neuron(vb, 'motor', 'acetylcholine', bUnit, undefined, x + 40, 420);
    b.chem('AVB', db, G.unitDrive);
    b.chem('AVB', vb, G.unitDrive);
    if (G.unitGapNs > 0) b.gap('AVB', db, G.unitGapNs).gap('AVB', vb, G.unitGapNs);
    stretch(b, db, vb, round3(Math.max(0.02, mid - G.senseReach)), G.stretchGain, G.stretchRateMs, G.stretchLagMs);
    if (G.selfSenseGain > 0) oscSense(b, db, vb, round3(mid), G.selfSenseGain);
    // A-type (backward): copy the bend behind; the tail's own pair DA9/VA12 is the tail oscillator.
    const [da, va] = tail ? ['DA9', 'VA12'] : [`DA${k}`, `VA${k}`];
    if (tail) {
      // Resting with the units (not with the head oscillator): without AVA no bend can wake it.
      const t = motor(G.oscTauMs, G.unitRestMv - G.tailRestBelowMv, -45, 4);
      b.neuron(da, 'motor', 'acetylcholine', t, undefined, x, 520);
      b.neuron(va, 'motor', 'acetylcholine', t, undefined, x + 40, 520);
      const adapt = { depression: { use: G.tailAdaptUse, recoveryMs: G.tailAdaptRecoveryMs } };
      b.chem(da, da, G.oscSelfExcitation * G.tailSelfScale, adapt);
      b.chem(va, va, G.oscSelfExcitation * G.tailSelfScale, adapt);
      const driveAdapt = G.tailDriveUse > 0 ? { depression: { use: G.tailDriveUse, recoveryMs: G.tailDriveRecoveryMs } } : {};
      b.chem('AVA', da, G.tailDrive, driveAdapt);
      b.chem('AVA', va, G.tailDrive, driveAdapt);
      oscSense(b, da, va, G.tailSenseAt, G.tailStretchGain);
    } else {
      const aUnit = G.aRestBelowMv === 0 ? unit : { ...unit, restMv: G.unitRestMv - G.aRestBelowMv };
      b.neuron(da, 'motor', 'acetylcholine', aUnit, undefined, x, 520);
      b.neuron(va, 'motor', 'acetylcholine', aUnit, undefined, x + 40, 520);
      b.chem('AVA', da, G.unitDrive * G.aDriveScale);
      b.chem('AVA', va, G.unitDrive * G.aDriveScale);
      if (G.aGapNs > 0) b.gap('AVA', da, G.aGapNs).gap('AVA', va, G.aGapNs);
      stretch(b, da, va, round3(Math.min(0.98, mid + G.senseReach)), G.stretchGain * G.aStretchScale, round3(G.stretchRateMs * G.aStretchRateScale));
      if (G.selfSenseGain > 0) oscSense(b, da, va, round3(mid), G.selfSenseGain);
    }
    // B-type units pass the wave on toward the tail, from the head oscillator.
    if (i > 0 || G.headChain) chain(b, i > 0 ? [`DB${k - 1}`, `VB${k - 1}`] : ['RMDD', 'RMDV'], [db, vb]);
    // D-type GABA: ventral excitation relaxes the dorsal side (DD) and vice versa (VD), and inhibits the opposite motor neurons.
    const ownD = tail && G.tailOwnD === 1;
    const [dd, vd] = [`DD${Math.min(k, MAX_DD)}`, ownD ? 'VD12' : `VD${k}`];
    if (!b.has(dd)) b.neuron(dd, 'motor', 'GABA', gaba, undefined, x, 620);
    b.neuron(vd, 'motor', 'GABA', gaba, undefined, x + 40, 620);
    for (const [src, dst] of [
      [vb, dd],
      [va, dd],
      [db, vd],
      [da, vd],
    ])
      b.chem(src, dst, G.gabaDrive);
    const cross = tail ? G.oscPairInhibition * G.tailPairScale : G.crossInhibition * G.aInhibitionScale;
    const direct = tail && !ownD ? G.tailPairDirect : 0;
    b.chem(dd, db, G.crossInhibition);
    b.chem(vd, vb, G.crossInhibition);
    if (ownD) b.chem(vd, va, cross);
    else if (direct < 1) {
      b.chem(dd, da, cross * (1 - direct));
      b.chem(vd, va, cross * (1 - direct));
    }
    // The wiring's VA12 → DA9 as an inhibition (tailVaInhibitsDa): the tail's D cells hold only VA12 down.
    if (ownD && G.tailVaInhibitsDa > 0) b.chem(va, da, round3(cross * G.tailVaInhibitsDa), { sign: 'inhibitory' });
    if (direct > 0) {
      b.chem(da, va, cross * direct, { sign: 'inhibitory' });
      b.chem(va, da, cross * direct, { sign: 'inhibitory' });
    }
    for (const [n, side] of [
      [db, 'left'],
      [vb, 'right'],
      [da, 'left'],
      [va, 'right'],
    ] as const)
      b.muscles.push({ neuron: n, side, from, to, gain: 1 });
    b.muscles.push({ neuron: dd, side: 'left', from, to, gain: -G.gabaGain });
    b.muscles.push({ neuron: vd, side: 'right', from, to, gain: -G.gabaGain });
  }
  // A-type units pass the wave on toward the head, from the tail oscillator.
  const aType = (k: number) => (k === G.units ? ['DA9', 'VA12'] : [`DA${k}`, `VA${k}`]);
  for (let k = G.units - 1; k >= 1; k--) chain(b, aType(k + 1), aType(k), G.aChain);
}

/** The phasic push of one unit onto the next down the wave (a depressing synapse per side). */
function chain(b: Builder, from: string[], to: string[], weight = GAIT.unitChain): void {
  const G = GAIT;
  if (weight <= 0) return;
  const depression = G.chainUse > 0 ? { depression: { use: G.chainUse, recoveryMs: G.chainRecoveryMs } } : {};
  b.chem(from[0], to[0], weight, depression);
  b.chem(from[1], to[1], weight, depression);
}

/** Self-excitation and mutual inhibition: a pair that holds one side on. */
function flipFlop(b: Builder, d: string, v: string, self: number, pair: number): void {
  b.chem(d, d, self);
  b.chem(v, v, self);
  b.chem(d, v, pair, { sign: 'inhibitory' });
  b.chem(v, d, pair, { sign: 'inhibitory' });
}

/** A unit's stretch receptors: its dorsal (left) neuron is excited by a bend to the left at `at`, its ventral one by a bend to the right. */
function stretch(b: Builder, d: string, v: string, at: number, gain: number, rateMs: number, lagMs = 0): void {
  const rate = { ...(rateMs > 0 && { rateMs }), ...(lagMs > 0 && { lagMs }) };
  const points = spread(at, GAIT.senseWidth);
  const g = gain / points.length;
  for (const p of points) {
    b.sensors.push({ neuron: d, sensor: 'stretch', at: p, side: 'left', gain: g, ...rate });
    b.sensors.push({ neuron: v, sensor: 'stretch', at: p, side: 'right', gain: g, ...rate });
  }
}

/** Receptor points for a length `width` of body centred at `at`: one point, or three (at and ± width/2) kept on the body. */
function spread(at: number, width: number): number[] {
  return width > 0 ? [at - width / 2, at, at + width / 2].map((x) => round3(Math.min(0.98, Math.max(0.02, x)))) : [at];
}

/** An oscillator's proprioception: a bend to the left excites its right (ventral) neuron and vice versa. */
function oscSense(b: Builder, d: string, v: string, at: number, gain: number, rateMs = 0): void {
  const rate = rateMs > 0 ? { rateMs } : {};
  b.sensors.push({ neuron: d, sensor: 'stretch', at, side: 'right', gain, ...rate });
  b.sensors.push({ neuron: v, sensor: 'stretch', at, side: 'left', gain, ...rate });
}

/**
 * Slow timer neurons of an oscillating dorsal/ventral pair: each is filled by
 * its own side's motor neuron and excites the opposite one, so a side that
 * has been on for a while hands over to the other.
 */
function timers(b: Builder, d: string, v: string, td: string, tv: string, x: number, y: number): void {
  const G = GAIT;
  const slow = { capacitance: 1, tauMs: G.timerTauMs, restMv: -65, vHalfMv: -45, slopeMv: 4 };
  // A start at rest is the neuron's default state: no init, so the shipped document is unchanged.
  b.neuron(td, 'inter', 'acetylcholine', slow, G.timerStartMv === slow.restMv ? undefined : G.timerStartMv, x, y);
  b.neuron(tv, 'inter', 'acetylcholine', slow, G.timerVentralStartMv === slow.restMv ? undefined : G.timerVentralStartMv, x + 40, y);
  // Full output of its side lifts a timer by 30 mV (to −35 mV) over its τ (gL = C/τ).
  b.chem(d, td, 30 / G.timerTauMs);
  b.chem(v, tv, 30 / G.timerTauMs);
  b.chem(td, v, G.timerGain);
  b.chem(tv, d, G.timerGain);
  if (G.timerFatigue > 0) {
    b.chem(td, d, G.timerFatigue, { sign: 'inhibitory' });
    b.chem(tv, v, G.timerFatigue, { sign: 'inhibitory' });
  }
}
