/**
 * The 302 neurons of the adult C. elegans hermaphrodite, by class (118
 * classes), with the role the importer gives them and, for the classes whose
 * fast transmitter is well established, that transmitter. Sources: the
 * WormAtlas neuron list (White et al. 1986; Altun & Hall, WormAtlas), for
 * transmitters Gendrel et al. 2016 (GABA), Pereira et al. 2015 (acetylcholine),
 * Serrano-Saiz et al. 2013 (glutamate), Chase & Koelle 2007 (amines).
 * docs/connectome-import.md explains the role rules.
 *
 * Names follow WormAtlas except the ventral-cord motor neurons, which are
 * zero-padded to two digits (DA01, VD13) as in Cook et al. 2019 and c302, so
 * they sort in body order.
 */
import type { NeuronRole, Transmitter } from '../../neural/types';

export interface NeuronClass {
  /** Class name, e.g. "AVA", "DA", "IL1". */
  name: string;
  role: NeuronRole;
  /** Member neuron names in the importer's convention. */
  members: readonly string[];
  /** Established fast transmitter (or amine); undefined when the importer does not assume one. */
  transmitter?: Transmitter;
}

type Members = 'single' | 'LR' | 'DV4' | 'six' | readonly string[] | number;

const LR = 'LR';
const DV4 = 'DV4';
const SIX = 'six';
const ONE = 'single';

function expand(name: string, m: Members): string[] {
  if (m === ONE) return [name];
  if (m === LR) return [`${name}L`, `${name}R`];
  if (m === DV4) return ['DL', 'DR', 'VL', 'VR'].map((s) => name + s);
  if (m === SIX) return ['DL', 'DR', 'L', 'R', 'VL', 'VR'].map((s) => name + s);
  if (typeof m === 'number') return Array.from({ length: m }, (_, k) => `${name}${String(k + 1).padStart(2, '0')}`);
  return m.map((s) => name + s);
}

const S: NeuronRole = 'sensory';
const I: NeuronRole = 'inter';
const M: NeuronRole = 'motor';
const ACH: Transmitter = 'acetylcholine';
const GLU: Transmitter = 'glutamate';
const GABA: Transmitter = 'GABA';

