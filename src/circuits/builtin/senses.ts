/**
 * The sensory layers of the built-in worm: chemotaxis (ASE → AIY/AIZ/AIB →
 * head steering and pirouettes), thermal avoidance (AFD) and toxin avoidance
 * (ASH, ADL). Each adds onto a builder that already holds the locomotion
 * core and uses only its stable hooks: AVA (backward command), AVB (forward
 * command), RMDD (bends the head left/dorsal) and RMDV (right/ventral).
 *
 * Chemotaxis uses the two strategies of the real worm:
 * - weathervaning (Iino & Yoshida 2009): AWAL/AWAR, the odour neurons that
 *   depolarise to attractive odours (AWA is an ON cell for food odours such
 *   as diacetyl; Sengupta et al. 1996), each feel their own side of the nose
 *   minus the other and excite the head steering neuron of their side
 *   (SMBD → RMDD bends left, SMBV → RMDV right), so the head oscillator dwells
 *   on the richer side and the path curves up the gradient. Simplification:
 *   the real worm makes this comparison in time, across its head sweeps
 *   (AWA/AWC/ASE → AIY/AIZ → RIA/SMB/SMD); here the two AWA cells make it
 *   across the nose at once and reach SMB directly;
 * - pirouettes (Pierce-Shimomura et al. 1999): ASER (OFF, falling
 *   concentration) → AIZ, AIB → AVA: seconds of decline call a reversal;
 *   ASEL (ON) → AIY holds them off while things improve.
 * Heat and toxins are sensed on each side of the nose (AFDL/AFDR, ASHL/ASHR):
 * the sum drives the reversal, the side that feels more bends the head away.
 */
import type { OdourName } from '../../world/odours';
import type { CircuitDoc, SensorBinding } from '../types';
import { Builder } from './builder';
import { addLocomotion } from './locomotion';

/** Tunable numbers of the sensory layers (pA, mV, ms; gains in pA per unit of the field). */
export const SENSES = {
  /** ASEL: pA per a.u. of concentration rise above its 1 s average, each nose side. */
  aselGain: 60,
  /** ASER: pA per a.u. of concentration fall below its 1 s average, each nose side. */
  aserGain: 60,
  /** AWAL/AWAR: pA per a.u. of concentration difference between the two sides of the nose. */
  compareGain: 600,
  /**
   * Membrane τ of the side-comparison cells (ms; C = τ/20 keeps their gain): slow enough to average
   * over a head sweep, so steering follows the heading rather than each sweep. With τ 20 ms the nose's
   * own sweep fed back through SMB → RMD and, ahead of the food, the head flicked at 1.5 Hz
   * (λ 0.25, 0.04 BL/s: no worm reached the food); 500 ms still flicked, 1000–3000 ms reach it.
   */
  compareTauMs: 1500,
  /** Resting potential of the side-comparison cells: silent when both sides agree. */
  compareRestMv: -55,
  /**
   * How AWAL/AWAR read their side minus the other (compareBindings): 'levels' (the shipped worm) or 'difference'. As
   * conductances the two level bindings open opposed channels that shunt each other at any common level, so the cell
   * reads the ratio of the sides, not their difference (docs/biology.md, "Switching the default worm to conductances").
   */
  compareBy: 'levels' as CompareBy,
  /** Side-comparison cell → SMB of its side. */
  compareToSmb: 1,
  /** SMB → RMD of its side: biases the head oscillator toward that side. */
  smbToRmd: 1.2,
  /**
   * The turn relay (AIB, or RIM in the full worm): a slow, high-resistance integrator (C pF, τ ms),
   * so one head sweep down a gradient does not call a reversal but a second of it does, and the
   * simulation's channel noise moves it by a few mV (what makes spontaneous reversals, foraging.ts).
   * Inputs onto it are given as the mV they hold it up (or down) at full output: relayPa() turns
   * them into pA for the relay's input resistance τ/C.
   */
  relayCapacitance: 0.125,
  relayTauMs: 1000,
  aserToRelayMv: 30,
  aiyInhibitsRelayMv: 25,
  aizToRelayMv: 25,
  adlToRelayMv: 25,
  /** Relay → AVA: the pirouette (reversal) drive. */
  aibToAva: 5,
  /** AFD: pA per °C above the cultivation temperature, each side. */
  afdGain: 0.5,
  /** AFDL/AFDR → the reversal relay (mV, see relayPa): strong, so the worm backs off on the edge of the heat, not inside it. */
  afdToRelayMv: 100,
  /** Cultivation temperature, °C: AFD's set point. */
  cultivationC: 20,
  /**
   * Where AFD's set point sits: 'tonic' (a tonic current −afdGain × cultivationC against a receptor that reads gain × T,
   * the shipped worm) or 'receptor' (the binding's setPointC: the receptor reads gain × (T − cultivationC)). The two are
   * the same on currents. As conductances the tonic form cannot work: the receptor's standing conductance at the set
   * point (3× AFD's leak) shunts it, and no gain lifts AFD past −65 × cultivationC / T mV (−54 mV at 24 °C).
   */
  afdSetPoint: 'tonic' as 'tonic' | 'receptor',
  /** ASH: pA per a.u. of toxin, each side. */
  ashGain: 10,
  /** ASH → AVA. */
  ashToAva: 5,
  /** A nose side's heat or toxin cell → the SMB of the other side (bend away). */
  avoidToSmb: 1.5,
};

