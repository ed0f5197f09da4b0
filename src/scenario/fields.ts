/**
 * The zod building blocks of the scenario format: fields that read times,
 * lengths, speeds, numbers in a range, labels and neuron names, each with a
 * message that says what is wrong and how to fix it, split by FIX_SEP so the
 * loader can print the fix on its own line beside the file and line. The
 * document schema (schema.ts), the expectation kinds (expectations/) and the
 * recording reader (record.ts) are made of these.
 */
import { z } from 'zod';
import { nearest } from '../text/nearest';
import { type Range, describeValue, rangeProblem, rangeText } from '../text/ranges';
import type { Length, Parsed, Speed } from './units';
import { parseFrequencyHz, parseLength, parseSpeed, parseTimeMs } from './units';

/**
 * Raise, in an outer parse, the issues an inner parse found (their paths put
 * below `at`), keeping their codes: an unknown field's issue still names the
 * key, so its line can be found.
 */
export function forwardIssues(ctx: z.core.$RefinementCtx, issues: readonly z.core.$ZodIssue[], at: ReadonlyArray<PropertyKey> = []): void {
  // A finished issue is a raw one with its message filled in; zod's types keep the two apart.
  for (const iss of issues) ctx.addIssue({ ...iss, path: [...at, ...iss.path] } as unknown as Parameters<typeof ctx.addIssue>[0]);
}

/** A point in time: an absolute time, or the (first) time of a labelled timeline item. */
export type Anchor = { ms: number } | { label: string };

/** Separates a message's problem from its fix. */
export const FIX_SEP = ' | fix: ';

export function withFix(problem: string, fix: string): string {
  return `${problem}${FIX_SEP}${fix}`;
}

export const LABEL_RE = /^[A-Za-z][A-Za-z0-9_-]*$/;
const NEURON_RE = /^[\p{L}\p{N}_.-]+$/u;

/** Nearest candidate by edit distance, for "did you mean". */
export const suggest: (word: string, candidates: readonly string[]) => string | undefined = nearest;

/** What a value is, for messages: `NaN`, `a list`, `text "abc"`. */
export const kindOf = describeValue;

/** A strict object whose unknown-field message lists the allowed fields and a likely intended one. */
export function strict<T extends z.ZodRawShape>(shape: T, what: string) {
  const allowed = Object.keys(shape);
  return z.strictObject(shape, {
    error: (iss) => {
      if (iss.code === 'unrecognized_keys') {
        const key = String(iss.keys[0]);
        const near = suggest(key, allowed);
        return withFix(`unknown field "${key}" in ${what}`, `${near ? `did you mean "${near}"? ` : ''}allowed fields: ${allowed.join(', ')}`);
      }
      if (iss.code === 'invalid_type') return withFix(`${what} must be a mapping (key: value), got ${kindOf(iss.input)}`, `write it as ${what}: {...}`);
      return undefined;
    },
  });
}

