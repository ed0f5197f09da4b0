/**
 * Seed 004's winner-takes-all on the worm: a choice between two odours.
 *
 * Two attractants sensed by different neurons — diacetyl by AWA, isoamyl
 * alcohol by AWC (Bargmann, Hartwieg & Horvitz 1993) — each get their own
 * weathervaning channel: a pair of cells that compare that odour across the
 * two sides of the nose and steer the head through SMBD/SMBV, as AWAL/AWAR do
 * for the food odour (senses.ts). With one source on each side of the worm
 * the two channels pull the head opposite ways at once, and the worm does not
 * commit: the current-based head stalls between the sources, the conductance
 * worm reaches whichever spot its wander takes it near, often after nearing
 * the other (choice-wta.test.ts). The choice is the editor template's motif
 * (src/editor/wta-template.ts) between the two channels: a choice cell per
 * odour feels how much of it is at the nose, excites itself and inhibits the
 * other, so one wins and the other falls silent. Each comparison pair rests
 * well below threshold and only its own choice cell lifts it to where it
 * steers (as AIA lifts RIA in learning.ts), so only the winning odour steers.
 *
 * The cells are real ones on each odour's path out of the nose (White et al.
 * 1986 wiring, data/): AWC's isoamyl alcohol reaches AIA (AWC → AIA, 7
 * synapses; AIA integrates AWC's odour signal, Chalasani et al. 2010) and
 * RIAL/RIAR (AWCL → RIAL; RIA steers the head, Hendricks et al. 2012);
 * AWA's diacetyl reaches RIR and RIFL/RIFR (AWAR → RIR, AWAR → RIFR).
 * Simplifications: which cell does what here is this model's choice, not a
 * measured role (no one has shown a winner-takes-all pair between the AWA and
 * AWC paths; the real worm weighs odours in time, across head sweeps and
 * runs); the cells read their odour through sensor bindings of their own, with
 * AWA's and AWC's signals folded into them (so they are marked sensory).
 */
import type { OdourName } from '../../world/odours';
import type { Builder } from './builder';
import { type CompareBy, compareBindings, SENSES } from './senses';

export const CHOICE = {
  /** The two channels: choice cell, comparison pair (left, right), the odour, and the sensory neuron whose signal they carry. */
  channels: [
    { choice: 'RIR', pair: ['RIFL', 'RIFR'], odour: 'diacetyl' as OdourName, sensedBy: 'AWA', x: -160 },
    { choice: 'AIA', pair: ['RIAL', 'RIAR'], odour: 'isoamyl-alcohol' as OdourName, sensedBy: 'AWC', x: 320 },
  ],
  /** Choice cell: pA per a.u. of its odour at the nose (each side counts half). */
  levelGain: 2,
  /** Choice cell self-excitation and cross-inhibition (pA at full output). */
  self: 0.1,
  cross: 0.3,
  /** Choice cell membrane: C pF, τ ms (R = τ/C = 100 mV/pA, as the template's), rest and half release (mV). */
  choiceTauMs: 100,
  choiceRestMv: -65,
  /** Comparison cells: pA per a.u. of difference between the two sides of the nose (as AWA's compareGain), and their rest (mV): a side difference alone barely steers. */
  compareGain: 600,
  compareRestMv: -77,
  /** How the comparison cells read the two sides (compareBindings): two level bindings, or one difference binding (the conductance worm's: CONDUCTANCE_LAYERS). */
  compareBy: 'levels' as CompareBy,
  /** Where a difference binding's conductance passes gain × difference (mV; undefined: the cell's rest, as the conversion matches a sensory cell). */
  compareMatchMv: undefined as number | undefined,
  /** Choice cell → its channel's comparison cells: the lift that lets the channel steer (pA at full output). */
  lift: 1.2,
  /** Comparison cell → SMB of its side. */
  compareToSmb: 1,
};

const CHOICE_CELL = { capacitance: 1, restMv: -65, vHalfMv: -45, slopeMv: 3 };

/** Adds the two odour channels and the winner-takes-all pair between them. Needs the chemotaxis layer (SMBD/SMBV). */
export function addChoice(b: Builder): void {
  const C = CHOICE;
  for (const id of ['SMBD', 'SMBV']) if (!b.has(id)) throw new Error(`choice: the builder has no neuron ${id}; add the chemotaxis layer (addChemotaxis) first`);
  const cmp = { capacitance: SENSES.compareTauMs / 20, tauMs: SENSES.compareTauMs, restMv: C.compareRestMv, vHalfMv: -45, slopeMv: 4 };
  for (const ch of C.channels) {
    b.neuron(ch.choice, 'sensory', 'acetylcholine', { ...CHOICE_CELL, tauMs: C.choiceTauMs, restMv: C.choiceRestMv }, C.choiceRestMv, ch.x + 80, 60);
    for (const side of ['left', 'right'] as const)
      b.sensors.push({ neuron: ch.choice, sensor: 'chemical', odour: ch.odour, side, response: 'level', gain: C.levelGain / 2 });
    b.chem(ch.choice, ch.choice, C.self, { sign: 'excitatory' });
    for (const [id, own, smb, dx] of [
      [ch.pair[0], 'left', 'SMBD', 0],
      [ch.pair[1], 'right', 'SMBV', 160],
    ] as const) {
      b.neuron(id, 'sensory', 'glutamate', cmp, C.compareRestMv, ch.x + dx, 140);
      b.sensors.push(...compareBindings(id, ch.odour, own, C.compareGain, C.compareBy, C.compareMatchMv));
      b.chem(ch.choice, id, C.lift, { sign: 'excitatory' });
      b.chem(id, smb, C.compareToSmb, { sign: 'excitatory' });
    }
  }
  const [a, c] = C.channels;
  b.chem(a.choice, c.choice, C.cross, { sign: 'inhibitory' });
  b.chem(c.choice, a.choice, C.cross, { sign: 'inhibitory' });
}