/** pA onto the turn relay that hold it `mv` above (or below) rest at full output. */
export const relayPa = (mv: number): number => (mv * SENSES.relayCapacitance) / SENSES.relayTauMs;

/** Sensory and interneurons: C = 1 pF, τ = 20 ms, so 1 pA lifts V by 20 mV; half release at −45 mV. */
const SENSORY = { capacitance: 1, tauMs: 20, restMv: -65, vHalfMv: -45, slopeMv: 4 };
const INTER = { capacitance: 1, tauMs: 20, restMv: -65, vHalfMv: -45, slopeMv: 4 };

function need(b: Builder, ...ids: string[]): void {
  for (const id of ids) {
    if (!b.has(id)) throw new Error(`senses: the builder has no neuron ${id}; add the locomotion core (addLocomotion) before the sensory layers`);
  }
}

/** A chemical synapse unless the same one is already there (layers that share a neuron may both want it). */
function chemOnce(b: Builder, from: string, to: string, weight: number): void {
  if (!b.synapses.some((s) => s.kind === 'chemical' && s.from === from && s.to === to)) b.chem(from, to, weight, { sign: 'excitatory' });
}

/**
 * Head steering neurons SMBD/SMBV (→ RMDD/RMDV), shared by every layer that
 * steers; added once. (SMB: head motor neurons that shape the head sweep;
 * SMD is left to the locomotion core, which may use it for its own timing.)
 */
function addHeadSteering(b: Builder): void {
  need(b, 'RMDD', 'RMDV');
  const smb = { ...INTER, restMv: -55 };
  for (const [id, rmd, x] of [
    ['SMBD', 'RMDD', 40],
    ['SMBV', 'RMDV', 120],
  ] as const) {
    if (b.has(id)) continue;
    b.neuron(id, 'inter', 'acetylcholine', smb, -55, x, 300);
    chemOnce(b, id, rmd, SENSES.smbToRmd);
  }
}

/**
 * The sensory layers' reversal relay: AIB, the turn-promoting interneuron
 * (slow, τ 1 s: it integrates its input, so one head sweep down the gradient
 * does not call a reversal but seconds of it do) → AVA. Made once; returns its
 * id. Where AIB is already there as the harsh-touch layer's turn readiness
 * (τ 8 s, charged by AVA, → RIV: the full worm), that AIB integrates so
 * slowly that the resting release of the five sensory cells would hold it at
 * saturation (and RIV with it, which stalls the worm), and it has no synapse
 * onto AVA (it would close a loop with AVA → AIB). So the senses then drive
 * their own relay, RIM, the interneuron through which AIB reaches AVA in the
 * real worm (Gray et al. 2005), with the same parameters.
 */
