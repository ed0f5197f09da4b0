/**
 * The layouts of published wiring tables, how to recognise them from their
 * header, and how to read their rows into one common form. Names are kept as
 * written (trimmed) here; names.ts decides what they stand for.
 */
import type { Transmitter } from '../../neural/types';
import { CsvSyntaxError, isBlank, readCsv, type CsvRecord } from './csv';
import type { ProblemLog } from './problems';
import { readTransmitter, TRANSMITTER_WORDS } from './transmitters';

export type LayoutId = 'cook' | 'varshney' | 'muscles' | 'sensory' | 'edgelist';
export type FormatOption = 'auto' | LayoutId;
export const FORMATS: readonly FormatOption[] = ['auto', 'cook', 'varshney', 'muscles', 'sensory', 'edgelist'];

/** chemical: a synapse from pre to post; electrical: a gap junction; receive: a chemical synapse repeated from the receiving side (White/Varshney R, Rp); nmj: a neuromuscular junction. */
export type RowKind = 'chemical' | 'electrical' | 'receive' | 'nmj';

export interface WiringRow {
  line: number;
  pre: string;
  post: string;
  kind: RowKind;
  contacts: number;
  /** From the row's Neurotransmitter cell, when the layout has one and the cell names one. */
  transmitter?: Transmitter;
}

/** A row of the Sensory sheet: the neuron is sensory; its transmitter cell may inform the neuron's. */
export interface SensoryRow {
  line: number;
  neuron: string;
  transmitter?: Transmitter;
}

export interface ParsedTable {
  name: string;
  layout: LayoutId;
  /** False for a headerless generic edge list. */
  header: boolean;
  wiring: WiringRow[];
  sensory: SensoryRow[];
  /** Data rows read (blank and comment lines not counted). */
  rows: number;
  /** Names of the name columns as the header writes them, for messages. */
  columns: { pre: string; post: string; neuron: string };
}

type Role = 'pre' | 'post' | 'type' | 'contacts' | 'transmitter' | 'neuron' | 'skip';

interface Columns {
  layout: LayoutId;
  /** Role of each column. */
  roles: Role[];
  /** Column names for messages (the header as written, or the layout's names for a headerless table). */
  names: string[];
  header: boolean;
}

/** Published layouts by their exact header (compared without case, spaces or punctuation). */
const FIXED: ReadonlyArray<{ layout: LayoutId; header: readonly string[]; roles: Role[] }> = [
  { layout: 'cook', header: ['Source', 'Target', 'Weight', 'Type'], roles: ['pre', 'post', 'contacts', 'type'] },
  {
    layout: 'varshney',
    header: ['Origin', 'Target', 'Type', 'Number of Connections', 'Neurotransmitter'],
    roles: ['pre', 'post', 'type', 'contacts', 'transmitter'],
  },
  {
    layout: 'muscles',
    header: ['Neuron', 'Muscle', 'Number of Connections', 'Neurotransmitter'],
    roles: ['pre', 'post', 'contacts', 'transmitter'],
  },
  {
    layout: 'sensory',
    header: ['Neuron', 'Landmark', 'Landmark Position', 'Weight', 'Neurotransmitter', 'Neuropeptides', 'Function'],
    roles: ['neuron', 'skip', 'skip', 'skip', 'transmitter', 'skip', 'skip'],
  },
];

/** Header words of a generic edge list, by column role. */
const SYNONYMS: ReadonlyArray<readonly [Role, readonly string[]]> = [
  ['pre', ['pre', 'presynaptic', 'source', 'origin', 'from', 'neuron1', 'sender']],
  ['post', ['post', 'postsynaptic', 'target', 'to', 'neuron2', 'receiver']],
  ['type', ['type', 'kind', 'synapsetype', 'connectiontype']],
  ['contacts', ['contacts', 'count', 'weight', 'number', 'numberofconnections', 'nbr', 'synapses', 'n']],
  ['transmitter', ['neurotransmitter', 'transmitter', 'nt']],
];

const EDGELIST_NAMES = ['pre', 'post', 'type', 'contacts', 'transmitter'];

const TYPES: ReadonlyMap<string, RowKind> = new Map<string, RowKind>([
  ...['chemical', 'chem', 'c', 'send', 's', 'sp', 'sendpoly', 'synapse', 'chemicalsynapse'].map((w) => [w, 'chemical'] as const),
  ...['electrical', 'electric', 'e', 'ej', 'gj', 'gap', 'gapjunction', 'electricaljunction'].map((w) => [w, 'electrical'] as const),
  ...['r', 'rp', 'receive', 'receivepoly'].map((w) => [w, 'receive'] as const),
  ...['nmj', 'neuromuscular', 'neuromuscularjunction'].map((w) => [w, 'nmj'] as const),
]);
const TYPE_HELP =
  'chemical (also Send, S, Sp), electrical (also GapJunction, EJ, gap), R/Rp (a chemical synapse listed from the receiving side: skipped) or NMJ';

