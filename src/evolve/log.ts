/**
 * What a run leaves behind besides the circuit: the log of every generation
 * as CSV and JSON, and the fitness curve as an SVG picture (best of each
 * generation, best so far, median). Browser-safe (the editor's live chart
 * can draw the same curve).
 */
import { xmlEscape } from '../scenario/report';
import type { GenerationReport } from './engine';

const COLUMNS: ReadonlyArray<keyof GenerationReport> = [
  'generation',
  'evaluations',
  'best',
  'median',
  'mean',
  'worst',
  'bestEver',
  'bestPassed',
  'runs',
  'unstable',
  'simSeconds',
  'wallMs',
  'sigma',
  'species',
];

export function logCsv(log: readonly GenerationReport[]): string {
  const rows = log.map((g) => COLUMNS.map((c) => (g[c] === undefined ? '' : String(g[c]))).join(','));
  return `${[COLUMNS.join(','), ...rows].join('\n')}\n`;
}

const W = 720;
const H = 360;
const L = 56;
const R = 16;
const T = 62;
const B = 44;

/** The fitness curve: best per generation (orange), best so far (dark), median (grey dashed); fitness 1 = every expectation passed on every seed. */
export function fitnessSvg(log: readonly GenerationReport[], title: string): string {
  const n = Math.max(1, log.length);
  const values = log.flatMap((g) => [g.best, g.median, g.bestEver]).filter(Number.isFinite);
  const lo = Math.min(0, ...values);
  const hi = Math.max(1, ...values);
  const x = (gen: number) => L + ((gen - 1) / Math.max(1, n - 1)) * (W - L - R);
  const y = (f: number) => T + (1 - (f - lo) / (hi - lo)) * (H - T - B);
  const line = (pick: (g: GenerationReport) => number) =>
    log
      .filter((g) => Number.isFinite(pick(g)))
      .map((g, i) => `${i === 0 ? 'M' : 'L'}${x(g.generation).toFixed(1)},${y(pick(g)).toFixed(1)}`)
      .join(' ');
  const ticks = [lo, ...(lo < 0 ? [0] : []), 0.5, hi].filter((v, i, a) => a.indexOf(v) === i && v >= lo && v <= hi);
  const genTicks = [...new Set([1, Math.ceil(n / 4), Math.ceil(n / 2), Math.ceil((3 * n) / 4), n])];
  const last = log.at(-1);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#fbfaf6"/>`,
    `<text x="${L}" y="22" font-size="15" font-weight="bold">${xmlEscape(title)}</text>`,
    ...ticks.map(
      (v) =>
        `<line x1="${L}" x2="${W - R}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#ddd"/><text x="${L - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${+v.toFixed(2)}</text>`,
    ),
    ...genTicks.map((g) => `<text x="${x(g).toFixed(1)}" y="${H - B + 16}" text-anchor="middle">${g}</text>`),
    `<text x="${(L + W - R) / 2}" y="${H - 8}" text-anchor="middle">generation</text>`,
    `<text x="14" y="${(T + H - B) / 2}" transform="rotate(-90 14 ${(T + H - B) / 2})" text-anchor="middle">fitness</text>`,
    `<path d="${line((g) => g.median)}" fill="none" stroke="#999" stroke-dasharray="4 3" stroke-width="1.5"><title>median of each generation</title></path>`,
    `<path d="${line((g) => g.best)}" fill="none" stroke="#e8890c" stroke-width="1.5"><title>best of each generation</title></path>`,
    `<path d="${line((g) => g.bestEver)}" fill="none" stroke="#3b2a1a" stroke-width="2.5"><title>best so far</title></path>`,
    // The legend on one line under the title, clear of the curves (which crowd the top near fitness 1).
    `<g transform="translate(${L},44)">`,
    `<line x1="0" x2="22" y1="-4" y2="-4" stroke="#3b2a1a" stroke-width="2.5"/><text x="28" y="0">best so far${last ? ` (${+last.bestEver.toFixed(4)})` : ''}</text>`,
    `<line x1="200" x2="222" y1="-4" y2="-4" stroke="#e8890c" stroke-width="1.5"/><text x="228" y="0">best of the generation</text>`,
    `<line x1="400" x2="422" y1="-4" y2="-4" stroke="#999" stroke-dasharray="4 3" stroke-width="1.5"/><text x="428" y="0">median of the generation</text></g>`,
    '</svg>',
    '',
  ].join('\n');
}
