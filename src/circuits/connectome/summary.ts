/**
 * The import summary and warnings as text, for the CLI and the editor.
 */
import type { ImportSummary } from './import';
import { DROP_REASONS } from './import';
import { formatProblem, type ImportProblem } from './problems';

const list = (ids: readonly string[], max = 8): string => (ids.length <= max ? ids.join(', ') : `${ids.slice(0, max).join(', ')}, ... (${ids.length})`);

export function formatSummary(s: ImportSummary): string {
  const out: string[] = [];
  for (const t of s.tables) out.push(`${t.name}: ${t.layout} layout${t.header ? '' : ' (no header)'}, ${t.rows} rows`);
  const added = s.unconnectedAdded.length > 0 ? ` + ${s.unconnectedAdded.length} known neurons with no connections (${list(s.unconnectedAdded)})` : '';
  out.push(
    `neurons: ${s.neurons} (${s.neuronsInTables} named in the tables${added}); sensory ${s.roles.sensory}, inter ${s.roles.inter}, motor ${s.roles.motor}`,
  );
  if (s.unknownNeurons.length > 0) out.push(`  not among the 302 known neurons: ${list(s.unknownNeurons)}`);
  const t = s.transmitters;
  out.push(
    `transmitters: ${t.fromTables} from the tables, ${t.fromBuiltIn} from the built-in list, ${t.replaced.length} table neuropeptide/amine labels replaced by the built-in fast transmitter` +
      `${t.replaced.length > 0 ? ` (${list(t.replaced)})` : ''}, ${t.unknown} unknown`,
  );
  out.push(`chemical synapses: ${s.chemicalSynapses} (${s.chemicalContacts} contacts)`);
  out.push(`gap junctions: ${s.gapJunctions} (${s.gapContacts} contacts)`);
  out.push(`muscle bindings: ${s.muscleBindings} (${s.muscleContacts} neuromuscular contacts)`);
  out.push(`sensor bindings: ${s.sensorBindings}`);
  out.push(`dropped rows: ${s.droppedRows}`);
  for (const d of s.dropped) out.push(`  ${d.rows} ${DROP_REASONS[d.reason]}, e.g. ${d.examples.join(', ')}`);
  const builtIn = s.signOverrides.filter((o) => o.source === 'built-in');
  const user = s.signOverrides.filter((o) => o.source === 'user');
  const shown = (os: typeof builtIn): string =>
    list(
      os.map((o) => `${o.from}→${o.to} ${o.sign === 'inhibitory' ? 'inh' : 'exc'}`),
      12,
    );
  out.push(
    `sign overrides applied: ${s.signOverrides.length} (${builtIn.length} built-in${builtIn.length ? `: ${shown(builtIn)}` : ''}; ${user.length} yours${user.length ? `: ${shown(user)}` : ''})`,
  );
  return `${out.join('\n')}\n`;
}

/** Warnings, at most `max` spelled out; the serious ones are left for formatSeriousWarnings. */
export function formatWarnings(warnings: readonly ImportProblem[], max = 20): string {
  const plain = warnings.filter((w) => !w.serious);
  if (plain.length === 0) return '';
  const lines = plain.slice(0, max).map((w) => `warning: ${formatProblem(w)}`);
  if (plain.length > max) lines.push(`... and ${plain.length - max} more warnings`);
  return `${lines.join('\n')}\n`;
}

/** The warnings a user must not miss (the worm cannot move or sense), loud, for the end of the report. */
export function formatSeriousWarnings(warnings: readonly ImportProblem[]): string {
  return warnings
    .filter((w) => w.serious)
    .map((w) => `WARNING: ${formatProblem(w)}\n`)
    .join('');
}
