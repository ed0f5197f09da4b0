/**
 * Reports of an experiment: the terminal table (each group's statistics per
 * measure, each compare's verdict), a JSON document, JUnit XML (a testcase per
 * compare) and tidy CSV (one row per worm per measure, for R or pandas).
 */
import { xmlEscape } from '../scenario/report';
import { num } from './format';
import { cliffsMagnitude } from './stats';

import type { ExperimentResult } from './run';

export const EXPERIMENT_REPORT_FORMAT = 'neuroworm-experiment-report';

const ci = (c: [number, number] | null) => (c ? `[${num(c[0])}, ${num(c[1])}]` : '—');

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The terminal summary: per measure a row per group, then the compares with their verdicts. */
export function formatExperiment(r: ExperimentResult): string {
  const out: string[] = [
    `experiment "${r.name}": ${r.worms} worm${r.worms === 1 ? '' : 's'} per group, ${r.individual ? 'individuals' : 'clones'}, seeds ${r.seed}..${r.seed + r.worms - 1}`,
  ];
  const measures = Object.keys(r.groups[0]?.measures ?? {});
  for (const m of measures) {
    const unit = r.groups.find((g) => g.measures[m]?.unit)?.measures[m]?.unit ?? '';
    out.push('', `${m}${unit ? ` (${unit})` : ''}`);
    const rows = [['  group', 'n', 'missing', 'mean', 'median', 'SD', '95% CI of mean', 'met bound']];
    for (const g of r.groups) {
      const s = g.measures[m]!;
      rows.push([
        `  ${g.name}`,
        String(s.stats.n),
        String(s.stats.missing),
        num(s.stats.mean),
        num(s.stats.median),
        num(s.stats.sd),
        ci(s.stats.ci),
        `${Math.round(s.passRate * 100)}%`,
      ]);
    }
    out.push(table(rows));
  }
  if (r.compare.length) {
    out.push('', 'compare');
    for (const c of r.compare) {
      out.push(`  ${c.pass ? '✓' : '✗'} ${c.name ? `${c.name}: ` : ''}${c.text}`);
      out.push(
        `      estimate ${num(c.estimate)}, 95% CI ${ci(c.ci)}, Cliff's delta ${num(c.cliffsDelta)}${c.cliffsDelta !== null ? ` (${cliffsMagnitude(c.cliffsDelta)})` : ''}, p ${num(c.p)} — ${c.detail}`,
      );
    }
  }
  for (const g of r.groups) for (const e of g.errors) out.push(`  error in ${g.name}: ${e.split('\n')[0]}`);
  out.push('', `${r.pass ? 'PASS' : 'FAIL'} ${r.compare.filter((c) => c.pass).length}/${r.compare.length} compares hold`);
  return `${out.join('\n')}\n`;
}

export function toExperimentJson(r: ExperimentResult): object {
  return { format: EXPERIMENT_REPORT_FORMAT, version: 1, ...r };
}

/** JUnit: the experiment is a suite, each compare a testcase (a failure carries the statistics), each failed run an error. */
export function toExperimentJUnit(r: ExperimentResult, reproduce: string): string {
  const errors = r.groups.flatMap((g) => g.errors.map((e) => ({ group: g.name, e })));
  const failures = r.compare.filter((c) => !c.pass).length;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="neuroworm experiments" tests="${r.compare.length + errors.length}" failures="${failures}" errors="${errors.length}">`,
    `  <testsuite name="${xmlEscape(r.name)}" file="${xmlEscape(r.file)}" tests="${r.compare.length + errors.length}" failures="${failures}" errors="${errors.length}">`,
  ];
  for (const c of r.compare) {
    out.push(`    <testcase classname="${xmlEscape(r.file)}" name="${xmlEscape(c.name ?? c.text)}">`);
    const stats = `estimate ${num(c.estimate)}, 95% CI ${ci(c.ci)}, Cliff's delta ${num(c.cliffsDelta)}, p ${num(c.p)}: ${c.detail}`;
    if (!c.pass) out.push(`      <failure message="${xmlEscape(c.detail)}">${xmlEscape(`${c.text}\n${stats}\nreproduce: ${reproduce}`)}</failure>`);
    else out.push(`      <system-out>${xmlEscape(stats)}</system-out>`);
    out.push('    </testcase>');
  }
  for (const { group, e } of errors)
    out.push(
      `    <testcase classname="${xmlEscape(r.file)}" name="${xmlEscape(`${group}: ${e.split(':')[0]}`)}"><error message="${xmlEscape(e.split('\n')[0]!)}">${xmlEscape(e)}</error></testcase>`,
    );
  out.push('  </testsuite>', '</testsuites>', '');
  return out.join('\n');
}

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled. */
function csvField(v: string | number | boolean | null): string {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_COLUMNS = ['experiment', 'group', 'worm', 'seed', 'measure', 'value', 'unit', 'met_bound', 'finished'] as const;

/** Tidy long format: one row per worm per measure; an empty value is a missing one (NA in R, NaN in pandas). */
export function toCsv(r: ExperimentResult): string {
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const g of r.groups)
    for (const [m, s] of Object.entries(g.measures))
      s.values.forEach((v, i) => {
        rows.push([r.name, g.name, i + 1, g.seeds[i] ?? null, m, v, s.unit, s.passes[i] ?? false, g.finished[i] ?? false].map(csvField).join(','));
      });
  return `${rows.join('\r\n')}\r\n`;
}
