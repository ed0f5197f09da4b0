/**
 * `neuroworm trace CIRCUIT.json --steps N [--json] [--dt MS]`: steps a circuit's
 * network and prints what every neuron did each step, like the seed article's
 * console (cycle headers; "FIRST transfer", "SECOND accept") or as JSON lines.
 */
import type { Command } from 'commander';
import { loadCircuitFile } from '../circuits/file';
import { Network } from '../neural/network';
import type { NetworkSpec } from '../neural/types';
import type { CliIo } from './main';

export type TraceFormat = 'text' | 'json';

/** The seed's cycle header: `-----------1------------`. */
const header = (step: number) => `-----------${step}------------`;

/**
 * The trace of `steps` network steps, line by line (pure: no I/O).
 * text: per step a header, then per neuron in circuit order either
 *   "NAME phase" followed by "TARGET accept" for each neuron its synapse reached
 *   (transmitter neurons), or "NAME v=-64.210 mV" with " spike" when it fired.
 * json: one object per neuron per step, in neuron order; transmitter neurons
 *   {"step","neuron","phase","accumulated","synapse","dendrite","state"} (after
 *   the whole cycle; state = the seed's current_state), others
 *   {"step","neuron","v","spiked"} with spiked 0 or 1.
 */
export function* traceNetwork(spec: NetworkSpec, steps: number, format: TraceFormat, dtMs = 1): Generator<string> {
  const net = Network.fromSpec(spec);
  const isT = net.ids.map((_, i) => net.modelOf(i) === 'transmitter');
  for (let step = 1; step <= steps; step++) {
    net.step(dtMs);
    if (format === 'text') yield header(step);
    for (let i = 0; i < net.size; i++) {
      const neuron = net.ids[i];
      if (isT[i]) {
        const s = net.transmitterState(i);
        if (format === 'json') {
          yield JSON.stringify({ step, neuron, phase: s.phase, accumulated: s.accumulated, synapse: s.synapse, dendrite: s.dendrite, state: s.current });
        } else if (s.phase !== null && !net.isAblated(i)) {
          yield `${neuron} ${s.phase}`;
          for (const t of net.transmitterTargets(i)) if (!net.isAblated(t)) yield `${net.ids[t]} accept`;
        }
      } else if (format === 'json') {
        yield JSON.stringify({ step, neuron, v: net.v[i], spiked: net.spiked[i] });
      } else {
        yield `${neuron} v=${net.v[i].toFixed(3)} mV${net.spiked[i] ? ' spike' : ''}`;
      }
    }
  }
}

function positive(name: string, integer: boolean) {
  return (raw: string): number => {
    const x = Number(raw);
    if (!Number.isFinite(x) || x <= 0 || (integer && !Number.isInteger(x))) {
      throw new Error(`--${name} must be a ${integer ? 'whole number' : 'number'} > 0, got "${raw}"`);
    }
    return x;
  };
}

export function registerTrace(program: Command, io: CliIo): void {
  program
    .command('trace')
    .description("Step a circuit and print what each neuron did each step (the seed article's log, or JSON lines).")
    .argument('<circuit>', 'circuit file (JSON, format "neuroworm-circuit")')
    .requiredOption('--steps <n>', 'number of network steps (transmitter neurons: seed cycles)', positive('steps', true))
    .option('--dt <ms>', 'time step for non-transmitter neurons, ms', positive('dt', false), 1)
    .option('--json', 'one JSON object per neuron per step instead of the readable log')
    .addHelpText(
      'after',
      [
        '',
        "Example (the seed article's two neurons):",
        '  neuroworm trace src/circuits/builtin/seed-two-neurons.json --steps 7',
        '',
        'JSON lines, in neuron order each step:',
        '  transmitter: {"step","neuron","phase","accumulated":[e,i],"synapse":[e,i],"dendrite":[e,i],"state":[e,i]}',
        '  others:      {"step","neuron","v","spiked"}   (v in mV, spiked 0 or 1)',
        '',
      ].join('\n'),
    )
    .action(async (circuit: string, opts: { steps: number; dt: number; json?: boolean }) => {
      // Throws CircuitError naming the file, line, field and fix.
      const spec = (await loadCircuitFile(circuit)).network;
      let lines: Iterable<string>;
      try {
        lines = traceNetwork(spec, opts.steps, opts.json ? 'json' : 'text', opts.dt);
        // Buffer output in chunks: one write per line is slow for long traces.
        let chunk = '';
        for (const line of lines) {
          chunk += `${line}\n`;
          if (chunk.length > 1 << 16) {
            io.out(chunk);
            chunk = '';
          }
        }
        if (chunk) io.out(chunk);
      } catch (e) {
        throw new Error(`${circuit}: ${(e as Error).message}`);
      }
    });
}
