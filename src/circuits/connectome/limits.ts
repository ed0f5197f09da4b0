/**
 * What an imported circuit must be able to do, checked before it is built:
 * its weights and gains inside the circuit format's ranges (else the scale
 * options are refused, with the largest scale that fits), gap junctions a
 * transmitter-model worm can run (stability.ts), and — loudly, as warnings —
 * muscles to move and sensors to sense.
 */
import type { SynapseSpec } from '../../neural/types';
import { CIRCUIT_RANGES } from '../ranges';
import { gapSums, TRANSMITTER_GAP_LIMIT } from '../stability';
import type { MuscleBinding, SensorBinding } from '../types';
import type { ImportProblem } from './problems';

const FILE = 'import options';
/** Leaves room for the float rounding of contacts × scale. */
const largest = (limit: number, contacts: number) => +(Math.floor((limit / contacts) * 1e6) / 1e6).toPrecision(6);

export interface ScaleInput {
  synapses: readonly SynapseSpec[];
  muscles: readonly MuscleBinding[];
  weightScale: number;
  muscleScale: number;
  transmitterModel: boolean;
}

/** Errors for scales that would put a weight or gain outside the circuit format's ranges, or make transmitter gap junctions diverge. */
export function scaleProblems(x: ScaleInput): ImportProblem[] {
  const out: ImportProblem[] = [];
  const wMax = CIRCUIT_RANGES['synapses[].weight (chemical)'].max;
  const heaviest = x.synapses.reduce<SynapseSpec | undefined>((a, s) => (!a || s.weight > a.weight ? s : a), undefined);
  if (heaviest && heaviest.weight > wMax) {
    const c = Math.round(heaviest.weight / x.weightScale);
    out.push({
      file: FILE,
      field: '--weight-scale',
      message: `${x.weightScale} gives ${heaviest.from}→${heaviest.to} (${c} contacts) a weight of ${heaviest.weight}, above the ${wMax} a weight may be: use --weight-scale ≤ ${largest(wMax, c)}`,
    });
  }
  const gMax = CIRCUIT_RANGES['muscles[].gain'].max;
  const strongest = x.muscles.reduce<MuscleBinding | undefined>((a, m) => (!a || Math.abs(m.gain) > Math.abs(a.gain) ? m : a), undefined);
  if (strongest && Math.abs(strongest.gain) > gMax) {
    const c = Math.round(Math.abs(strongest.gain) / x.muscleScale);
    out.push({
      file: FILE,
      field: '--muscle-scale',
      message: `${x.muscleScale} gives ${strongest.neuron}'s muscles (${c} contacts) a gain of ${strongest.gain}, above the ${gMax} a gain may be: use --muscle-scale ≤ ${largest(gMax, c)}`,
    });
  }
  if (x.transmitterModel) {
    const [id, g] = [...gapSums({ synapses: [...x.synapses] })].reduce<[string, number]>((a, b) => (b[1] > a[1] ? b : a), ['', 0]);
    if (g > TRANSMITTER_GAP_LIMIT) {
      const contacts = g / x.weightScale;
      out.push({
        file: FILE,
        field: '--weight-scale',
        message:
          `with --model transmitter, ${x.weightScale} makes the gap junctions onto ${id} sum to ${+g.toFixed(4)} (${Math.round(contacts)} contacts), above the ${TRANSMITTER_GAP_LIMIT} ` +
          `at which the seed's leak-free neuron stays finite (docs/circuit-format.md): use --weight-scale ≤ ${largest(TRANSMITTER_GAP_LIMIT, contacts)}, or another model`,
      });
    }
  }
  return out;
}

/** The loud warnings: a worm with no muscles cannot move, one with no sensors cannot sense. */
export function bodyWarnings(tableNames: string, muscles: readonly MuscleBinding[], sensors: readonly SensorBinding[]): ImportProblem[] {
  const out: ImportProblem[] = [];
  if (muscles.length === 0)
    out.push({
      file: tableNames,
      serious: true,
      message:
        'the circuit has no muscle bindings, so the worm cannot move (it lies straight): add the neuromuscular table, ' +
        "data/neurons-to-muscle.csv (NeuronsToMuscle layout), or import Cook 2019's edge list (data/herm_full_edgelist.csv), whose rows to body-wall muscles become bindings",
    });
  if (sensors.length === 0)
    out.push({
      file: tableNames,
      serious: true,
      message:
        'the circuit has no sensor bindings, so the worm cannot sense touch, food or heat (no neuron here is a known sensory neuron with a receptive field, such as ALM, PLM, ASH or AWC): ' +
        'add the sensory table, data/sensory-neurons.csv, or a wiring table that names the sensory neurons',
    });
  return out;
}
