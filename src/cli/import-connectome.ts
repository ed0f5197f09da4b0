import { Command, Option } from 'commander';
import { serializeCircuit } from '../circuits/circuit';
import { saveCircuitFile } from '../circuits/file';
import {
  DEFAULT_MUSCLE_SCALE,
  DEFAULT_WEIGHT_SCALE,
  ConnectomeError,
  FORMATS,
  formatSummary,
  formatSeriousWarnings,
  formatWarnings,
  importConnectome,
  parseSignOverrides,
  type FormatOption,
  type ImportOptions,
} from '../circuits/connectome';
import type { ModelTable } from '../circuits/types';
import type { ModelKind } from '../neural/types';
import { readTextFile } from '../text/files';
import type { CliIo } from './io';
import { checkOutputs } from './outputs';
import { allowed, rangeArg } from './ranges';

const HELP = `
Examples:
  # the White/Varshney wiring with its neuromuscular and sensory sheets, into one circuit file
  npx neuroworm import-connectome connectome.csv neurons-to-muscle.csv sensory-neurons.csv -o worm.json
  # Cook et al. 2019's edge list, keeping connections of 3 or more contacts, weaker synapses
  npx neuroworm import-connectome herm_full_edgelist.csv --min-contacts 3 --weight-scale 0.1 -o cook.json
  # your own signs on top of the built-in touch-circuit ones
  npx neuroworm import-connectome connectome.csv --sign-overrides signs.json -o worm.json

Tables (CSV, layout detected from the header; several tables are merged into one circuit):
  Cook 2019 edge list        Source,Target,Weight,Type            (Type chemical | electrical)
  White/Varshney Connectome  Origin,Target,Type,Number of Connections,Neurotransmitter
                             (Type Send/Sp chemical, GapJunction; R/Rp rows are skipped)
  NeuronsToMuscle            Neuron,Muscle,Number of Connections,Neurotransmitter
  Sensory                    Neuron,Landmark,Landmark Position,Weight,Neurotransmitter,Neuropeptides,Function
  generic edge list          pre,post,type,contacts[,transmitter]  (header optional)
signs.json: [{ "from": "AVM", "to": "AVBL", "sign": "inhibitory" }, ...]

Defaults: with the graded model (the default) every neuron takes its class's parameters from the
fitted class model (src/circuits/connectome/worm-model.json: per-class resting level, release
curve, ceiling and time constants, plateau currents on the motor neurons, global scales, sensory
gains, stretch receptors on B-type and head motor neurons, AVA's size, scales of a few class-to-
class pathways with the literature's signs (RIM -| AVB: Pirri et al. 2009), every receptor a
conductance bounded by reversal potentials; each value with its source or its fit), so the imported
worm is the game's "Whole worm (302)". These defaults ARE the fitted values: fitted by class with the
evolution engine against the behaviour battery (last: examples/evolve/connectome-crawl2.evolve.yaml,
session 19; docs/biology.md, "Whole worm"): with them the worm crawls at 0.10 BL/s, its body bending
at 0.57 Hz head to tail, and backs away from a gentle nose touch.
--no-class-model gives every neuron the model's own defaults instead.

Without -o the circuit is printed on stdout and the summary on stderr. Nothing is written when a
table has an error: every error is listed with its file and line. Rules: docs/connectome-import.md.
`;

interface Flags {
  output?: string;
  format: FormatOption;
  model: string;
  minContacts: number;
  signOverrides?: string;
  weightScale: number;
  muscleScale: number;
  touchOverrides: boolean;
  classModel: boolean;
  addUnconnected: 'auto' | 'yes' | 'no';
  name?: string;
}

/**
 * `neuroworm import-connectome`: wiring tables into a circuit file.
 * `models` is the table neurons are checked against (default: the app's registry).
 */
