import { describe, expect, it } from 'vitest';
import { MODELS } from '../../neural/models';
import { gradedSteadyV } from '../../neural/models/graded';
import { importConnectome } from './import';
import { NEURON_CLASSES } from './neuron-classes';
import { publishedTable, WORM_TABLES } from './published-tables';
import { applyWormModel, WORM_MODEL } from './worm-model';
import WORM_MODEL_FILE from './worm-model.json';

const tables = () => WORM_TABLES.map(publishedTable);
/**
 * The default model without its per-pathway fields (sizes, gaps, chemicals): the cases below that test one of
 * those fields add it to this, so what they measure is that field's effect alone, whatever the default sets.
 */
const { sizes: _sizes, gaps: _gaps, chemicals: _chemicals, ...BASE } = WORM_MODEL;

describe('the class model (worm-model.json)', () => {
  it('names only real classes and graded parameters within their ranges, and gives every value a reason', () => {
    const classes = new Set(NEURON_CLASSES.map((c) => c.name));
    const params = MODELS.graded.params;
    const check = (values: Record<string, unknown>, where: string) => {
      for (const [k, v] of Object.entries(values)) {
        const p = params[k];
        expect(p, `${where}.${k} is a graded parameter`).toBeDefined();
        expect(v as number, `${where}.${k}`).toBeGreaterThanOrEqual(p.min);
        expect(v as number, `${where}.${k}`).toBeLessThanOrEqual(p.max);
      }
    };
    check(WORM_MODEL.defaults, 'defaults');
    for (const [c, values] of Object.entries(WORM_MODEL.classes)) {
      expect(classes.has(c), c).toBe(true);
      check(values, c);
    }
    const gapClasses = (WORM_MODEL.gaps ?? []).flatMap((g) => [...g.between, ...g.and]);
    const chemicalClasses = (WORM_MODEL.chemicals ?? []).flatMap((c) => [...c.from, ...c.to]);
    for (const c of [
      ...Object.keys(WORM_MODEL.sensorGains),
      ...WORM_MODEL.stretch.flatMap((r) => r.classes),
      ...Object.keys(WORM_MODEL.sizes ?? {}),
      ...gapClasses,
      ...chemicalClasses,
    ])
      expect(classes.has(c), c).toBe(true);
    const file = WORM_MODEL_FILE as unknown as Record<string, Record<string, { why?: string }> | { why?: string }[]>;
    for (const section of ['scales', 'classes', 'sensorGains'] as const)
      for (const [k, d] of Object.entries(file[section])) expect((d as { why?: string }).why?.length ?? 0, `${section}.${k}`).toBeGreaterThan(40);
    for (const r of file.stretch as { why?: string }[]) expect(r.why?.length ?? 0).toBeGreaterThan(40);
    for (const [k, d] of Object.entries((file.sizes ?? {}) as Record<string, { why?: string }>)) expect(d.why?.length ?? 0, `sizes.${k}`).toBeGreaterThan(40);
    for (const g of (file.gaps ?? []) as { why?: string }[]) expect(g.why?.length ?? 0).toBeGreaterThan(40);
    for (const c of (file.chemicals ?? []) as { why?: string }[]) expect(c.why?.length ?? 0).toBeGreaterThan(40);
  });

  it('is the default of a graded import and changes no wiring: same synapses and muscle bindings, only scaled', () => {
    const plain = importConnectome(tables(), { classModel: false }).circuit.doc;
    const modelled = importConnectome(tables()).circuit.doc;
    expect(modelled.neurons.map((n) => n.id)).toEqual(plain.neurons.map((n) => n.id));
    expect(modelled.synapses).toEqual(applyWormModel(plain, WORM_MODEL).synapses);
    // Without per-pathway scales every weight is its contact count × the global scale of its kind.
    const base = applyWormModel(plain, BASE);
    const s = WORM_MODEL.scales;
    expect(modelled.synapses!.length).toBe(plain.synapses!.length);
    plain.synapses!.forEach((p, i) => {
      const m = modelled.synapses![i];
      expect([m.from, m.to, m.kind]).toEqual([p.from, p.to, p.kind]);
      expect(base.synapses![i].weight).toBeCloseTo(p.weight * (p.kind === 'electrical' ? s.gap : s.chemical), 9);
      // With them (the default) a weight is scaled, never created, removed or negated.
      expect(m.weight === 0, `${p.from} → ${p.to}`).toBe(p.weight === 0);
      expect(m.weight, `${p.from} → ${p.to}`).toBeGreaterThanOrEqual(0);
    });
    expect(modelled.muscles!.length).toBe(plain.muscles!.length);
    // Each AVB takes its class's parameters over the defaults; every neuron is graded still.
    const avb = modelled.neurons.find((n) => n.id === 'AVBL')!;
    expect(avb.params).toEqual({ ...WORM_MODEL.defaults, ...WORM_MODEL.classes.AVB });
    expect(plain.neurons.find((n) => n.id === 'AVBL')!.params).toBeUndefined();
    expect(modelled.description).toMatch(/class-model parameters/);
    // A spiking import takes none of it: the class model's parameters are the graded model's.
    const lif = importConnectome(tables(), { model: 'lif' }).circuit.doc;
    expect(lif.neurons.every((n) => n.params === undefined)).toBe(true);
  });

  it('gives B-type motor neurons stretch receptors ahead of their muscles on their own side, and two-sided cells none', () => {
    const doc = importConnectome(tables()).circuit.doc;
    const stretch = doc.sensors!.filter((b) => b.sensor === 'stretch');
    for (const [id, cls] of [
      ['DB03', 'DB'],
      ['VB05', 'VB'],
    ]) {
      const rule = WORM_MODEL.stretch.find((r) => r.classes.includes(cls))!;
      const own = doc.muscles!.filter((m) => m.neuron === id);
      const centre = own.reduce((a, m) => a + Math.abs(m.gain) * (m.from + m.to) * 0.5, 0) / own.reduce((a, m) => a + Math.abs(m.gain), 0);
      const b = stretch.find((x) => x.neuron === id);
      expect(b, id).toBeDefined();
      if (b?.sensor !== 'stretch') continue;
      expect(b.side).toBe(own[0].side);
      expect(b.at).toBeCloseTo(centre - rule.reach, 6);
      expect(b.gain).toBe(rule.gain);
    }
    expect(stretch.some((b) => b.neuron === 'RMDL' || b.neuron === 'RMDR')).toBe(false);
    expect(stretch.some((b) => b.neuron === 'AVBL')).toBe(false);
  });

  it("passes a stretch rule's rate term to its bindings, and leaves it off where the rule has none", () => {
    const plain = importConnectome(tables(), { classModel: false }).circuit.doc;
    const model = { ...WORM_MODEL, stretch: WORM_MODEL.stretch.map((r) => (r.classes.includes('DB') ? { ...r, rateMs: 250 } : r)) };
    const stretch = applyWormModel(plain, model).sensors!.filter((b) => b.sensor === 'stretch');
    const rate = (id: string) => stretch.find((b) => b.neuron === id && b.sensor === 'stretch') as { rateMs?: number } | undefined;
    expect(rate('DB03')?.rateMs).toBe(250);
    expect(rate('VB05')).toBeDefined();
    expect('rateMs' in rate('VB05')!).toBe(false);
    // Today's model has no rate term: its bindings carry no rateMs field at all (the default worm unchanged).
    expect(applyWormModel(plain, WORM_MODEL).sensors!.some((b) => 'rateMs' in b)).toBe(false);
  });

  it('sizes a class (sizes): capacitance, K⁺ rectifier and every chemical input × k, τ and junctions kept, so its steady V answers the same inputs', () => {
    const plain = importConnectome(tables(), { classModel: false }).circuit.doc;
    const one = applyWormModel(plain, BASE);
    const ten = applyWormModel(plain, { ...BASE, sizes: { AVA: 10 } });
    const params = (doc: typeof one, id: string) => doc.neurons.find((n) => n.id === id)!.params!;
    expect(params(ten, 'AVAL')).toMatchObject({ ...params(one, 'AVAL'), capacitance: 10, gKNs: 5, plateauNs: 0 });
    expect(params(ten, 'AVBL')).toEqual(params(one, 'AVBL'));
    one.synapses!.forEach((s, i) => {
      const t = ten.synapses![i];
      const onto = s.kind === 'chemical' && (s.to === 'AVAL' || s.to === 'AVAR');
      expect(t.weight, `${s.from} → ${s.to} ${s.kind}`).toBeCloseTo(s.weight * (onto ? 10 : 1), 9);
    });
    // With the rectifier scaled too, the larger cell sits where the smaller one does under the same input (per area).
    const full = (p: Record<string, unknown>) =>
      ({ ...Object.fromEntries(Object.entries(MODELS.graded.params).map(([k, d]) => [k, d.default])), ...p }) as never;
    for (const pa of [-0.2, 0.1, 0.5]) expect(gradedSteadyV(full(params(ten, 'AVAL')), 10 * pa)).toBeCloseTo(gradedSteadyV(full(params(one, 'AVAL')), pa), 6);
    expect(applyWormModel(plain, { ...BASE, sizes: {} })).toEqual(one);
  });

  it('scales the wiring’s own gap junctions between two class groups (gaps), either direction, and nothing else', () => {
    const plain = importConnectome(tables(), { classModel: false }).circuit.doc;
    const one = applyWormModel(plain, BASE);
    const three = applyWormModel(plain, { ...BASE, gaps: [{ between: ['AVA'], and: ['DA', 'VA'], scale: 3 }] });
    const cls = (id: string) => id.replace(/[LR]$|\d+$/, '');
    let scaled = 0;
    one.synapses!.forEach((s, i) => {
      const pair = [cls(s.from), cls(s.to)].sort().join('-');
      const hit = s.kind === 'electrical' && (pair === 'AVA-DA' || pair === 'AVA-VA');
      if (hit) scaled++;
      expect(three.synapses![i].weight, `${s.from} — ${s.to}`).toBeCloseTo(s.weight * (hit ? 3 : 1), 9);
    });
    expect(scaled).toBeGreaterThan(20);
  });

  it('scales (and signs) the wiring’s own chemical synapses from one class group onto another (chemicals), that direction only', () => {
    const plain = importConnectome(tables(), { classModel: false }).circuit.doc;
    const one = applyWormModel(plain, BASE);
    const scaled = applyWormModel(plain, { ...BASE, chemicals: [{ from: ['RIM'], to: ['AVB'], scale: 5, sign: 'inhibitory' }] });
    const cls = (id: string) => id.replace(/[LR]$|\d+$/, '');
    let hits = 0;
    one.synapses!.forEach((s, i) => {
      const hit = s.kind === 'chemical' && cls(s.from) === 'RIM' && cls(s.to) === 'AVB';
      if (hit) hits++;
      expect(scaled.synapses![i].weight, `${s.from} → ${s.to}`).toBeCloseTo(s.weight * (hit ? 5 : 1), 9);
      const sign = (x: object) => (x as { sign?: string }).sign;
      expect(sign(scaled.synapses![i]), `${s.from} → ${s.to}`).toBe(hit ? 'inhibitory' : sign(s));
    });
    expect(hits).toBe(4);
    expect(applyWormModel(plain, { ...BASE, chemicals: [] })).toEqual(one);
  });

  it('refuses a size or a gap scale out of range, naming the field, the range and the fix', () => {
    const plain = importConnectome(tables(), { classModel: false }).circuit.doc;
    expect(() => applyWormModel(plain, { ...BASE, sizes: { AVA: 0.001 } })).toThrow(/sizes.AVA = 0.001: must be 0.01..1000 .*remove it for 1/);
    expect(() => applyWormModel(plain, { ...BASE, sizes: { AVA: Number.NaN } })).toThrow(/sizes.AVA = NaN: must be 0.01..1000/);
    expect(() => applyWormModel(plain, { ...BASE, gaps: [{ between: ['AVA'], and: ['DA'], scale: -1 }] })).toThrow(
      /gaps\[0\] \(AVA — DA\) scale -1: must be 0..100/,
    );
    expect(() => applyWormModel(plain, { ...BASE, gaps: [{ between: [], and: ['DA'], scale: 2 }] })).toThrow(/with classes on both sides/);
    expect(() => applyWormModel(plain, { ...BASE, chemicals: [{ from: ['RIM'], to: ['AVB'], scale: -1 }] })).toThrow(
      /chemicals\[0\] \(RIM → AVB\) scale -1: must be 0..1000/,
    );
  });

  it('leaves the doc it is given untouched', () => {
    const doc = importConnectome(tables(), { classModel: false }).circuit.doc;
    const before = JSON.stringify(doc);
    applyWormModel(doc, WORM_MODEL);
    expect(JSON.stringify(doc)).toBe(before);
  });
});
