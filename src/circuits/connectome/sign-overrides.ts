/**
 * Per-synapse signs the transmitter does not give. The wiring tables carry no
 * sign; a synapse takes its presynaptic neuron's transmitter's (GABA
 * inhibitory, acetylcholine and glutamate excitatory), which is wrong for
 * some glutamatergic synapses. Built in: the touch cells' inhibition of the
 * opposing command neurons, as OpenWorm's touch-withdrawal model sets it
 * (c302_TapWithdrawal.py, conn_polarity_override: AVM→AVBL/AVBR, AVM→PVCL/PVCR,
 * ALML/ALMR→PVCL/PVCR; cf. Chalfie et al. 1985, Wicks et al. 1996). Users
 * add their own in a JSON file: [{ "from": "AVM", "to": "AVBL", "sign": "inhibitory" }, ...].
 */
import { JsonSyntaxError, parseJsonWithLocations } from '../../text/json-locate';
import { ConnectomeError, type ImportProblem } from './problems';

export type Sign = 'excitatory' | 'inhibitory';

export interface SignOverride {
  from: string;
  to: string;
  sign: Sign;
}

/** A list of overrides and where it came from (for messages); `lines[i]` is the line of entry i when read from a file. */
export interface SignOverrideList {
  file: string;
  entries: readonly SignOverride[];
  lines?: readonly (number | undefined)[];
}

const inhibits = (from: string, to: string): SignOverride => ({ from, to, sign: 'inhibitory' });

export const TOUCH_OVERRIDES: SignOverrideList = {
  file: 'built-in touch-circuit signs',
  entries: [
    inhibits('AVM', 'AVBL'),
    inhibits('AVM', 'AVBR'),
    inhibits('AVM', 'PVCL'),
    inhibits('AVM', 'PVCR'),
    inhibits('ALML', 'PVCL'),
    inhibits('ALML', 'PVCR'),
    inhibits('ALMR', 'PVCL'),
    inhibits('ALMR', 'PVCR'),
  ],
};

const FIELDS = ['from', 'to', 'sign'];
const EXAMPLE = '[{ "from": "AVM", "to": "AVBL", "sign": "inhibitory" }]';

/** Reads a sign-override file (browser-safe: takes its text). Throws ConnectomeError naming the line and field. */
export function parseSignOverrides(text: string, file: string): SignOverrideList {
  const body = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  let located: ReturnType<typeof parseJsonWithLocations>;
  try {
    located = parseJsonWithLocations(body);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    throw new ConnectomeError([
      { file, line: e.position.line, message: `not valid JSON: ${e.reason} (column ${e.position.column}); fix the JSON syntax there` },
    ]);
  }
  const value = located.value;
  const problems: ImportProblem[] = [];
  const lineOf = (path: (string | number)[]): number | undefined => located.locate(path)?.line;
  if (!Array.isArray(value)) {
    throw new ConnectomeError([{ file, line: lineOf([]), message: `expected a list of sign overrides, e.g. ${EXAMPLE}` }]);
  }
  const entries: SignOverride[] = [];
  const lines: (number | undefined)[] = [];
  value.forEach((item: unknown, i) => {
    const line = lineOf([i]);
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      problems.push({ file, line, field: `[${i}]`, message: `expected an object {"from", "to", "sign"}, e.g. ${EXAMPLE}` });
      return;
    }
    const o = item as Record<string, unknown>;
    let ok = true;
    for (const k of Object.keys(o)) {
      if (!FIELDS.includes(k)) {
        problems.push({
          file,
          line: located.locate([i, k], { key: true })?.line ?? line,
          field: `[${i}].${k}`,
          message: `unknown field; allowed: from, to, sign`,
        });
        ok = false;
      }
    }
    for (const k of ['from', 'to'] as const) {
      const v = o[k];
      if (typeof v !== 'string' || v.trim() === '') {
        problems.push({
          file,
          line: lineOf([i, k]) ?? line,
          field: `[${i}].${k}`,
          message: `${v === undefined ? 'missing' : 'not a neuron name'}; write the ${k === 'from' ? 'presynaptic' : 'postsynaptic'} neuron's name, e.g. "AVM"`,
        });
        ok = false;
      }
    }
    const sign = o.sign;
    if (sign !== 'excitatory' && sign !== 'inhibitory') {
      problems.push({
        file,
        line: lineOf([i, 'sign']) ?? line,
        field: `[${i}].sign`,
        message: `${sign === undefined ? 'missing' : JSON.stringify(sign)}; a sign is "excitatory" or "inhibitory"`,
      });
      ok = false;
    }
    if (ok) {
      entries.push({ from: (o.from as string).trim(), to: (o.to as string).trim(), sign: sign as Sign });
      lines.push(line);
    }
  });
  for (const d of located.duplicateKeys) {
    problems.push({
      file,
      line: d.second.line,
      message: `field "${d.key}" appears twice in one object (lines ${d.first.line} and ${d.second.line}); remove one`,
    });
  }
  if (problems.length > 0) throw new ConnectomeError(problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  return { file, entries, lines };
}
