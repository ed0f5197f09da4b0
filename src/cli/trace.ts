/**
 * `neuroworm trace CIRCUIT.json --steps N [--json] [--dt MS]`: steps a circuit's
 * network and prints what every neuron did each step, like the seed article's
 * console (cycle headers; "FIRST transfer", "SECOND accept") or as JSON lines.
 */
import type { Command } from 'commander';
import { loadCircuitFile } from '../circuits/file';
import { type Channel, Monitor } from '../monitor/monitor';
import { PHASE_NAMES } from '../neural/models/transmitter';
import { Network } from '../neural/network';
import type { NetworkSpec } from '../neural/types';
import type { CliIo } from './io';
import { allowed, rangeArg } from './ranges';

export type TraceFormat = 'text' | 'json';

/** The seed's cycle header: `-----------1------------`. */
const header = (step: number) => `-----------${step}------------`;

/** The seed state of a transmitter neuron, in the order the monitor records it: phase code, then [e, i] pairs. */
const SEED_FIELDS = ['phase', 'accumulatedE', 'accumulatedI', 'synapseE', 'synapseI', 'dendriteE', 'dendriteI', 'stateE', 'stateI'] as const;
/** Steps recorded before their lines are written (the monitor is cleared and reused). */
const CHUNK_STEPS = 256;

/**
 * A monitor of what the trace prints for every neuron each step: V and the
 * spike flag, or a transmitter neuron's seed state (read once per step into
 * a row the channels share).
 */
function traceMonitor(net: Network, isT: readonly boolean[]): Monitor {
  const channels: Channel[] = [];
  const prepare: (() => void)[] = [];
  net.ids.forEach((id, i) => {
    if (!isT[i]) {
      channels.push({ name: `${id}.v`, reduce: 'last', read: () => net.v[i] }, { name: `${id}.spiked`, reduce: 'last', read: () => net.spiked[i] });
      return;
    }
    const row = new Float64Array(SEED_FIELDS.length);
    prepare.push(() => {
      const s = net.transmitterState(i);
      row.set([s.phase === null ? -1 : PHASE_NAMES.indexOf(s.phase), ...s.accumulated, ...s.synapse, ...s.dendrite, ...s.current]);
    });
    SEED_FIELDS.forEach((f, k) => channels.push({ name: `${id}.${f}`, reduce: 'last', read: () => row[k] }));
  });
  return new Monitor(channels, { keep: CHUNK_STEPS, prepare });
}

/**
 * The trace of `steps` network steps, line by line (pure: no I/O), from a
 * monitor that records every step.
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
  const m = traceMonitor(net, isT);
  // Channel index of each neuron's first recorded quantity.
  const first = net.ids.map((id, i) => m.indexOf(`${id}.${isT[i] ? SEED_FIELDS[0] : 'v'}`));
  for (let done = 0; done < steps; ) {
    let chunk = Math.min(CHUNK_STEPS, steps - done);
    let unstable: Error | undefined;
    for (let k = 1; k <= chunk; k++) {
      net.step(dtMs);
      unstable = nonFinite(net, done + k, dtMs);
      // Stop before recording a step with an infinity or NaN in it; the steps before it are still printed.
      if (unstable) {
        chunk = k - 1;
        break;
      }
      m.tick(done + k);
    }
    for (let j = 0; j < m.count; j++) {
      const step = m.timeAt(j);
      if (format === 'text') yield header(step);
      for (let i = 0; i < net.size; i++) {
        const neuron = net.ids[i];
        const at = (k: number) => m.valueAt(first[i] + k, j);
        if (isT[i]) {
          const code = at(0);
          const phase = code < 0 ? null : PHASE_NAMES[code];
          if (format === 'json') {
            yield JSON.stringify({
              step,
              neuron,
              phase,
              accumulated: [at(1), at(2)],
              synapse: [at(3), at(4)],
              dendrite: [at(5), at(6)],
              state: [at(7), at(8)],
            });
          } else if (phase !== null && !net.isAblated(i)) {
            yield `${neuron} ${phase}`;
            for (const t of net.transmitterTargets(i)) if (!net.isAblated(t)) yield `${net.ids[t]} accept`;
          }
        } else if (format === 'json') {
          yield JSON.stringify({ step, neuron, v: at(0), spiked: at(1) });
        } else {
          yield `${neuron} v=${at(0).toFixed(3)} mV${at(1) ? ' spike' : ''}`;
        }
      }
    }
    m.clear();
    if (unstable) throw unstable;
    done += chunk;
  }
}

/** The error for the first neuron whose potential is not finite after `step`, naming it, the step and the fix; undefined when all are finite. */
function nonFinite(net: Network, step: number, dtMs: number): Error | undefined {
  for (let i = 0; i < net.size; i++)
    if (!Number.isFinite(net.v[i]))
      return new Error(
        `neuron ${net.ids[i]} (${net.modelOf(i)}) reached a non-finite potential (${net.v[i]}) at step ${step}: the network is unstable at dt ${dtMs} ms ` +
          '(gap junctions or synapses onto it too strong for its model at this step; lint names the gap junctions that diverge): lower them, or use a smaller --dt',
      );
  return undefined;
}

export function registerTrace(program: Command, io: CliIo): void {
  program
    .command('trace')
    .description("Step a circuit and print what each neuron did each step (the seed article's log, or JSON lines).")
    .argument('<circuit>', 'circuit file (JSON, format "neuroworm-circuit")')
    .requiredOption('--steps <n>', `number of network steps (transmitter neurons: seed cycles), ${allowed('trace --steps')}`, rangeArg('trace --steps'))
    .option('--dt <ms>', `time step for non-transmitter neurons, ${allowed('trace --dt')}`, rangeArg('trace --dt'), 1)
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
      // Buffer output in chunks: one write per line is slow for long traces. What was traced before an error is printed.
      let chunk = '';
      try {
        for (const line of traceNetwork(spec, opts.steps, opts.json ? 'json' : 'text', opts.dt)) {
          chunk += `${line}\n`;
          if (chunk.length > 1 << 16) {
            io.out(chunk);
            chunk = '';
          }
        }
      } catch (e) {
        throw new Error(`${circuit}: ${(e as Error).message}`);
      } finally {
        if (chunk) io.out(chunk);
      }
    });
}
