import { describe, expect, it } from 'vitest';
import { renderPlot } from './plot';
import type { Recording } from './recording';
import type { ScenarioReport } from './runner';
import type { Scenario } from './types';
import { checkWellFormedXml } from './test-helpers/xml';

function rec(n: number): Recording {
  const t = Float64Array.from({ length: n }, (_, j) => j * 20);
  const cx = Float64Array.from(t, (x) => x / 1000);
  return {
    bodyLengthMm: 1,
    durationMs: (n - 1) * 20,
    stepMs: 20,
    count: n,
    t,
    cx,
    cy: new Float64Array(n),
    hx: cx.map((x) => x + 0.5),
    hy: new Float64Array(n),
    fwd: new Float64Array(n),
    back: new Float64Array(n),
    zones: {},
    neurons: { AVAL: new Float64Array(n).fill(0.2), AVAR: new Float64Array(n).fill(0.7), AVBL: new Float64Array(n) },
    events: [
      { type: 'reversal-start', timeMs: 400 },
      { type: 'omega-turn', timeMs: 800 },
    ],
    actions: [
      { atMs: 200, appliedMs: 200, occurrence: 0, label: 'head', action: { type: 'poke', position: 0.05, side: 'both', kind: 'harsh' }, nose: [0.7, 0] },
      { atMs: 300, appliedMs: 300, occurrence: 0, action: { type: 'food', x: 3, y: 2 } },
      { atMs: 300, appliedMs: 300, occurrence: 0, action: { type: 'heat', x: -1, y: -1, deltaC: 5, radius: 0.5 } },
      { atMs: 500, appliedMs: 500, occurrence: 0, action: { type: 'tap' } },
    ],
    probes: {},
  };
}

const scenario: Scenario = { name: 'plot <test>', circuit: 'worm', seed: 4, durationMs: 1000, timeline: [], expect: [], plot: { neurons: ['AVA'] } };
const report: ScenarioReport = { scenario: 'plot <test>', seed: 4, pass: false, expectations: [], simMs: 1000, wallMs: 1 };

describe('SVG plot', () => {
  it('draws the paths, the stimuli, the events and one trace per cell of the plotted class', () => {
    const svg = renderPlot(scenario, report, rec(51));
    checkWellFormedXml(svg);
    expect(svg).toContain('plot &lt;test&gt; — seed 4');
    expect(svg).toContain('>FAIL</tspan>');
    expect((svg.match(/<polyline /g) ?? []).length).toBe(4); // nose, centroid, AVAL, AVAR (not AVBL)
    expect(svg).toMatch(/<title>0\.2 s: poke 0\.05 both harsh \(head\)<\/title>/);
    expect(svg).toMatch(/stroke="#e03131" stroke-width="2\.5"/); // harsh poke in red
    expect(svg).toMatch(/<title>0\.3 s: food at \(3, 2\)<\/title>/);
    expect(svg).toMatch(/<title>heat 5 °C at \(-1, -1\)<\/title>/);
    expect(svg).toMatch(/<title>0\.4 s: reversal<\/title>/);
    expect(svg).toMatch(/<title>0\.8 s: omega turn<\/title>/);
    expect(svg).toContain('>AVAL</text>');
    expect(svg).toContain('>AVAR</text>');
  });

  it('thins long paths to a bounded number of points and keeps the last one', () => {
    const r = rec(10_001);
    const { plot: _plot, ...unplotted } = scenario;
    const svg = renderPlot(unplotted, report, r);
    const centroid = /<polyline points="([^"]*)" fill="none" stroke="#5c4a1e"/.exec(svg)![1].split(' ');
    expect(centroid.length).toBeLessThanOrEqual(1502);
    const scaleOk = centroid[centroid.length - 1] !== centroid[centroid.length - 2];
    expect(scaleOk).toBe(true);
  });
});