const key = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const isComment = (r: CsvRecord): boolean => r.fields[0].trimStart().startsWith('#');

function fixedLayout(fields: string[], only?: LayoutId): Columns | undefined {
  const keys = trimTrailingEmpty(fields).map(key);
  for (const f of FIXED) {
    if (only !== undefined && f.layout !== only) continue;
    if (keys.length === f.header.length && f.header.every((h, k) => key(h) === keys[k])) {
      return { layout: f.layout, roles: f.roles, names: fields.slice(0, f.roles.length).map((s) => s.trim()), header: true };
    }
  }
  return undefined;
}

/** A generic edge list's header: every column named by a synonym, pre/post/type/contacts present once each. */
function edgelistHeader(fields: string[]): Columns | undefined {
  const names = trimTrailingEmpty(fields).map((s) => s.trim());
  const roles: Role[] = [];
  for (const n of names) {
    const hit = SYNONYMS.find(([, words]) => words.includes(key(n)));
    if (!hit) return undefined;
    roles.push(hit[0]);
  }
  for (const need of ['pre', 'post', 'type', 'contacts'] as const) if (roles.filter((r) => r === need).length !== 1) return undefined;
  if (roles.filter((r) => r === 'transmitter').length > 1) return undefined;
  return { layout: 'edgelist', roles, names, header: true };
}

/** A first row that is already data: pre, post, a known type, a number. */
function looksLikeEdge(fields: string[]): boolean {
  const f = trimTrailingEmpty(fields);
  return (f.length === 4 || f.length === 5) && TYPES.has(key(f[2])) && f[3].trim() !== '' && Number.isFinite(Number(f[3]));
}

function headerlessEdgelist(fields: string[]): Columns {
  const n = trimTrailingEmpty(fields).length;
  const roles: Role[] = ['pre', 'post', 'type', 'contacts', 'transmitter'].slice(0, n) as Role[];
  return { layout: 'edgelist', roles, names: EDGELIST_NAMES.slice(0, n), header: false };
}

function trimTrailingEmpty(fields: string[]): string[] {
  let n = fields.length;
  while (n > 1 && fields[n - 1].trim() === '') n--;
  return fields.slice(0, n);
}

const LAYOUT_HELP = [
  'Cook 2019 edge list: Source,Target,Weight,Type',
  'White/Varshney "Connectome" sheet: Origin,Target,Type,Number of Connections,Neurotransmitter',
  '"NeuronsToMuscle" sheet: Neuron,Muscle,Number of Connections,Neurotransmitter',
  '"Sensory" sheet: Neuron,Landmark,Landmark Position,Weight,Neurotransmitter,Neuropeptides,Function',
  'a generic edge list: pre,post,type,contacts[,transmitter] (header optional)',
].join('; ');

function detect(first: CsvRecord, format: FormatOption): Columns | string {
  const shown = JSON.stringify(first.fields.join(',').slice(0, 120));
  if (format === 'auto') {
    const c = fixedLayout(first.fields) ?? edgelistHeader(first.fields) ?? (looksLikeEdge(first.fields) ? headerlessEdgelist(first.fields) : undefined);
    return c ?? `the header ${shown} matches no known wiring-table layout; expected one of: ${LAYOUT_HELP}`;
  }
  if (format === 'edgelist') {
    const c = edgelistHeader(first.fields) ?? (looksLikeEdge(first.fields) ? headerlessEdgelist(first.fields) : undefined);
    return (
      c ??
      `the first line ${shown} is neither an edge-list header (columns pre, post, type, contacts and optionally transmitter, in any order) nor an edge (pre,post,type,contacts); fix the header or use --format auto`
    );
  }
  const c = fixedLayout(first.fields, format);
  if (c) return c;
  const expected = FIXED.find((f) => f.layout === format)!.header.join(',');
  return `the header ${shown} is not the ${format} layout (expected ${expected}); fix the header or use --format auto`;
}

/**
 * Reads one table. Problems go to `log` with the table's name and the line;
 * returns undefined when the table cannot be read at all (syntax, header).
 */