export function addTurnRelay(b: Builder): 'AIB' | 'RIM' {
  need(b, 'AVA');
  const harshAib = b.has('AIB') && !b.synapses.some((s) => s.from === 'AIB' && s.to === 'AVA');
  const id = harshAib ? 'RIM' : 'AIB';
  if (b.has(id)) return id;
  b.neuron(id, 'inter', 'glutamate', { ...INTER, capacitance: SENSES.relayCapacitance, tauMs: SENSES.relayTauMs }, undefined, 420, 180);
  b.chem(id, 'AVA', SENSES.aibToAva, { sign: 'excitatory' });
  return id;
}

/** How a side-comparison cell reads the two sides of the nose (compareBindings). */
export type CompareBy = 'levels' | 'difference';

/**
 * A side-comparison cell's bindings: `gain` × (its side's `odour` − the other side's), as two `level` bindings of
 * opposite gain ('levels', the shipped current-based worms) or one `difference` binding. As currents the two are the
 * same input. As conductances they are not: two level bindings open cation and chloride channels at once, which
 * clamp the cell between their reversals by the ratio of the two sides (a 1 % difference across the nose moves it
 * ~0.2 mV), so the conductance worms' learning and choice layers use 'difference' (docs/biology.md, "The learning and
 * choice worms on conductances").
 */
export function compareBindings(
  neuron: string,
  odour: OdourName | undefined,
  own: 'left' | 'right',
  gain: number,
  by: CompareBy,
  matchMv?: number,
): SensorBinding[] {
  if (by !== 'levels' && by !== 'difference') throw new RangeError(`compareBy = ${JSON.stringify(by)}: must be 'levels' (the shipped worms) or 'difference'`);
  const other = own === 'left' ? 'right' : 'left';
  // No odour: the binding reads the default field (food), and the file leaves the field out.
  const smell = odour !== undefined && { odour };
  const conducting = matchMv !== undefined && ({ transduction: 'conductance', matchMv } as const);
  if (by === 'difference') return [{ neuron, sensor: 'chemical', ...smell, side: own, response: 'difference', gain, ...conducting }];
  return [
    { neuron, sensor: 'chemical', ...smell, side: own, response: 'level', gain },
    { neuron, sensor: 'chemical', ...smell, side: other, response: 'level', gain: -gain },
  ];
}

/**
 * Chemotaxis. Pirouettes: ASEL (ON) / ASER (OFF) → AIY / AIZ → AIB → AVA.
 * Weathervaning: AWAL/AWAR compare the two sides of the nose → SMBD/SMBV → RMDD/RMDV.
 */
export function addChemotaxis(b: Builder): void {
  need(b, 'AVA', 'AVB', 'RMDD', 'RMDV');
  const S = SENSES;
  addHeadSteering(b);
  const aib = addTurnRelay(b);
  b.neuron('ASEL', 'sensory', 'glutamate', SENSORY, undefined, 60, 40);
  b.neuron('ASER', 'sensory', 'glutamate', SENSORY, undefined, 260, 40);
  for (const side of ['left', 'right'] as const) {
    b.sensors.push({ neuron: 'ASEL', sensor: 'chemical', side, response: 'on', gain: S.aselGain });
    b.sensors.push({ neuron: 'ASER', sensor: 'chemical', side, response: 'off', gain: S.aserGain });
  }
  b.neuron('AIY', 'inter', 'acetylcholine', INTER, undefined, 60, 180);
  b.neuron('AIZ', 'inter', 'glutamate', INTER, undefined, 260, 180);
  // ASEL excites AIY; ASER inhibits AIY and excites AIZ and AIB (glutamate acts both ways in the worm).
  b.chem('ASEL', 'AIY', 1.5, { sign: 'excitatory' });
  b.chem('ASER', 'AIY', 1.5, { sign: 'inhibitory' });
  b.chem('ASER', 'AIZ', 1.5, { sign: 'excitatory' });
  b.chem('ASER', aib, relayPa(S.aserToRelayMv), { sign: 'excitatory' });
  // AIY (rising concentration) suppresses turning; AIZ promotes it.
  b.chem('AIY', 'AIZ', 1.5, { sign: 'inhibitory' });
  b.chem('AIY', aib, relayPa(S.aiyInhibitsRelayMv), { sign: 'inhibitory' });
  b.chem('AIZ', aib, relayPa(S.aizToRelayMv), { sign: 'excitatory' });
  // Weathervaning: each comparison cell feels its own side of the nose minus the other side.
  const cmp = { ...SENSORY, restMv: S.compareRestMv, tauMs: S.compareTauMs, capacitance: S.compareTauMs / 20 };
  b.neuron('AWAL', 'sensory', 'glutamate', cmp, S.compareRestMv, 0, 120);
  b.neuron('AWAR', 'sensory', 'glutamate', cmp, S.compareRestMv, 160, 120);
  b.sensors.push(
    ...compareBindings('AWAL', undefined, 'left', S.compareGain, S.compareBy),
    ...compareBindings('AWAR', undefined, 'right', S.compareGain, S.compareBy),
  );
  b.chem('AWAL', 'SMBD', S.compareToSmb, { sign: 'excitatory' });
  b.chem('AWAR', 'SMBV', S.compareToSmb, { sign: 'excitatory' });
}

