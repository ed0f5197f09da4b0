/**
 * Reports of a batch of scenario runs: the terminal summary table, a JSON
 * document, and JUnit XML for CI dashboards.
 */
import type { ExpectationResult } from './expectations';
import type { Poses, ScenarioReport } from './runner';
import { formatMs, round } from './units';

/** One run of one scenario file with one seed; `error` when it could not run (bad file, unknown reference, crash). */
export interface JobResult {
  file: string;
  /** Scenario name (the file name when the file could not be read). */
  name: string;
  seed: number;
  report?: ScenarioReport;
  error?: string;
  /** SVG picture, when plots were asked for. */
  svg?: string;
  /** The experiment group (variant) this run belongs to, for experiment jobs. */
  group?: string;
  /** Centroid track of the run, sampled every TRACK_EVERY_MS (experiment jobs). */
  track?: { t: number[]; x: number[]; y: number[] };
  /** Body points, when asked for (experiment jobs with --wcon). */
  poses?: Poses;
}

export function jobPassed(r: JobResult): boolean {
  return r.error === undefined && r.report !== undefined && r.report.pass;
}

export interface ScenarioSummary {
  file: string;
  name: string;
  runs: number;
  passed: number;
  seeds: number[];
  /** Per expectation (by position): passes and the measured range over the runs. */
  expectations: Array<{
    name: string;
    passed: number;
    runs: number;
    unit: string;
    bound: string;
    min?: number;
    max?: number;
    values: Array<number | string | null>;
  }>;
  simMs: number;
  wallMs: number;
  errors: string[];
}

/** Group runs by scenario file, in the order the files first appear. */
export function summarize(results: readonly JobResult[]): ScenarioSummary[] {
  const byFile = new Map<string, ScenarioSummary>();
  for (const r of results) {
    let s = byFile.get(r.file);
    if (!s) {
      s = { file: r.file, name: r.name, runs: 0, passed: 0, seeds: [], expectations: [], simMs: 0, wallMs: 0, errors: [] };
      byFile.set(r.file, s);
    }
    s.runs++;
    s.seeds.push(r.seed);
    if (jobPassed(r)) s.passed++;
    if (r.error !== undefined) s.errors.push(`seed ${r.seed}: ${r.error}`);
    if (r.report?.error !== undefined) s.errors.push(`seed ${r.seed}: ${r.report.error}`);
    if (!r.report) continue;
    s.simMs += r.report.simMs;
    s.wallMs += r.report.wallMs;
    r.report.expectations.forEach((e, i) => {
      const x = (s.expectations[i] ??= { name: e.name, passed: 0, runs: 0, unit: e.unit, bound: e.bound, values: [] });
      x.runs++;
      if (e.pass) x.passed++;
      x.values.push(e.measured);
      if (typeof e.measured === 'number' && Number.isFinite(e.measured)) {
        x.min = x.min === undefined ? e.measured : Math.min(x.min, e.measured);
        x.max = x.max === undefined ? e.measured : Math.max(x.max, e.measured);
      }
    });
  }
  return [...byFile.values()];
}

export function formatMeasured(e: Pick<ExpectationResult, 'measured' | 'unit'>): string {
  if (e.measured === null) return '—';
  if (typeof e.measured === 'string') return e.measured;
  return `${round(e.measured, 4)}${e.unit ? ` ${e.unit}` : ''}`;
}

function pad(s: string, n: number): string {
  const len = [...s].length;
  return len >= n ? s : s + ' '.repeat(n - len);
}

function truncate(s: string, n: number): string {
  const chars = [...s];
  return chars.length <= n ? s : `${chars.slice(0, n - 1).join('')}…`;
}

/**
 * The summary table: one row per scenario (its result, sim and wall time),
 * then one row per expectation with the measured value beside the bound.
 * With several seeds per scenario, results are pass rates and measured values ranges.
 */