export function parseTable(name: string, text: string, format: FormatOption, log: ProblemLog): ParsedTable | undefined {
  let records: CsvRecord[];
  try {
    records = readCsv(text);
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    log.error({ file: name, line: e.line, message: `not valid CSV: ${e.reason}` });
    return undefined;
  }
  const content = records.filter((r) => !isBlank(r) && !isComment(r));
  if (content.length === 0) {
    log.error({ file: name, message: `the table is empty; expected a header and rows in one of these layouts: ${LAYOUT_HELP}` });
    return undefined;
  }
  const columns = detect(content[0], format);
  if (typeof columns === 'string') {
    log.error({ file: name, line: content[0].line, message: columns });
    return undefined;
  }
  const column = (role: Role): string => columns.names[columns.roles.indexOf(role)] ?? role;
  const table: ParsedTable = {
    name,
    layout: columns.layout,
    header: columns.header,
    wiring: [],
    sensory: [],
    rows: 0,
    columns: { pre: column('pre'), post: column('post'), neuron: column('neuron') },
  };
  for (const record of columns.header ? content.slice(1) : content) {
    table.rows++;
    readRow(record, columns, table, log);
  }
  return table;
}

function readRow(record: CsvRecord, columns: Columns, table: ParsedTable, log: ProblemLog): void {
  const file = table.name;
  const { line } = record;
  // Spreadsheets leave out empty cells at the end of a row: pad them back; only required columns must be there.
  const fields = trimTrailingEmpty(record.fields);
  const expected = columns.roles.length;
  const required = columns.roles.reduce((n, r, k) => (r === 'transmitter' || r === 'skip' ? n : k + 1), 0);
  if (fields.length > expected || fields.length < required) {
    log.error({
      file,
      line,
      message:
        `${fields.length} ${fields.length === 1 ? 'field' : 'fields'}, but this table has ${expected} columns (${columns.names.join(', ')}); ` +
        (fields.length > expected ? 'remove the extra fields, or put a field holding a comma in double quotes' : 'fill in the missing fields'),
    });
    return;
  }
  while (fields.length < expected) fields.push('');
  const get = (role: Role): { text: string; field: string } | undefined => {
    const k = columns.roles.indexOf(role);
    return k < 0 ? undefined : { text: fields[k].trim(), field: columns.names[k] };
  };
  let ok = true;
  const name = (role: 'pre' | 'post' | 'neuron', what: string): string => {
    const c = get(role)!;
    if (c.text === '') {
      log.error({ file, line, field: c.field, message: `empty; write the ${what} name` });
      ok = false;
    }
    return c.text;
  };
  const transmitter = (): Transmitter | undefined => {
    const c = get('transmitter');
    if (!c) return undefined;
    const r = readTransmitter(c.text);
    if (r.ok) return r.transmitter;
    log.warn({
      file,
      line,
      field: c.field,
      message: `${JSON.stringify(c.text)}: unknown transmitter; the neuron's transmitter is left to other rows or the built-in list. Known: ${TRANSMITTER_WORDS}`,
    });
    return undefined;
  };

  if (columns.layout === 'sensory') {
    const neuron = name('neuron', 'sensory neuron');
    const t = transmitter();
    if (ok) table.sensory.push(t === undefined ? { line, neuron } : { line, neuron, transmitter: t });
    return;
  }

  const pre = name('pre', columns.layout === 'muscles' ? 'motor neuron' : 'presynaptic neuron');
  const post = name('post', columns.layout === 'muscles' ? 'muscle' : 'postsynaptic cell');
  let kind: RowKind = 'nmj';
  const type = get('type');
  if (type) {
    const k = TYPES.get(key(type.text));
    if (k === undefined) {
      log.error({ file, line, field: type.field, message: `${JSON.stringify(type.text)} is not a synapse type; use ${TYPE_HELP}` });
      ok = false;
    } else kind = k;
  }
  const c = get('contacts')!;
  const contacts = Number(c.text);
  const count = columns.layout === 'cook' ? 'the synapse size (a number ≥ 0)' : 'the number of synapses (a number ≥ 0)';
  if (c.text === '') {
    log.error({ file, line, field: c.field, message: `empty; write ${count}` });
    ok = false;
  } else if (!Number.isFinite(contacts)) {
    log.error({ file, line, field: c.field, message: `${JSON.stringify(c.text)} is not a number; write ${count}` });
    ok = false;
  } else if (contacts < 0) {
    log.error({
      file,
      line,
      field: c.field,
      message: `${c.text} is negative; write ${count} (an inhibitory synapse is marked with --sign-overrides, not with a negative count)`,
    });
    ok = false;
  }
  const t = kind === 'chemical' || kind === 'nmj' ? transmitter() : undefined;
  if (!ok) return;
  const row: WiringRow = { line, pre, post, kind, contacts };
  if (t !== undefined) row.transmitter = t;
  table.wiring.push(row);
}
