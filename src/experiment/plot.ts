/**
 * The experiment's picture, one self-contained SVG: per measure a dot and box
 * plot of every group (each worm a dot, the box from the first to the third
 * quartile with the median, the mean as a diamond with its bootstrap 95 % CI),
 * the tracks of every worm of each group on one scale, and the compares with
 * their verdicts. Hover titles give each worm's seed and value.
 */
import { quantileSorted } from 'simple-statistics';
import { xmlEscape } from '../scenario/report';
import type { JobResult } from '../scenario/report';
import { num } from './format';
import { type Kymograph, kymographOf, kymographScale, kymographSvg } from './kymograph';
import type { ExperimentResult } from './run';

const PALETTE = ['#1f6fb4', '#c8372d', '#2e8b3c', '#8a55b8', '#e07b16', '#3a9fa8'];
const PANEL_W = 280;
const PANEL_H = 230;
const TRACK = 280;
const GAP = 24;

export const groupColour = (i: number) => PALETTE[i % PALETTE.length]!;

/** Round numbers for an axis from lo to hi: about five of them. */
function ticks(lo: number, hi: number): number[] {
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

const f = (x: number) => x.toFixed(1);

function measurePanel(r: ExperimentResult, m: string, x0: number, y0: number): string {
  const out: string[] = [];
  const unit = r.groups.find((g) => g.measures[m]?.unit)?.measures[m]?.unit ?? '';
  const all = r.groups.flatMap((g) => g.measures[m]!.values.filter((v): v is number => v !== null));
  const cis = r.groups.flatMap((g) => g.measures[m]!.stats.ci ?? []);
  let lo = Math.min(0, ...all, ...cis);
  let hi = Math.max(...all, ...cis, lo + 1e-9);
  if (all.length === 0) hi = 1;
  const pad = (hi - lo) * 0.08 || 1;
  lo -= all.some((v) => v < 0) ? pad : 0;
  hi += pad;
  const left = x0 + 52;
  const right = x0 + PANEL_W - 8;
  const top = y0 + 26;
  const bottom = y0 + PANEL_H - 34;
  const Y = (v: number) => bottom - ((v - lo) / (hi - lo)) * (bottom - top);
  out.push(`<text x="${x0 + PANEL_W / 2}" y="${y0 + 14}" text-anchor="middle" font-weight="bold">${xmlEscape(m)}${unit ? ` (${xmlEscape(unit)})` : ''}</text>`);
  for (const t of ticks(lo, hi)) {
    out.push(`<line x1="${left}" x2="${right}" y1="${f(Y(t))}" y2="${f(Y(t))}" stroke="#e4e4e4"/>`);
    out.push(`<text x="${left - 4}" y="${f(Y(t) + 4)}" text-anchor="end" font-size="10">${num(t)}</text>`);
  }
  out.push(`<line x1="${left}" x2="${left}" y1="${top}" y2="${bottom}" stroke="#888"/>`);
  const slot = (right - left) / r.groups.length;
  r.groups.forEach((g, gi) => {
    const s = g.measures[m]!;
    const cx = left + slot * (gi + 0.5);
    const col = groupColour(gi);
    const vals = s.values.map((v, i) => ({ v, seed: g.seeds[i] }));
    const present = vals.filter((p): p is { v: number; seed: number } => p.v !== null);
    const sorted = present.map((p) => p.v).sort((a, b) => a - b);
    if (sorted.length >= 2) {
      const q1 = quantileSorted(sorted, 0.25);
      const q3 = quantileSorted(sorted, 0.75);
      const med = quantileSorted(sorted, 0.5);
      const w = Math.min(44, slot * 0.5);
      out.push(
        `<rect x="${f(cx - w / 2)}" y="${f(Y(q3))}" width="${f(w)}" height="${f(Math.max(0.5, Y(q1) - Y(q3)))}" fill="${col}" fill-opacity="0.12" stroke="${col}"/>`,
      );
      out.push(`<line x1="${f(cx - w / 2)}" x2="${f(cx + w / 2)}" y1="${f(Y(med))}" y2="${f(Y(med))}" stroke="${col}" stroke-width="2"/>`);
    }
    // Dots spread sideways in a fixed pattern (no randomness in a picture).
    present.forEach((p, i) => {
      const dx = ((i % 7) - 3) * Math.min(5, slot / 16);
      out.push(
        `<circle cx="${f(cx + dx)}" cy="${f(Y(p.v))}" r="3" fill="${col}" fill-opacity="0.7"><title>${xmlEscape(`${g.name} seed ${p.seed}: ${num(p.v)} ${unit}`)}</title></circle>`,
      );
    });
    if (s.stats.mean !== null) {
      const my = Y(s.stats.mean);
      const mx = cx + Math.min(34, slot * 0.38);
      if (s.stats.ci) out.push(`<line x1="${f(mx)}" x2="${f(mx)}" y1="${f(Y(s.stats.ci[0]))}" y2="${f(Y(s.stats.ci[1]))}" stroke="#222" stroke-width="1.5"/>`);
      out.push(
        `<path d="M${f(mx)},${f(my - 5)} l5,5 l-5,5 l-5,-5 z" fill="#222"><title>mean ${num(s.stats.mean)}, 95% CI ${s.stats.ci ? `${num(s.stats.ci[0])}–${num(s.stats.ci[1])}` : '—'}</title></path>`,
      );
    }
    out.push(`<text x="${f(cx)}" y="${bottom + 14}" text-anchor="middle" fill="${col}" font-weight="bold">${xmlEscape(g.name)}</text>`);
    out.push(
      `<text x="${f(cx)}" y="${bottom + 27}" text-anchor="middle" font-size="10">n=${s.stats.n}${s.stats.missing ? ` (+${s.stats.missing} none)` : ''}, ${Math.round(s.passRate * 100)}% met</text>`,
    );
  });
  return out.join('\n');
}

function trackPanels(r: ExperimentResult, runs: readonly JobResult[], x0: number, y0: number): string {
  const out: string[] = [];
  const tracks = r.groups.map((g) => runs.filter((x) => x.group === g.name && x.track));
  const xs = tracks.flat().flatMap((x) => x.track!.x);
  const ys = tracks.flat().flatMap((x) => x.track!.y);
  if (xs.length === 0) return '';
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  const span = Math.max(maxX - minX, maxY - minY, 0.5) * 1.1;
  const cxm = (minX + maxX) / 2;
  const cym = (minY + maxY) / 2;
  const inner = TRACK - 20;
  const scale = inner / span;
  r.groups.forEach((g, gi) => {
    const px = x0 + gi * (TRACK + GAP);
    const col = groupColour(gi);
    const X = (x: number) => px + 10 + inner / 2 + (x - cxm) * scale;
    const Y = (y: number) => y0 + 24 + inner / 2 + (y - cym) * scale;
    out.push(
      `<text x="${px + TRACK / 2}" y="${y0 + 14}" text-anchor="middle" font-weight="bold" fill="${col}">${xmlEscape(g.name)}: tracks of ${tracks[gi]!.length} worms</text>`,
    );
    out.push(`<rect x="${px}" y="${y0 + 20}" width="${TRACK}" height="${TRACK}" fill="#faf7f0" stroke="#ccc"/>`);
    for (const run of tracks[gi]!) {
      const t = run.track!;
      const d = t.x.map((x, i) => `${i ? 'L' : 'M'}${f(X(x))},${f(Y(t.y[i]!))}`).join('');
      out.push(
        `<path d="${d}" fill="none" stroke="${col}" stroke-opacity="0.55" stroke-width="1.2"><title>${xmlEscape(`${g.name} seed ${run.seed}`)}</title></path>`,
      );
      out.push(`<circle cx="${f(X(t.x[0]!))}" cy="${f(Y(t.y[0]!))}" r="1.8" fill="#555"/>`);
    }
    // A scale bar of a round length near a fifth of the panel.
    const bar = ticks(0, span / 4)[1] ?? span / 5;
    out.push(
      `<line x1="${px + 12}" x2="${f(px + 12 + bar * scale)}" y1="${y0 + 20 + TRACK - 10}" y2="${y0 + 20 + TRACK - 10}" stroke="#333" stroke-width="2"/>`,
    );
    out.push(`<text x="${px + 12}" y="${y0 + 20 + TRACK - 14}" font-size="10">${num(bar)} mm</text>`);
  });
  return out.join('\n');
}

const KYMO_H = 110;

/** Per group, the kymograph of its first recorded worm (the lowest seed with body points), on one colour scale; empty when none recorded any. */
function kymographRow(r: ExperimentResult, runs: readonly JobResult[], x0: number, y0: number): string {
  const picked = r.groups.map((g) => runs.filter((x) => x.group === g.name && x.poses).sort((a, b) => a.seed - b.seed)[0]);
  const kys: (Kymograph | undefined)[] = picked.map((run) => (run?.poses ? kymographOf(run.poses) : undefined));
  const present = kys.filter((k): k is Kymograph => k !== undefined);
  if (present.length === 0) return '';
  const scale = kymographScale(present);
  const out: string[] = [];
  kys.forEach((ky, gi) => {
    if (!ky) return;
    const px = x0 + gi * (TRACK + GAP) + 30;
    out.push(kymographSvg(ky, px, y0 + 16, TRACK - 30, KYMO_H, scale, xmlEscape(`${r.groups[gi]!.name}: kymograph of seed ${picked[gi]!.seed}`)));
  });
  const caption = [
    `kymographs: the body's curvature from nose to tail over time; red bent left, blue bent right (full colour at ±${num(scale)}/mm);`,
    'stripes sloping down are a wave running head to tail, sloping up one running tail to head (backing up)',
  ];
  caption.forEach((line, i) => out.push(`<text x="${x0}" y="${y0 + 16 + KYMO_H + 28 + 13 * i}" font-size="10" fill="#555">${xmlEscape(line)}</text>`));
  return out.join('\n');
}

/** The experiment's SVG picture. `runs` are the job results (their tracks, and body points for kymographs). */
export function renderExperimentSvg(r: ExperimentResult, runs: readonly JobResult[]): string {
  const measures = Object.keys(r.groups[0]?.measures ?? {});
  const perRow = Math.max(1, Math.min(3, measures.length));
  const rows = Math.ceil(measures.length / perRow);
  const trackW = r.groups.length * (TRACK + GAP) - GAP;
  const width = Math.max(perRow * PANEL_W + (perRow - 1) * GAP, trackW) + 40;
  const mTop = 56;
  const tTop = mTop + rows * (PANEL_H + GAP);
  const kTop = tTop + TRACK + 40;
  const kymos = kymographRow(r, runs, 20, kTop);
  const cTop = kymos ? kTop + KYMO_H + 80 : kTop;
  const height = cTop + 20 + r.compare.length * 34 + 10;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="20" y="24" font-size="16" font-weight="bold">${xmlEscape(r.name)}</text>`,
    `<text x="20" y="42" fill="#555">${r.worms} ${r.individual ? 'individuals' : 'clones'} per group (seeds ${r.seed}–${r.seed + r.worms - 1}); box: quartiles and median; ◆ mean with bootstrap 95% CI</text>`,
  ];
  measures.forEach((m, i) => parts.push(measurePanel(r, m, 20 + (i % perRow) * (PANEL_W + GAP), mTop + Math.floor(i / perRow) * (PANEL_H + GAP))));
  parts.push(trackPanels(r, runs, 20, tTop));
  if (kymos) parts.push(kymos);
  if (r.compare.length) parts.push(`<text x="20" y="${cTop}" font-weight="bold">compare</text>`);
  r.compare.forEach((c, i) => {
    const y = cTop + 20 + i * 34;
    parts.push(
      `<text x="20" y="${y}" fill="${c.pass ? '#2e7d32' : '#c62828'}" font-weight="bold">${c.pass ? '✓' : '✗'} ${xmlEscape(c.name ? `${c.name}: ${c.text}` : c.text)}</text>`,
    );
    parts.push(
      `<text x="36" y="${y + 15}" font-size="11" fill="#444">${xmlEscape(`estimate ${num(c.estimate)}, 95% CI ${c.ci ? `[${num(c.ci[0])}, ${num(c.ci[1])}]` : '—'}, Cliff's δ ${num(c.cliffsDelta)}, p ${num(c.p)}: ${c.detail}`)}</text>`,
    );
  });
  parts.push('</svg>', '');
  return parts.join('\n');
}