export function formatTable(results: readonly JobResult[]): string {
  const rows: string[][] = [['scenario', 'result', 'measured (bound)', 'sim', 'wall']];
  for (const s of summarize(results)) {
    const single = s.runs === 1;
    const result = single
      ? s.passed === 1
        ? 'PASS'
        : s.errors.length
          ? 'ERROR'
          : 'FAIL'
      : `${s.passed}/${s.runs} (${Math.round((100 * s.passed) / s.runs)}%)`;
    rows.push([
      single ? `${s.name} [seed ${s.seeds[0]}]` : `${s.name} [seeds ${s.seeds[0]}..${s.seeds[s.seeds.length - 1]}]`,
      result,
      '',
      formatMs(s.simMs),
      formatMs(round(s.wallMs, 0)),
    ]);
    for (const e of s.expectations) {
      const mark = e.passed === e.runs ? '✓' : '✗';
      const measured = single
        ? formatMeasured({ measured: e.values[0], unit: e.unit })
        : e.min !== undefined
          ? `${round(e.min, 4)}..${round(e.max!, 4)} ${e.unit}`
          : e.values.map((v) => (v === null ? '—' : String(v))).join(', ');
      rows.push([`  ${mark} ${truncate(e.name, 60)}`, single ? '' : `${e.passed}/${e.runs}`, `${measured} (${e.bound})`, '', '']);
    }
    for (const err of s.errors) rows.push(['  ! error', '', truncate(err.split('\n')[0], 110), '', '']);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...r[c]].length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => pad(cell, widths[c]))
      .join('  ')
      .trimEnd();
  const total = results.length;
  const passed = results.filter(jobPassed).length;
  const sim = results.reduce((t, r) => t + (r.report?.simMs ?? 0), 0);
  const wall = results.reduce((t, r) => t + (r.report?.wallMs ?? 0), 0);
  const speed = wall > 0 ? ` · ${formatMs(sim)} simulated in ${formatMs(round(wall, 0))} of run time (${round(sim / wall, 1)}× real time)` : '';
  return `${[line(rows[0]), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line), '', `${passed}/${total} runs passed${speed}`].join('\n')}\n`;
}

/** The --json report. */
export function toJsonReport(results: readonly JobResult[]): object {
  return {
    format: 'neuroworm-scenario-report',
    version: 1,
    passed: results.filter(jobPassed).length,
    runs: results.length,
    scenarios: summarize(results).map((s) => ({ file: s.file, name: s.name, runs: s.runs, passed: s.passed, passRate: s.passed / s.runs, seeds: s.seeds })),
    results: results.map(({ svg: _svg, ...r }) => r),
  };
}

export function xmlEscape(s: string): string {
  // Characters XML 1.0 cannot hold at all are dropped; the rest are escaped.
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** JUnit XML: one testsuite per scenario file, one testcase per run (seed). */
export function toJUnit(results: readonly JobResult[], reproduce: (r: JobResult) => string): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const suites = summarize(results);
  const failures = results.filter((r) => r.error === undefined && !jobPassed(r)).length;
  const errors = results.filter((r) => r.error !== undefined).length;
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  out.push(
    `<testsuites name="neuroworm scenarios" tests="${results.length}" failures="${failures}" errors="${errors}" time="${seconds(suites.reduce((t, s) => t + s.wallMs, 0))}">`,
  );
  for (const s of suites) {
    const runs = results.filter((r) => r.file === s.file);
    const f = runs.filter((r) => r.error === undefined && !jobPassed(r)).length;
    const e = runs.filter((r) => r.error !== undefined).length;
    out.push(
      `  <testsuite name="${xmlEscape(s.name)}" file="${xmlEscape(s.file)}" tests="${runs.length}" failures="${f}" errors="${e}" time="${seconds(s.wallMs)}">`,
    );
    for (const r of runs) {
      const name = `${r.name} [seed ${r.seed}]`;
      out.push(`    <testcase classname="${xmlEscape(s.file)}" name="${xmlEscape(name)}" time="${seconds(r.report?.wallMs ?? 0)}">`);
      const lines = (r.report?.expectations ?? []).map(
        (x) => `${x.pass ? 'PASS' : 'FAIL'} ${x.name}: measured ${formatMeasured(x)}, bound ${x.bound}${x.detail ? ` — ${x.detail}` : ''}`,
      );
      if (r.error !== undefined)
        out.push(`      <error message="${xmlEscape(r.error.split('\n')[0])}">${xmlEscape(`${r.error}\nreproduce: ${reproduce(r)}`)}</error>`);
      else if (!jobPassed(r)) {
        const failed = r.report?.expectations.filter((x) => !x.pass) ?? [];
        const msg = r.report?.error ?? failed.map((x) => `${x.name}: measured ${formatMeasured(x)}, bound ${x.bound}`).join('; ');
        out.push(`      <failure message="${xmlEscape(msg)}">${xmlEscape(`${lines.join('\n')}\nreproduce: ${reproduce(r)}`)}</failure>`);
      }
      if (lines.length) out.push(`      <system-out>${xmlEscape(lines.join('\n'))}</system-out>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

/** A failure message for one run: each failed expectation with measured value, bound, seed and how to reproduce. */
export function failureMessage(r: JobResult, reproduce: string): string {
  const lines = [`scenario "${r.name}" (${r.file}) failed with seed ${r.seed}`];
  if (r.error !== undefined) lines.push(r.error);
  if (r.report?.error !== undefined) lines.push(r.report.error);
  for (const x of r.report?.expectations ?? [])
    if (!x.pass)
      lines.push(
        `  ✗ ${x.name}`,
        `    measured ${formatMeasured(x)}, bound ${x.bound}${x.unit && !x.bound.endsWith(x.unit) ? ` ${x.unit}` : ''}`,
        `    ${x.detail}`,
      );
  lines.push(`reproduce: ${reproduce}`);
  return lines.join('\n');
}
