import { Command } from 'commander';
import { parseCircuit, parseNeuronFile } from '../circuits/circuit';
import { clampCsv, runClamp, summarizeClamp, type ClampOptions } from '../neural/clamp';
import type { NeuronSpec } from '../neural/types';
import { readTextFile } from '../text/files';
import type { CliIo } from './io';
import { allowed, rangeArg } from './ranges';

const EXAMPLE = `
Examples:
  # seed 003's experiment: 1 µA/cm² from 5 to 15 ms, 200 ms at 0.01 ms, as CSV
  npx neuroworm clamp assets/neurons/seed-calcium.json --current 1 --from 5 --to 15 --duration 200 --dt 0.01 --csv
  # a summary: spike count, rate, V range
  npx neuroworm clamp assets/neurons/izhikevich-rs.json --current 10 --duration 500 --dt 1

NEURON.json is one neuron entry of a circuit file (checked like one: label and position are allowed):
  {"id": "seed", "model": "hodgkin-huxley", "preset": "seed-calcium", "params": {"gCa": 1.5}, "init": {"v": -70}}
or a whole circuit file (pick a neuron with --neuron ID). Models: lif, izhikevich, hodgkin-huxley, graded.
CSV columns: t (ms), V (mV), spike (1 on the step it fires; Hodgkin-Huxley: V crosses 0 mV upwards),
then the model's state variables. Row t=0 is the initial state; the current applies to steps
starting at from <= t < to. Current units: lif nA, izhikevich model units, hodgkin-huxley µA/cm², graded pA.
`;

interface ClampFlags {
  current: number;
  from: number;
  to?: number;
  duration: number;
  dt: number;
  csv?: boolean;
  neuron?: string;
}

/** `neuroworm clamp`: a single-neuron current-clamp experiment. */
export function clampCommand(io: CliIo): Command {
  return (
    new Command('clamp')
      .description('Current-clamp one neuron: inject a current step and record V, spikes and gates.')
      .argument('<NEURON.json>', 'a neuron entry of a circuit file (or a circuit file with --neuron)')
      .option('--current <A>', `step amplitude, in the model's current unit, ${allowed('clamp --current')}`, rangeArg('clamp --current'), 0)
      .option('--from <MS>', `current on from this time, ${allowed('clamp --from, --to')}`, rangeArg('clamp --from, --to', '--from'), 0)
      .option('--to <MS>', 'current off at this time, ms (default: the end)', rangeArg('clamp --from, --to', '--to'))
      .option('--duration <MS>', `length of the run, ${allowed('clamp --duration')}`, rangeArg('clamp --duration'), 100)
      .option('--dt <MS>', `time step, ${allowed('clamp --dt')}`, rangeArg('clamp --dt'), 0.1)
      .option('--neuron <ID>', 'which neuron of a circuit file to clamp')
      .option('--csv', 'print every step as CSV instead of a summary')
      .addHelpText('after', EXAMPLE)
      // addCommand does not pass the parent's settings down: route output and exits like the root does.
      .configureOutput({ writeOut: io.out, writeErr: io.err })
      .showHelpAfterError()
      .exitOverride()
      .action(async (file: string, flags: ClampFlags) => {
        const entry = await loadClampNeuron(file, flags.neuron);
        const options: ClampOptions = {
          currentA: flags.current,
          fromMs: flags.from,
          toMs: flags.to ?? flags.duration,
          durationMs: flags.duration,
          dtMs: flags.dt,
        };
        let result: ReturnType<typeof runClamp>;
        try {
          result = runClamp(entry, options);
        } catch (e) {
          throw new Error(`${file}: ${e instanceof Error ? e.message : String(e)}`);
        }
        if (flags.csv) {
          io.out(clampCsv(result));
          return;
        }
        const s = summarizeClamp(result, options);
        const unit = result.model.currentUnit;
        const preset = result.neuron.preset ? `, preset ${result.neuron.preset}` : '';
        const times = s.spikeTimesMs
          .slice(0, 10)
          .map((t) => round(t))
          .join(', ');
        io.out(
          [
            `neuron ${result.neuron.id} (${result.model.kind}${preset})`,
            `  ${options.durationMs} ms at dt ${options.dtMs} ms; current ${options.currentA} ${unit} from ${options.fromMs} to ${options.toMs} ms`,
            `  spikes: ${s.spikes}${s.spikes ? ` at ${times}${s.spikes > 10 ? ', ...' : ''} ms` : ''}`,
            `  rate: ${round(s.rateHz)} Hz over the run, ${round(s.rateDuringCurrentHz)} Hz while the current was on`,
            `  V: min ${round(s.minV)} mV, max ${round(s.maxV)} mV, final ${round(s.finalV)} mV`,
            '',
          ].join('\n'),
        );
      })
  );
}

function round(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}

/**
 * The neuron to clamp: a neuron-entry file read by the circuit format's
 * parseNeuronFile, or a circuit file read by parseCircuit (one neuron, or the
 * one named by `id`). Bad files throw CircuitError naming file, line and field.
 */
export async function loadClampNeuron(file: string, id?: string): Promise<NeuronSpec> {
  const text = readTextFile(file, 'neuron');
  if (!isCircuitText(text)) {
    const neuron = parseNeuronFile(text, file);
    if (id !== undefined && neuron.id !== id) throw new Error(`${file}: holds one neuron, "${neuron.id}", not a circuit; --neuron ${id} does not match its id`);
    return neuron;
  }
  const { neurons } = parseCircuit(text, file).network;
  const ids = neurons.map((n) => n.id).join(', ');
  if (id === undefined) {
    if (neurons.length === 1) return neurons[0];
    throw new Error(`${file}: a circuit file with ${neurons.length} neurons; pick one with --neuron ID (ids: ${ids})`);
  }
  const neuron = neurons.find((n) => n.id === id);
  if (!neuron) throw new Error(`${file}: no neuron with id "${id}" (ids: ${ids})`);
  return neuron;
}

/** A circuit file (rather than one neuron entry): an object with "format" or "neurons". Unparsable text is left to parseNeuronFile's located message. */
function isCircuitText(text: string): boolean {
  try {
    const json: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    return typeof json === 'object' && json !== null && !Array.isArray(json) && ('format' in json || 'neurons' in json);
  } catch {
    return false;
  }
}