/** A field parsed by one of the units.ts parsers, then held to `check` (a range, in the parsed unit). */
function parsedBy<T>(parse: (v: unknown) => Parsed<T>, what: string, example: string, check?: (v: T) => string | undefined) {
  return z.unknown().transform((v, ctx): T => {
    if (v === undefined) {
      ctx.addIssue({ code: 'custom', message: withFix(`missing ${what}`, `add it, e.g. ${example}`) });
      return z.NEVER;
    }
    const r = parse(v);
    if (!r.ok) {
      const [problem, fix] = r.error.split(/: (?=write )/);
      ctx.addIssue({ code: 'custom', message: fix ? withFix(problem, fix) : r.error });
      return z.NEVER;
    }
    const problem = check?.(r.value);
    if (problem !== undefined) {
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    return r.value;
  });
}

const inRange = (what: string, range: Range, value: number, shown: string | number = value): string | undefined => {
  const p = rangeProblem(value, range);
  return p === undefined ? undefined : withFix(`${what} ${shown} is out of range: ${p}`, `${what} is ${rangeText(range)} (${range.help})`);
};

/** A time ("2s", "1500ms", a number of ms) in range (in ms). */
export const time = (what: string, range: Range) => parsedBy(parseTimeMs, what, '2s', (ms) => inRange(what, range, ms, `${ms} ms`));
/** A length ("0.5mm", "1.5bl", a number of mm) in range (value in its own unit). */
export const length = (what: string, range: Range) =>
  parsedBy<Length>(parseLength, what, '0.5mm', (l) => inRange(what, range, l.value, `${l.value} ${l.unit}`));
/** A speed ("0.2mm/s", "0.1bl/s", a number of mm/s) in range. */
export const speed = (what: string, range: Range) => parsedBy<Speed>(parseSpeed, what, '0.2mm/s', (s) => inRange(what, range, s.value, `${s.value} ${s.unit}`));
/** A frequency ("0.5Hz", a number of Hz) in range. */
export const frequency = (what: string, range: Range) => parsedBy(parseFrequencyHz, what, '0.5Hz', (hz) => inRange(what, range, hz, `${hz} Hz`));

/** A plain number in its range; the message gives the value, what is wrong and the range. */
export function num(what: string, range: Range) {
  return z.unknown().transform((v, ctx): number => {
    const fix = `${what} is ${rangeText(range)}${range.help ? ` (${range.help})` : ''}`;
    const problem = v === undefined ? `missing ${what}` : rangeProblem(v, range);
    if (problem !== undefined) {
      ctx.addIssue({ code: 'custom', message: withFix(v === undefined ? problem : `${what}: ${problem}`, fix) });
      return z.NEVER;
    }
    return (v as number) + 0; // -0 → 0: JSON and YAML writers print both as 0
  });
}

/** A number with loose bounds (formats without a range table of their own, such as the evolve spec): the same checks and messages as num. */
export function numWithin(what: string, opts: { min?: number; max?: number; int?: boolean; positive?: boolean; hint?: string } = {}) {
  const range: Range = {
    min: opts.min ?? (opts.positive ? 0 : -Infinity),
    max: opts.max ?? Infinity,
    ...(opts.positive && opts.min === undefined && { above: true }),
    ...(opts.int && { int: true }),
    unit: '',
    help: opts.hint ?? '',
  };
  return num(what, range);
}

export function oneOf<const T extends readonly string[]>(values: T, what: string) {
  return z.unknown().transform((v, ctx): T[number] => {
    if (typeof v === 'string' && values.includes(v)) return v as T[number];
    const near = typeof v === 'string' ? suggest(v, values) : undefined;
    ctx.addIssue({
      code: 'custom',
      message: withFix(
        v === undefined ? `missing ${what}` : `${what} ${JSON.stringify(v)} is not allowed`,
        `${near ? `did you mean "${near}"? ` : ''}use one of: ${values.join(', ')}`,
      ),
    });
    return z.NEVER;
  });
}

export function text(what: string, re?: RegExp, reFix?: string) {
  return z.unknown().transform((v, ctx): string => {
    if (typeof v === 'string' && v.trim() !== '' && (!re || re.test(v))) return v;
    ctx.addIssue({
      code: 'custom',
      message: withFix(
        v === undefined
          ? `missing ${what}`
          : typeof v === 'string' && v.trim() !== ''
            ? `${what} ${JSON.stringify(v)} is not valid`
            : `${what} must be text, got ${kindOf(v)}`,
        reFix ?? `write the ${what} as text`,
      ),
    });
    return z.NEVER;
  });
}

export const neuron = (what = 'neuron') =>
  text(what, NEURON_RE, `a neuron id from the circuit (or a class such as AVA for AVAL + AVAR), letters, digits, _ . -`);
export const label = (what = 'label') => text(what, LABEL_RE, 'a label starts with a letter and has only letters, digits, _ and -');

/** `after: head-touch` (a label) or `after: 2s` (a time). */
export const anchor = z.unknown().transform((v, ctx): Anchor => {
  if (typeof v === 'string' && /^[A-Za-z]/.test(v)) {
    if (LABEL_RE.test(v)) return { label: v };
    ctx.addIssue({
      code: 'custom',
      message: withFix(`"${v}" is neither a label nor a time`, 'write a timeline label (letters, digits, _ -) or a time like 2s'),
    });
    return z.NEVER;
  }
  const r = parseTimeMs(v);
  if (r.ok) return { ms: r.value };
  ctx.addIssue({ code: 'custom', message: withFix(`"${String(v)}" is neither a label nor a time`, 'write a timeline label or a time like 2s') });
  return z.NEVER;
});

/** `between: [low, high]` of two bounds read by `item`. */
export function pair<T>(item: z.ZodType<T>, what: string) {
  return z
    .unknown()
    .pipe(
      z
        .tuple([item, item], { error: () => withFix(`${what} must be a list of two bounds`, `write ${what}: [low, high]`) })
        .refine((p) => cmp(p[0]) <= cmp(p[1]), { message: withFix(`${what}: the low bound is above the high bound`, 'write [low, high]') }),
    );
}

/** Comparable value of a bound (mixed units compare as written; the unit check is in the evaluator). */
function cmp(v: unknown): number {
  return typeof v === 'number' ? v : (v as { value: number }).value;
}