export function importConnectomeCommand(io: CliIo, models?: ModelTable): Command {
  return (
    new Command('import-connectome')
      .description('Import published C. elegans wiring tables (CSV) into a circuit file, with signs, muscles, sensors and a layout.')
      .argument('<FILE.csv...>', 'one or more wiring tables')
      .option('-o, --output <OUT.json>', 'circuit file to write (atomically); default: print the circuit on stdout')
      .addOption(new Option('--format <LAYOUT>', 'layout of the tables').choices(FORMATS).default('auto'))
      .option('--model <MODEL>', 'neuron model of every neuron (its default parameters)', 'graded')
      .option(
        '--min-contacts <N>',
        `drop connections with fewer contacts (after merging rows), ${allowed('import-connectome --min-contacts')}`,
        rangeArg('import-connectome --min-contacts'),
        0,
      )
      .option(
        '--weight-scale <S>',
        `chemical weight and gap-junction conductance per contact, ${allowed('import-connectome --weight-scale')}`,
        rangeArg('import-connectome --weight-scale'),
        DEFAULT_WEIGHT_SCALE,
      )
      .option(
        '--muscle-scale <S>',
        `muscle-binding gain per neuromuscular contact, ${allowed('import-connectome --muscle-scale')}`,
        rangeArg('import-connectome --muscle-scale'),
        DEFAULT_MUSCLE_SCALE,
      )
      .option('--sign-overrides <FILE>', 'JSON list of {from, to, sign} applied after the built-in ones')
      .option('--no-class-model', 'give every neuron the model defaults instead of the fitted class model (worm-model.json)')
      .option('--no-touch-overrides', 'leave out the built-in touch-circuit signs (AVM→AVB/PVC, ALM→PVC inhibitory)')
      .addOption(
        new Option('--add-unconnected <WHEN>', 'add the known neurons no table names (auto: when the tables name half of the 302)')
          .choices(['auto', 'yes', 'no'])
          .default('auto'),
      )
      .option('--name <TEXT>', 'circuit name')
      .addHelpText('after', HELP)
      // addCommand does not pass the parent's settings down: route output and exits like the root does.
      .configureOutput({ writeOut: io.out, writeErr: io.err })
      .showHelpAfterError()
      .exitOverride()
      .action(async (files: string[], flags: Flags) => {
        const inputs = flags.signOverrides !== undefined ? [...files, flags.signOverrides] : files;
        checkOutputs(
          'neuroworm import-connectome',
          [flags.output !== undefined ? { flag: '--output', path: flags.output, kind: 'file' } : undefined],
          inputs,
          io,
        );
        const tables = files.map((name) => ({ name, text: readTextFile(name, 'table') }));
        const options: ImportOptions = {
          format: flags.format,
          model: flags.model as ModelKind,
          minContacts: flags.minContacts,
          weightScale: flags.weightScale,
          muscleScale: flags.muscleScale,
          touchOverrides: flags.touchOverrides,
          addUnconnected: flags.addUnconnected === 'auto' ? 'auto' : flags.addUnconnected === 'yes',
          fileName: flags.output ?? 'stdout',
        };
        if (flags.name !== undefined) options.name = flags.name;
        if (!flags.classModel) options.classModel = false;
        if (models) options.models = models;
        try {
          if (flags.signOverrides !== undefined)
            options.signOverrides = parseSignOverrides(readTextFile(flags.signOverrides, 'signOverrides'), flags.signOverrides);
          const result = importConnectome(tables, options);
          const report = formatWarnings(result.warnings) + formatSummary(result.summary) + formatSeriousWarnings(result.warnings);
          if (flags.output === undefined) {
            io.out(serializeCircuit(result.circuit));
            io.err(report);
          } else {
            await saveCircuitFile(flags.output, result.circuit);
            io.out(`${report}wrote ${flags.output}\n`);
          }
        } catch (e) {
          // The message already lists every problem with its file and line.
          if (e instanceof ConnectomeError) throw new Error(e.message);
          throw e;
        }
      })
  );
}
