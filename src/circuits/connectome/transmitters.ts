/**
 * Reading a table's Neurotransmitter column. Tables spell transmitters many
 * ways ("Acetylcholine", "Serotonin_Acetylcholine", "Serotonin, Acetylcholine",
 * "Octapamine", "FRMFemide"); a neuron in a circuit has one transmitter, the
 * one that gives its chemical synapses their default sign. Of a mixture the
 * fast classical transmitter is kept (GABA, then acetylcholine, then
 * glutamate), else the first amine or neuropeptide named.
 */
import type { Transmitter } from '../../neural/types';

const WORDS: ReadonlyMap<string, Transmitter | null> = new Map<string, Transmitter | null>([
  ['acetylcholine', 'acetylcholine'],
  ['ach', 'acetylcholine'],
  ['cholinergic', 'acetylcholine'],
  ['glutamate', 'glutamate'],
  ['glu', 'glutamate'],
  ['glutamatergic', 'glutamate'],
  ['gaba', 'GABA'],
  ['gabaergic', 'GABA'],
  ['dopamine', 'dopamine'],
  ['dopaminergic', 'dopamine'],
  ['serotonin', 'serotonin'],
  ['5ht', 'serotonin'],
  ['serotonergic', 'serotonin'],
  ['octopamine', 'octopamine'],
  ['octapamine', 'octopamine'],
  ['tyramine', 'tyramine'],
  ['fmrfamide', 'neuropeptide'],
  ['frmfemide', 'neuropeptide'],
  ['fmrfamidelike', 'neuropeptide'],
  ['neuropeptide', 'neuropeptide'],
  ['neuropeptides', 'neuropeptide'],
  ['peptide', 'neuropeptide'],
  ['flp', 'neuropeptide'],
  ['nlp', 'neuropeptide'],
  // Said of gap-junction rows, or of nothing: no transmitter.
  ['genericgj', null],
  ['gj', null],
  ['unknown', null],
  ['none', null],
  ['na', null],
  ['', null],
]);

const CLASSICAL: readonly Transmitter[] = ['GABA', 'acetylcholine', 'glutamate'];

export type TransmitterReading = { ok: true; transmitter: Transmitter | undefined } | { ok: false; unknownWords: string[] };

/** The transmitter a table cell names; `undefined` for an empty cell or a gap-junction label. */
export function readTransmitter(cell: string): TransmitterReading {
  // A label that is one word with separators inside (Generic_GJ, 5-HT) is read whole first.
  const whole = WORDS.get(cell.toLowerCase().replace(/[^a-z0-9]/g, ''));
  if (whole !== undefined) return { ok: true, transmitter: whole ?? undefined };
  const words = cell
    .toLowerCase()
    .split(/[_,;/+&]|\s+and\s+|\s+plus\s+/)
    .map((w) => w.replace(/[^a-z0-9]/g, ''));
  const found: Transmitter[] = [];
  const unknownWords: string[] = [];
  for (const w of words) {
    const t = WORDS.get(w);
    if (t === undefined) unknownWords.push(w);
    else if (t !== null) found.push(t);
  }
  if (unknownWords.length > 0) return { ok: false, unknownWords };
  const classical = CLASSICAL.find((t) => found.includes(t));
  return { ok: true, transmitter: classical ?? found[0] };
}

/** True for the fast transmitters whose sign a synapse takes by default. */
export function isClassical(t: Transmitter | undefined): boolean {
  return t !== undefined && CLASSICAL.includes(t);
}

/** The spellings readTransmitter accepts, for messages. */
export const TRANSMITTER_WORDS =
  'acetylcholine (ACh), glutamate (Glu), GABA, dopamine, serotonin (5-HT), octopamine, tyramine, FMRFamide/neuropeptide, Generic_GJ, or empty';
