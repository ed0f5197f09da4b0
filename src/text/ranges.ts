/**
 * Allowed ranges of numbers, one table per file format and one for the CLI's
 * options. The loaders check values against these tables and the docs print
 * them (docs tests compare the docs' tables with rangeTable), so an error
 * message and the page it points to always give the same range.
 */

export interface Range {
  /** Lowest allowed value (inclusive unless `above`). */
  min: number;
  max: number;
  /** `min` itself is not allowed (a time of 0, a radius of 0). */
  above?: boolean;
  /** Whole numbers only. */
  int?: boolean;
  /** Unit as shown after the number (ms, mm, pA, …), '' for none. */
  unit: string;
  /** What the number means, one short phrase. */
  help: string;
}

function show(n: number): string {
  if (n === 0xffffffff) return '2^32 − 1';
  if (Math.abs(n) >= 1e6 && Number.isInteger(Math.log10(Math.abs(n)))) return `${n < 0 ? '-' : ''}1e${Math.log10(Math.abs(n))}`;
  return String(n);
}

/** `0 .. 1`, `> 0 .. 200 mm`, `whole numbers 1 .. 100000`. */
export function rangeText(r: Range): string {
  const u = r.unit ? ` ${r.unit}` : '';
  const whole = r.int ? 'whole numbers ' : '';
  // Open-ended ranges (a format's own tables are bounded; other callers' may not be).
  if (r.max === Infinity) return r.min === -Infinity ? `${whole || 'any number'}${u}`.trim() : `${whole}${r.above ? '>' : '≥'} ${show(r.min)}${u}`;
  if (r.min === -Infinity) return `${whole}≤ ${show(r.max)}${u}`;
  const lo = r.above ? `> ${show(r.min)}` : show(r.min);
  return `${whole}${lo} .. ${show(r.max)}${u}`;
}

/** Why `value` is outside `r` (undefined when it is inside). */
export function rangeProblem(value: unknown, r: Range): string | undefined {
  if (typeof value !== 'number') return `${describeValue(value)} is not a number`;
  if (Number.isNaN(value)) return 'NaN is not a number';
  if (!Number.isFinite(value)) return `${value > 0 ? 'infinity' : '-infinity'} is not a finite number`;
  if (r.int && !Number.isInteger(value)) return `${value} is not a whole number`;
  if (value < r.min || (r.above && value === r.min)) return `${value} is ${r.above && value === r.min ? 'not above' : 'below'} ${show(r.min)}`;
  if (value > r.max) return `${value} is above ${show(r.max)}`;
  return undefined;
}

/** A value as messages show it: `NaN`, `text "abc"`, `a list`, `null`. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : String(v);
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v)}`;
  return `${typeof v} ${String(v)}`;
}

/** A markdown table of the ranges (the docs hold it verbatim; a docs test compares). */
export function rangeTable(ranges: Readonly<Record<string, Range>>, fieldHeader = 'field'): string {
  const rows = Object.entries(ranges).map(([name, r]) => `| \`${name}\` | ${rangeText(r)} | ${r.help} |`);
  return [`| ${fieldHeader} | allowed | meaning |`, '|---|---|---|', ...rows].join('\n');
}