// [class, members, role, transmitter?] in alphabetical order of class.
const TABLE: ReadonlyArray<readonly [string, Members, NeuronRole, Transmitter?]> = [
  ['ADA', LR, I],
  ['ADE', LR, S, 'dopamine'],
  ['ADF', LR, S, 'serotonin'],
  ['ADL', LR, S, GLU],
  ['AFD', LR, S, GLU],
  ['AIA', LR, I, ACH],
  ['AIB', LR, I, GLU],
  ['AIM', LR, I],
  ['AIN', LR, I],
  ['AIY', LR, I, ACH],
  ['AIZ', LR, I, GLU],
  ['ALA', ONE, I],
  ['ALM', LR, S, GLU],
  ['ALN', LR, S, ACH],
  ['AQR', ONE, S],
  ['AS', 11, M, ACH],
  ['ASE', LR, S, GLU],
  ['ASG', LR, S],
  ['ASH', LR, S, GLU],
  ['ASI', LR, S],
  ['ASJ', LR, S],
  ['ASK', LR, S, GLU],
  ['AUA', LR, I],
  ['AVA', LR, I, ACH],
  ['AVB', LR, I, ACH],
  ['AVD', LR, I, ACH],
  ['AVE', LR, I, ACH],
  ['AVF', LR, I],
  ['AVG', ONE, I],
  ['AVH', LR, I],
  ['AVJ', LR, I],
  ['AVK', LR, I],
  ['AVL', ONE, I, GABA],
  ['AVM', ONE, S, GLU],
  ['AWA', LR, S],
  ['AWB', LR, S],
  ['AWC', LR, S, GLU],
  ['BAG', LR, S],
  ['BDU', LR, I],
  ['CAN', LR, I],
  ['CEP', DV4, S, 'dopamine'],
  ['DA', 9, M, ACH],
  ['DB', 7, M, ACH],
  ['DD', 6, M, GABA],
  ['DVA', ONE, I],
  ['DVB', ONE, M, GABA],
  ['DVC', ONE, I],
  ['FLP', LR, S, GLU],
  ['HSN', LR, M, 'serotonin'],
  ['I1', LR, I],
  ['I2', LR, I],
  ['I3', ONE, I],
  ['I4', ONE, I],
  ['I5', ONE, I],
  ['I6', ONE, I],
  ['IL1', SIX, S, GLU],
  ['IL2', SIX, S, ACH],
  ['LUA', LR, I],
  ['M1', ONE, M],
  ['M2', LR, M],
  ['M3', LR, M],
  ['M4', ONE, M],
  ['M5', ONE, M],
  ['MC', LR, M],
  ['MI', ONE, I],
  ['NSM', LR, S, 'serotonin'],
  ['OLL', LR, S],
  ['OLQ', DV4, S, GLU],
  ['PDA', ONE, M],
  ['PDB', ONE, M],
  ['PDE', LR, S, 'dopamine'],
  ['PHA', LR, S, GLU],
  ['PHB', LR, S],
  ['PHC', LR, S],
  ['PLM', LR, S, GLU],
  ['PLN', LR, S, ACH],
  ['PQR', ONE, S],
  ['PVC', LR, I, ACH],
  ['PVD', LR, S, GLU],
  ['PVM', ONE, S, GLU],
  ['PVN', LR, I],
  ['PVP', LR, I],
  ['PVQ', LR, I],
  ['PVR', ONE, S],
  ['PVT', ONE, I],
  ['PVW', LR, I],
  ['RIA', LR, I, GLU],
  ['RIB', LR, I],
  ['RIC', LR, I, 'octopamine'],
  ['RID', ONE, I],
  ['RIF', LR, I],
  ['RIG', LR, I],
  ['RIH', ONE, I],
  ['RIM', LR, I, 'tyramine'],
  ['RIP', LR, I],
  ['RIR', ONE, I],
  ['RIS', ONE, I, GABA],
  ['RIV', LR, I],
  ['RMD', SIX, M, ACH],
  ['RME', ['D', 'L', 'R', 'V'], M, GABA],
  ['RMF', LR, M],
  ['RMG', LR, I],
  ['RMH', LR, M],
  ['SAA', DV4, I],
  ['SAB', ['D', 'VL', 'VR'], M, ACH],
  ['SDQ', LR, S],
  ['SIA', DV4, I, ACH],
  ['SIB', DV4, I, ACH],
  ['SMB', DV4, M, ACH],
  ['SMD', DV4, M, ACH],
  ['URA', DV4, M, ACH],
  ['URB', LR, S],
  ['URX', LR, S],
  ['URY', DV4, S],
  ['VA', 12, M, ACH],
  ['VB', 11, M, ACH],
  ['VC', 6, M, ACH],
  ['VD', 13, M, GABA],
];

export const NEURON_CLASSES: readonly NeuronClass[] = TABLE.map(([name, members, role, transmitter]) =>
  transmitter === undefined ? { name, role, members: expand(name, members) } : { name, role, members: expand(name, members), transmitter },
);

export interface KnownNeuron {
  id: string;
  class: NeuronClass;
  /** Position of the neuron in the table (class order, then member order): the importer's neuron order. */
  order: number;
}

/** Every known neuron by its name in the importer's convention. */
export const KNOWN_NEURONS: ReadonlyMap<string, KnownNeuron> = (() => {
  const map = new Map<string, KnownNeuron>();
  for (const c of NEURON_CLASSES) for (const id of c.members) map.set(id, { id, class: c, order: map.size });
  return map;
})();

/** Ventral-cord motor neuron classes whose members are numbered along the body. */
export const NUMBERED_CLASSES: ReadonlyMap<string, number> = new Map(
  NEURON_CLASSES.filter((c) => /\d$/.test(c.members[0]) && c.members[0].length === c.name.length + 2).map((c) => [c.name, c.members.length]),
);