/** Thermal avoidance: AFDL/AFDR feel warmth above the cultivation temperature on their side of the nose. */
export function addThermotaxis(b: Builder): void {
  need(b, 'AVA', 'RMDD', 'RMDV');
  const S = SENSES;
  const aib = addTurnRelay(b);
  // The set point (cultivation temperature): at T* the input cancels, through a tonic offset or in the receptor (afdSetPoint).
  const inReceptor = S.afdSetPoint === 'receptor';
  if (!inReceptor && S.afdSetPoint !== 'tonic')
    throw new RangeError(`SENSES.afdSetPoint = ${JSON.stringify(S.afdSetPoint)}: must be 'tonic' (the shipped worm) or 'receptor'`);
  const afd = inReceptor ? SENSORY : { ...SENSORY, tonicPa: -S.afdGain * S.cultivationC };
  const setPoint = inReceptor ? { setPointC: S.cultivationC } : {};
  b.neuron('AFDL', 'sensory', 'glutamate', afd, undefined, 60, -80);
  b.neuron('AFDR', 'sensory', 'glutamate', afd, undefined, 160, -80);
  b.sensors.push({ neuron: 'AFDL', sensor: 'temperature', side: 'left', response: 'level', gain: S.afdGain, ...setPoint });
  b.sensors.push({ neuron: 'AFDR', sensor: 'temperature', side: 'right', response: 'level', gain: S.afdGain, ...setPoint });
  b.chem('AFDL', aib, relayPa(S.afdToRelayMv), { sign: 'excitatory' });
  b.chem('AFDR', aib, relayPa(S.afdToRelayMv), { sign: 'excitatory' });
  // Warmer on the left → bend right, away (and vice versa).
  addHeadSteering(b);
  b.chem('AFDL', 'SMBV', S.avoidToSmb, { sign: 'excitatory' });
  b.chem('AFDR', 'SMBD', S.avoidToSmb, { sign: 'excitatory' });
}

/** Toxin avoidance: ASHL/ASHR (polymodal nociceptors) → AVA, and ADL (slower, weaker) → AIB. */
export function addToxinAvoidance(b: Builder): void {
  need(b, 'AVA', 'RMDD', 'RMDV');
  const S = SENSES;
  const aib = addTurnRelay(b);
  // The harsh-touch layer may have made ASHL/ASHR already (the full worm): the same polymodal cells feel toxins too.
  if (!b.has('ASHL')) b.neuron('ASHL', 'sensory', 'glutamate', SENSORY, undefined, 300, -80);
  if (!b.has('ASHR')) b.neuron('ASHR', 'sensory', 'glutamate', SENSORY, undefined, 400, -80);
  b.sensors.push({ neuron: 'ASHL', sensor: 'toxin', side: 'left', response: 'level', gain: S.ashGain });
  b.sensors.push({ neuron: 'ASHR', sensor: 'toxin', side: 'right', response: 'level', gain: S.ashGain });
  b.chem('ASHL', 'AVA', S.ashToAva, { sign: 'excitatory' });
  b.chem('ASHR', 'AVA', S.ashToAva, { sign: 'excitatory' });
  addHeadSteering(b);
  b.chem('ASHL', 'SMBV', S.avoidToSmb, { sign: 'excitatory' });
  b.chem('ASHR', 'SMBD', S.avoidToSmb, { sign: 'excitatory' });
  b.neuron('ADL', 'sensory', 'glutamate', { ...SENSORY, tauMs: 200 }, undefined, 500, -80);
  for (const side of ['left', 'right'] as const) b.sensors.push({ neuron: 'ADL', sensor: 'toxin', side, response: 'level', gain: S.ashGain / 2 });
  b.chem('ADL', aib, relayPa(S.adlToRelayMv), { sign: 'excitatory' });
}

