/**
 * The gait's conductance values: the GAIT fields the conductance worm builds with (locomotion.ts reads GAIT; membrane.ts
 * puts these over it when a worm is built on conductances). Kept apart from GAIT so each file stays readable.
 */
import type { GAIT } from './locomotion';

/**
 * The working point of the conductance-converted worm (toConductanceCircuit with transduction): GAIT fields
 * that replace the shipped ones when the default worm is built on conductances
 * (`buildWorm({ membrane: 'conductance' })`, membrane.ts). The shipped, current-based worm does not
 * read it. docs/biology.md ("A receptor that lags the bend", session 12) gives its seeds 1–10 table, its units and
 * curves; the points before it are in "Seven motor units" (session 9) and "A working point for the converted worm" (8).
 */
export const CONDUCTANCE_GAIT: Readonly<Partial<typeof GAIT>> = {
  /** Seven units, not six: the same delay per unit over a shorter span gives a shorter agar wave (docs/biology.md, "Seven motor units"). */
  units: 7,
  /**
   * The forward gait (session 12, docs/biology.md "A receptor that lags the bend"): session 10's point Q (the neck read
   * over a length inside the first unit, the units' receptors over 0.055 BL) with B receptors that follow the bend through
   * a 344 ms lag, a fast rate term (100 ms) and a larger gain, and weak AVB–B gap junctions. The lag halves the wave's
   * speed down the body (0.63 → 0.32 BL/s, seed 1) with every unit switching once a half-cycle; without it the same point
   * crawls at 0.77 Hz, λ 0.88.
   */
  stretchLagMs: 344,
  stretchGain: 0.217,
  stretchRateMs: 100,
  unitGapNs: 0.00364,
  headStretchGain: 0.161,
  headTonicPa: 0.715,
  avbSlopeMv: 6.92,
  unitPlateauNs: 0.0301,
  crossInhibition: 2.42,
  /** 0.937 before AVB was sized (avbSizeScale, below: ×1.15 gives the crawl and the drive curve back). */
  avbTonicPa: 1.078,
  unitDrive: 2.47,
  headDrive: 0.456,
  senseReach: 0.181,
  senseWidth: 0.055,
  unitTauMs: 10.7,
  oscSelfExcitation: 0.977,
  oscPairInhibition: 1.49,
  headSenseAt: 0.327,
  headSenseWidth: 0.1,
  timerGain: 0.997,
  timerTauMs: 7610,
  unitChain: 1.27,
  /**
   * The backward crawl (session 12, docs/biology.md "A backward crawl on the short wave"): AVA_POINT's tail and AVA
   * (the tail pair inhibits itself through its own D cells; AVA–A gap junctions 0.133 nS with AVA ×4.14: a gate made of
   * AVA's V, Kawano et al. 2011), with the A units' receptors at 2.2× the B units' gain and 0.285× their rate term
   * (0.477 pA/κL, 28.5 ms: weaker than a B unit's, nearly rate-less), AVA's chemical drive onto them ×1.05 and its
   * release midpoint 8 mV lower (−48 mV; AVA_POINT's 12 kept AVA and the A units holding each other up after a tap, and
   * the worm stalled). AVA held on, 2–8 s: −0.243..−0.278 mm/s tail → head (seeds 1–3; held out 4–10 −0.234..−0.274);
   * A units above their midpoint on 4.3–4.7 % of the forward crawl (5.5–5.9 %, seeds 1–5, since the tail pair rests 3 mV
   * lower: tailRestBelowMv below; `npx tsx test/behaviour/backward-crawl.ts 1,2,3,4,5`).
   */
  tailOwnD: 1,
  tailPairDirect: 0,
  tailSelfScale: 2.63,
  tailPairScale: 0.831,
  /**
   * tailDrive 0.741 before the tail pair rested 3 mV lower (tailRestBelowMv, below): ×1.15 gave the held AVA's backing back.
   * The tail pair kicked at AVA's onset by a depressing drive (session 15, docs/biology.md "The tap reverses from any
   * stroke phase"; landed in session 16, "The lawn's first tap and the omega turns"): at 0.85, 0, 0 with a stretch gain
   * of 0.121 the lawn's straight tail did not start (first taps 0.05, 0.01 mm on seeds 2, 3). With the kick the pair
   * feels the bend one joint further forward (tailSenseAt 0.85 → 0.8, along the ventral cord ahead of the preanal
   * ganglion): at 0.85 the kick cost the open-field tap a third (0.44–0.68 mm against 0.68–0.93, seeds 1–5) and left the
   * lawn's first taps at 0.21–0.45; at 0.8 they are 0.60–0.80 and 0.28–0.52 mm and a held AVA backs at −0.35 mm/s.
   */
  tailDrive: 1.3,
  tailDriveUse: 0.001,
  tailDriveRecoveryMs: 800,
  tailStretchGain: 0.15,
  tailSenseAt: 0.8,
  tailAdaptUse: 0.000255,
  tailAdaptRecoveryMs: 853,
  /**
   * VA12 ⊣ DA9 at half the tail pair's inhibition (session 16, docs/biology.md "The backing follows the head"): with only
   * DA9 → VD12 ⊣ VA12, DA9 out-lasted VA12 (8 s held backing, seed 1: mean output 0.52/0.42; the body's A units copied
   * the tail's dorsal bend, DA > VA from unit 3 back) and the held backing turned clockwise from every onset phase, −73°
   * on average over seeds 1–5 and onsets 4–7 s; 0.5: −15° (0.25 −35°, 0.75 −14°), backing −0.37 mm/s (was −0.28..−0.30).
   * `npx tsx test/behaviour/backing-units.ts conductance SEEDS '{"gait":{"tailVaInhibitsDa":K}}' as-built 4,4.5,5,5.5,6,6.5,7`.
   */
  tailVaInhibitsDa: 0.5,
  aChain: 0.416,
  aInhibitionScale: 0.524,
  aRestBelowMv: 14,
  aDriveScale: 1.05,
  aStretchScale: 2.2,
  aStretchRateScale: 0.285,
  aGapNs: 0.133,
  avaSizeScale: 4.14,
  avaHalfBelowMv: 8,
  /**
   * The tail pair 3 mV under the units (session 15, docs/biology.md "The conductance gait crawls straight"): going forward
   * DA9's mean output was 0.26–0.40 against VA12's 0.02–0.09 (VD12 holds VA12 down, nothing holds DA9: tailOwnD), a dorsal
   * pull on the tail at every ventral bend that turned the path ventrally (seeds 1–10). 3 mV (with tailDrive ×1.15): DA9
   * 0.11–0.37, VA12 0.008–0.027. Deeper (6, 14 mV) silences DA9 but frees the tail's tip: VA6, which reads it, is on 40 %
   * of the forward crawl and the body A units' share 7.3–7.5 % (conductance-gait.test's bound < 6 %; at 3 mV 5.5–5.9 %).
   * `npx tsx test/behaviour/curve-units.ts conductance SEEDS`, `backward-crawl.ts 1,2,3,4,5`.
   */
  tailRestBelowMv: 3,
  /**
   * AVB sized for its junctions (session 13, docs/biology.md "Enhanced slowing on the short-wave worm"): at one unit's
   * leak the fourteen AVB–B junctions tied AVB to the units' mean V, so the lawn's dopamine on the units dragged AVB to
   * −59 mV (release 0.05) in fed worms and serotonin's MOD-1 had nothing left to slow (NSM ablated / intact starved 1.01).
   * ×6 keeps a fed worm's AVB on the lawn near its release midpoint, and a starved worm's MOD-1 takes it toward −65 mV.
   * A larger AVB no longer gets the units' lift, which put the working point in the dip of the drive curve (×0.9 0.165 >
   * ×1 0.147 BL/s, seeds 1–5): its tonic drive ×1.15 (avbTonicPa 0.937 → 1.078 pA) gives the crawl and the curve back.
   */
  avbSizeScale: 6,
};
