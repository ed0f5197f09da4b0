/**
 * Sensor bindings for sensory neurons whose receptive fields are well known.
 * An imported circuit gets these for the neurons it contains. Body positions
 * are fractions of the body (0 = nose tip, 1 = tail tip); the 2-D body shows
 * a worm crawling on its side, so its two sides are dorsal (left) and ventral
 * (right): dorsal/ventral cells (AVM, OLQD/OLQV) sit on one side, left/right
 * pairs of the body (ALML/ALMR, PLML/PLMR, PVDL/PVDR) feel both sides, and
 * left/right pairs of the head (ASEL/ASER, AFDL/AFDR) sample the left and
 * right of the nose so a pair can compare them.
 *
 * Sources (docs/connectome-import.md has the table):
 *   gentle touch ALM/AVM anterior, PLM posterior: Chalfie et al. 1985, J Neurosci 5:956;
 *   tap: Wicks & Rankin 1995, J Neurosci 15:2434 (the touch cells carry the tap reflex);
 *   harsh body touch PVD: Way & Chalfie 1989; Chatzigeorgiou et al. 2010;
 *   nose touch ASH, FLP, OLQ, IL1: Kaplan & Horvitz 1993, PNAS 90:2227;
 *   ASH/ADL avoidance of noxious chemicals: Troemel et al. 1995; Hilliard et al. 2005;
 *   ASEL ON / ASER OFF salt: Suzuki et al. 2008, Nature 454:114;
 *   AWC odour OFF, AWA odour ON: Chalasani et al. 2007; Larsch et al. 2015;
 *   AFD warming: Mori & Ohshima 1995, Nature 376:344; Kimura et al. 2004.
 */
import type { SensorBinding, Side } from '../types';

type WithoutNeuron<T> = T extends unknown ? Omit<T, 'neuron'> : never;
/** A binding before it is attached to a neuron. */
export type Field = WithoutNeuron<SensorBinding>;

const touch = (from: number, to: number, kind: 'gentle' | 'harsh' | 'any', side?: Side): Field =>
  side === undefined ? { sensor: 'touch', from, to, kind, gain: 1 } : { sensor: 'touch', from, to, kind, side, gain: 1 };
const tap: Field = { sensor: 'tap', gain: 1 };
const chem = (side: Side, response: 'level' | 'on' | 'off'): Field => ({ sensor: 'chemical', side, response, gain: 1 });
const temp = (side: Side, response: 'level' | 'on' | 'off'): Field => ({ sensor: 'temperature', side, response, gain: 1 });
const toxin = (side: Side): Field => ({ sensor: 'toxin', side, response: 'level', gain: 1 });

/** Nose-tip stretch that the nose-touch cells cover. */
const NOSE = 0.05;

/** Bindings per neuron id. */
export const RECEPTIVE_FIELDS: ReadonlyMap<string, readonly Field[]> = new Map<string, readonly Field[]>([
  // Gentle body touch (the six touch receptor neurons, minus PVM whose role in the reflex is minor) and plate tap.
  ['ALML', [touch(NOSE, 0.5, 'gentle'), tap]],
  ['ALMR', [touch(NOSE, 0.5, 'gentle'), tap]],
  ['AVM', [touch(NOSE, 0.5, 'gentle', 'right'), tap]],
  ['PLML', [touch(0.5, 1, 'gentle'), tap]],
  ['PLMR', [touch(0.5, 1, 'gentle'), tap]],
  // Harsh body touch: PVD's dendritic tree covers the body behind the head and before the tail.
  ['PVDL', [touch(0.1, 0.9, 'harsh')]],
  ['PVDR', [touch(0.1, 0.9, 'harsh')]],
  // Nose touch and noxious chemicals.
  ['ASHL', [touch(0, NOSE, 'harsh'), toxin('left')]],
  ['ASHR', [touch(0, NOSE, 'harsh'), toxin('right')]],
  ['ADLL', [toxin('left')]],
  ['ADLR', [toxin('right')]],
  ['FLPL', [touch(0, NOSE, 'any')]],
  ['FLPR', [touch(0, NOSE, 'any')]],
  ['OLQDL', [touch(0, NOSE, 'any', 'left')]],
  ['OLQDR', [touch(0, NOSE, 'any', 'left')]],
  ['OLQVL', [touch(0, NOSE, 'any', 'right')]],
  ['OLQVR', [touch(0, NOSE, 'any', 'right')]],
  ['IL1DL', [touch(0, NOSE, 'any', 'left')]],
  ['IL1DR', [touch(0, NOSE, 'any', 'left')]],
  ['IL1L', [touch(0, NOSE, 'any')]],
  ['IL1R', [touch(0, NOSE, 'any')]],
  ['IL1VL', [touch(0, NOSE, 'any', 'right')]],
  ['IL1VR', [touch(0, NOSE, 'any', 'right')]],
  // Chemotaxis: ASE (salt) left ON, right OFF; AWA odour ON; AWC odour OFF.
  ['ASEL', [chem('left', 'on')]],
  ['ASER', [chem('right', 'off')]],
  ['AWAL', [chem('left', 'on')]],
  ['AWAR', [chem('right', 'on')]],
  ['AWCL', [chem('left', 'off')]],
  ['AWCR', [chem('right', 'off')]],
  // Thermotaxis: AFD responds to warming.
  ['AFDL', [temp('left', 'on')]],
  ['AFDR', [temp('right', 'on')]],
]);