/** All sensory layers (the full worm calls this after the locomotion and touch layers). */
export function addSenses(b: Builder): void {
  addChemotaxis(b);
  addThermotaxis(b);
  addToxinAvoidance(b);
}

/** One sentence on the sensory layers, for descriptions of circuits that include them (the full worm). */
export const SENSES_SUMMARY =
  'Senses: odour (weathervaning by AWAL/AWAR → SMBD/SMBV → RMD; pirouettes by ASEL/ASER → AIY/AIZ → AIB, or RIM where AIB is the harsh-touch layer’s), warmth above 20 °C (AFDL/AFDR) and toxins (ASHL/ASHR, ADL) turn the worm or reverse it (see the chemotaxis, thermotaxis and avoidance circuits).';

const CORE = 'the locomotion core (AVB forward, AVA backward, head oscillator RMDD/RMDV, B/A/D-type units)';

function withCore(layer: (b: Builder) => void): Builder {
  const b = new Builder();
  addLocomotion(b);
  layer(b);
  return b;
}

/** The built-in circuits of this module: locomotion core + one sensory layer each, by file name. */
export function senseCircuits(): Record<string, CircuitDoc> {
  return {
    chemotaxis: withCore(addChemotaxis).doc(
      'Chemotaxis',
      `Finds food up an odour gradient, on ${CORE}. Weathervaning: AWAL/AWAR (odour ON cells) compare the two sides of the nose and, through the head ` +
        'steering neurons SMBD/SMBV, bias the head oscillator (RMDD/RMDV) toward the richer side, so the path curves up the gradient ' +
        '(Iino & Yoshida 2009). Pirouettes: ASEL (ON, concentration rising) and ASER (OFF, falling) → AIY/AIZ → AIB → AVA: seconds of falling ' +
        'concentration call a reversal (Pierce-Shimomura et al. 1999). Simplifications: the real worm compares concentrations across its head ' +
        'sweeps in time (AWA, AWC, ASE, AIY, AIZ, RIA); here the two AWA cells compare the two sides of the nose at once and reach SMB directly; one neuron per ' +
        'class; linear sensors without adaptation beyond a 1 s running average.',
    ),
    thermotaxis: withCore(addThermotaxis).doc(
      'Thermal avoidance',
      `Keeps out of heat, on ${CORE}. AFDL/AFDR feel the temperature on their side of the nose above the cultivation temperature ` +
        `(${SENSES.cultivationC} °C, held as a tonic offset); together they drive AIB → AVA (reversal), and the warmer side bends the head ` +
        'away through the opposite SMB. Simplifications: real AFD responds to warming relative to a set point that adapts over hours and ' +
        'guides thermotaxis toward the cultivation temperature (Mori & Ohshima 1995) through AIY/AIZ; noxious heat is also sensed by FLP ' +
        'and ASH. Here only the avoidance of heat above the set point is modelled.',
    ),
    avoidance: withCore(addToxinAvoidance).doc(
      'Toxin avoidance',
      `Turns back from toxins (copper, high osmolarity), on ${CORE}. ASHL/ASHR, the polymodal nociceptors, feel the toxin on their side ` +
        'of the nose and excite AVA (reversal); the side that feels more bends the head away through the opposite SMB; ADL adds a slower ' +
        'drive through AIB. Simplifications: one toxin field stands for every repellent; no adaptation or sensitisation of ASH; AVD/AIB ' +
        'relays folded into direct synapses.',
    ),
  };
}
