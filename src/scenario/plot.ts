/**
 * One SVG picture per run: the worm's path (centroid and nose) with the
 * stimuli and behavioural events marked, and below it the activity of the
 * neurons the scenario names in `plot: {neurons: [...]}` over time.
 */
import { describeAction } from './actions';
import type { Recording } from './recording';
import { indexAt } from './recording';
import { resolveNeuron } from './neurons';
import { xmlEscape } from './report';
import type { ScenarioReport } from './runner';
import type { Scenario } from './types';

const W = 900;
const MAP_H = 520;
const TRACE_H = 56;
const MARGIN = 40;
const MAX_POINTS = 1500;

const EVENT_STYLE: Record<string, { colour: string; label: string }> = {
  'reversal-start': { colour: '#1f5fd1', label: 'reversal' },
  'reversal-end': { colour: '#7aa7ee', label: 'reversal end' },
  'omega-turn': { colour: '#8b2fc9', label: 'omega turn' },
  'food-reached': { colour: '#1e9e4a', label: 'food reached' },
  'zone-entered': { colour: '#d9480f', label: 'zone entered' },
  'zone-left': { colour: '#f08c00', label: 'zone left' },
  unstable: { colour: '#e03131', label: 'unstable' },
};

const fmt = (x: number) => (Math.round(x * 10) / 10).toString();

