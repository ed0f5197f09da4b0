import { css, palette } from '../ui/theme';

const NS = 'http://www.w3.org/2000/svg';
const W = 320;
const H = 120;
const M = { l: 30, r: 8, t: 16, b: 18 };

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/**
 * The Evolve panel's live chart: best and median fitness per generation
 * (1 = every expectation passed on every seed; the axis spans what was seen,
 * so small gains are visible), redrawn as each generation
 * reports. SVG, so it scales with the panel and needs no canvas of its own.
 */
export class FitnessChart {
  readonly el: SVGSVGElement;
  private readonly plot: SVGGElement;

  constructor() {
    this.el = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', 'data-testid': 'evolve-chart', role: 'img', 'aria-label': 'fitness per generation' });
    this.plot = svg('g', {});
    this.el.append(this.plot);
    this.draw([], []);
  }

  draw(best: readonly number[], median: readonly number[]): void {
    // The range of what was seen, padded (at least 0.1 wide), so small gains show; the target 1 is drawn when in range.
    const all = [...best, ...median].filter(Number.isFinite);
    const [min, max] = all.length ? [Math.min(...all), Math.max(...all)] : [0, 1];
    const pad = Math.max(0.05, (max - min) * 0.1);
    const lo = Number((min - pad).toFixed(2));
    const hi = Math.min(1, Number((max + pad).toFixed(2)));
    const n = Math.max(2, best.length);
    const x = (i: number): number => M.l + ((W - M.l - M.r) * i) / (n - 1);
    const y = (v: number): number => M.t + (H - M.t - M.b) * (1 - (v - lo) / (hi - lo));
    const dim = css(palette.textDim);
    const kids: SVGElement[] = [
      svg('line', { x1: M.l, y1: y(hi), x2: W - M.r, y2: y(hi), stroke: dim, 'stroke-dasharray': hi === 1 ? '3 3' : '', 'stroke-width': 0.6 }),
      svg('line', { x1: M.l, y1: y(lo), x2: W - M.r, y2: y(lo), stroke: dim, 'stroke-width': 0.6 }),
    ];
    const label = (text: string, lx: number, ly: number, anchor = 'end'): SVGTextElement => {
      const t = svg('text', { x: lx, y: ly, fill: dim, 'font-size': 9, 'text-anchor': anchor });
      t.textContent = text;
      return t;
    };
    kids.push(label(String(hi), M.l - 4, y(hi) + 3), label(String(lo), M.l - 4, y(lo) + 3));
    kids.push(label('generation', (M.l + W - M.r) / 2, H - 4, 'middle'), label(String(best.length || ''), W - M.r, H - 4));
    const line = (vs: readonly number[], color: string, dash = ''): SVGPolylineElement =>
      svg('polyline', {
        points: vs.map((v, i) => `${x(i).toFixed(1)},${y(Number.isFinite(v) ? v : lo).toFixed(1)}`).join(' '),
        fill: 'none',
        stroke: color,
        'stroke-width': 1.8,
        ...(dash && { 'stroke-dasharray': dash }),
      });
    if (best.length > 0) kids.push(line(median, css(palette.textMuted), '4 2'), line(best, css(palette.accent)));
    for (const [i, [name, color]] of [
      ['best', css(palette.accent)],
      ['median', css(palette.textMuted)],
    ].entries())
      kids.push(svg('rect', { x: M.l + 6 + i * 60, y: 4, width: 10, height: 3, fill: color }), label(name, M.l + 20 + i * 60, 9, 'start'));
    this.plot.replaceChildren(...kids);
    this.el.dataset.points = String(best.length);
  }
}