export function renderPlot(scenario: Scenario, report: ScenarioReport, rec: Recording): string {
  const traces = (scenario.plot?.neurons ?? []).flatMap((ref) =>
    resolveNeuron(ref, Object.keys(rec.neurons)).map((id) => ({ ref, id, values: rec.neurons[id] })),
  );
  const tracesTop = MARGIN + MAP_H + 30;
  const H = tracesTop + traces.length * (TRACE_H + 8) + (traces.length ? 40 : 0) + 20;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
  parts.push(`<rect width="${W}" height="${H}" fill="#fbfaf6"/>`);
  const verdict = report.pass ? 'PASS' : 'FAIL';
  parts.push(
    `<text x="${MARGIN}" y="24" font-size="16" font-weight="bold">${xmlEscape(scenario.name)} — seed ${report.seed} — <tspan fill="${report.pass ? '#1e9e4a' : '#e03131'}">${verdict}</tspan></text>`,
  );

  // --- world map: fit every point of interest, keep 1:1 aspect, y up.
  const xs: number[] = [];
  const ys: number[] = [];
  for (let j = 0; j < rec.count; j++) {
    xs.push(rec.cx[j], rec.hx[j]);
    ys.push(rec.cy[j], rec.hy[j]);
  }
  for (const a of rec.actions)
    if ((a.action.type === 'food' || a.action.type === 'heat') && 'x' in a.action) {
      xs.push(a.action.x);
      ys.push(a.action.y);
    }
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  const span = Math.max(maxX - minX, maxY - minY, 0.5) * 1.1;
  const cxW = (minX + maxX) / 2;
  const cyW = (minY + maxY) / 2;
  const mapW = W - 2 * MARGIN;
  const scale = Math.min(mapW, MAP_H) / span;
  const px = (x: number) => MARGIN + mapW / 2 + (x - cxW) * scale;
  const py = (y: number) => MARGIN + MAP_H / 2 - (y - cyW) * scale;
  parts.push(`<rect x="${MARGIN}" y="${MARGIN}" width="${mapW}" height="${MAP_H}" fill="#f1ede0" stroke="#cfc8b0"/>`);

  for (const a of rec.actions) {
    if (a.action.type === 'heat' && 'x' in a.action) {
      const r = (a.action.radius ?? 0.5) * scale;
      parts.push(
        `<circle cx="${fmt(px(a.action.x))}" cy="${fmt(py(a.action.y))}" r="${fmt(r)}" fill="${a.action.deltaC > 0 ? '#ff6b6b' : '#74c0fc'}" fill-opacity="0.25"><title>${xmlEscape(describeAction(a.action))}</title></circle>`,
      );
    }
  }
  const stride = Math.max(1, Math.ceil(rec.count / MAX_POINTS));
  const path = (X: Float64Array, Y: Float64Array) => {
    const pts: string[] = [];
    for (let j = 0; j < rec.count; j += stride) pts.push(`${fmt(px(X[j]))},${fmt(py(Y[j]))}`);
    if ((rec.count - 1) % stride !== 0 && rec.count > 0) pts.push(`${fmt(px(X[rec.count - 1]))},${fmt(py(Y[rec.count - 1]))}`);
    return pts.join(' ');
  };
  parts.push(`<polyline points="${path(rec.hx, rec.hy)}" fill="none" stroke="#c9a227" stroke-width="1" stroke-opacity="0.8"/>`);
  parts.push(`<polyline points="${path(rec.cx, rec.cy)}" fill="none" stroke="#5c4a1e" stroke-width="2"/>`);
  if (rec.count > 0) {
    parts.push(
      `<circle cx="${fmt(px(rec.cx[0]))}" cy="${fmt(py(rec.cy[0]))}" r="5" fill="none" stroke="#5c4a1e" stroke-width="2"><title>start</title></circle>`,
    );
    const e = rec.count - 1;
    parts.push(`<circle cx="${fmt(px(rec.hx[e]))}" cy="${fmt(py(rec.hy[e]))}" r="4" fill="#c9a227"><title>nose at the end</title></circle>`);
  }

  for (const a of rec.actions) {
    const title = `<title>${xmlEscape(`${a.appliedMs / 1000} s: ${describeAction(a.action)}${a.label ? ` (${a.label})` : ''}`)}</title>`;
    const j = indexAt(rec, a.appliedMs);
    if (a.action.type === 'poke') {
      const [x, y] = a.nose ?? [rec.hx[j], rec.hy[j]];
      const c = a.action.kind === 'harsh' ? '#e03131' : '#f08c00';
      parts.push(`<path d="M${fmt(px(x) - 6)},${fmt(py(y) - 6)} l12,12 m0,-12 l-12,12" stroke="${c}" stroke-width="2.5">${title}</path>`);
    } else if (a.action.type === 'tap') {
      parts.push(`<circle cx="${fmt(px(rec.cx[j]))}" cy="${fmt(py(rec.cy[j]))}" r="9" fill="none" stroke="#868e96" stroke-dasharray="2,2">${title}</circle>`);
    } else if (a.action.type === 'food' && 'x' in a.action) {
      parts.push(`<circle cx="${fmt(px(a.action.x))}" cy="${fmt(py(a.action.y))}" r="7" fill="#40c057" stroke="#2b8a3e">${title}</circle>`);
    }
  }
  for (const ev of rec.events) {
    const st = EVENT_STYLE[ev.type];
    if (!st) continue;
    const j = indexAt(rec, ev.timeMs);
    parts.push(
      `<rect x="${fmt(px(rec.cx[j]) - 4)}" y="${fmt(py(rec.cy[j]) - 4)}" width="8" height="8" fill="${st.colour}" transform="rotate(45 ${fmt(px(rec.cx[j]))} ${fmt(py(rec.cy[j]))})"><title>${xmlEscape(`${ev.timeMs / 1000} s: ${st.label}${ev.detail ? ` (${ev.detail})` : ''}`)}</title></rect>`,
    );
  }
  // Scale bar: 1 mm (or 0.1 mm on a small map).
  const bar = span > 2 ? 1 : 0.1;
  const bx = MARGIN + 12;
  const by = MARGIN + MAP_H - 14;
  parts.push(
    `<line x1="${bx}" y1="${by}" x2="${fmt(bx + bar * scale)}" y2="${by}" stroke="#222" stroke-width="2"/><text x="${bx}" y="${by - 6}">${bar} mm</text>`,
  );
  const legend: Array<[string, string]> = [
    ['#5c4a1e', 'centroid'],
    ['#c9a227', 'nose'],
    ['#f08c00', 'gentle poke'],
    ['#e03131', 'harsh poke'],
    ['#868e96', 'tap'],
    ['#40c057', 'food'],
    ...Object.values(EVENT_STYLE)
      .filter((s) => rec.events.some((e) => EVENT_STYLE[e.type] === s))
      .map((s): [string, string] => [s.colour, s.label]),
  ];
  legend.forEach(([c, label], i) => {
    const y = MARGIN + 14 + i * 16;
    parts.push(`<rect x="${W - MARGIN - 120}" y="${y - 9}" width="10" height="10" fill="${c}"/><text x="${W - MARGIN - 105}" y="${y}">${label}</text>`);
  });

  // --- neuron activity traces over time, with the stimuli as vertical lines.
  if (traces.length) {
    const t0 = 0;
    const t1 = Math.max(rec.durationMs, rec.count ? rec.t[rec.count - 1] : 1);
    const tx = (t: number) => MARGIN + 70 + ((t - t0) / (t1 - t0)) * (W - 2 * MARGIN - 70);
    parts.push(`<text x="${MARGIN}" y="${tracesTop - 8}" font-weight="bold">neuron output (0..1)</text>`);
    traces.forEach((tr, k) => {
      const top = tracesTop + k * (TRACE_H + 8);
      const ty = (v: number) => top + TRACE_H - Math.max(0, Math.min(1, v)) * TRACE_H;
      parts.push(`<rect x="${fmt(tx(t0))}" y="${top}" width="${fmt(tx(t1) - tx(t0))}" height="${TRACE_H}" fill="#fff" stroke="#ddd"/>`);
      parts.push(`<text x="${MARGIN}" y="${top + TRACE_H / 2 + 4}">${xmlEscape(tr.id)}</text>`);
      const pts: string[] = [];
      for (let j = 0; j < rec.count; j += stride) pts.push(`${fmt(tx(rec.t[j]))},${fmt(ty(tr.values[j]))}`);
      parts.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="#1f5fd1" stroke-width="1.5"/>`);
    });
    const bottom = tracesTop + traces.length * (TRACE_H + 8) - 8;
    for (const a of rec.actions) {
      if (a.action.type !== 'poke' && a.action.type !== 'tap') continue;
      const x = fmt(tx(a.appliedMs));
      parts.push(
        `<line x1="${x}" y1="${tracesTop}" x2="${x}" y2="${bottom}" stroke="${a.action.type === 'tap' ? '#868e96' : '#f08c00'}" stroke-dasharray="3,3"><title>${xmlEscape(describeAction(a.action))}</title></line>`,
      );
    }
    const ticks = 6;
    for (let i = 0; i <= ticks; i++) {
      const t = t0 + ((t1 - t0) * i) / ticks;
      parts.push(`<text x="${fmt(tx(t))}" y="${bottom + 18}" text-anchor="middle">${fmt(t / 1000)} s</text>`);
    }
  }
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
