import fc from 'fast-check';
import { mean } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { type CompareSpec, evaluateCompare, parseCompare, type Term } from './compare';

function spec(text: string, extra: Partial<CompareSpec> = {}): CompareSpec {
  const p = parseCompare(text);
  if ('problem' in p) throw new Error(p.problem);
  return { ...p.spec, statistic: 'mean', ...extra };
}

describe('parseCompare', () => {
  it('reads differences, ratios, orderings and "differ", with .pass terms', () => {
    expect(spec('control.ci - ablated.ci >= 0.5')).toMatchObject({
      a: { group: 'control', measure: 'ci', pass: false },
      b: { group: 'ablated', measure: 'ci', pass: false },
      contrast: 'difference',
      relation: '>=',
      threshold: 0.5,
    });
    expect(spec('isi10.ratio / isi60.ratio < 1')).toMatchObject({ contrast: 'ratio', relation: '<', threshold: 1 });
    expect(spec('isi10.ratio<isi60.ratio')).toMatchObject({ contrast: 'difference', relation: '<', threshold: 0 });
    expect(spec('a.x.pass - b.x.pass > -1e-3')).toMatchObject({ a: { pass: true }, b: { pass: true }, threshold: -0.001 });
    expect(spec('a.x != b.x')).toMatchObject({ relation: '!=' });
  });

  it('refuses what is not a comparison', () => {
    for (const bad of ['a.x >= 1', 'a - b >= 1', 'a.x - b.x', 'a.x - b.x != 1', 'a.x + b.x > 1', 'a.x - b.x >= one', 'a-b.x - c.x > 1', ''])
      expect(parseCompare(bad)).toHaveProperty('problem');
  });
});

const groups: Record<string, Array<number | null>> = {
  control: [1.0, 1.2, 0.9, 1.1, 1.05, 0.95, 1.15, 0.85],
  ablated: [0.1, 0.05, 0.2, 0.0, 0.15, 0.1, 0.05, 0.12],
};
const values = (t: Term) => (t.pass ? groups[t.group]!.map((v) => ((v ?? 0) > 0.5 ? 1 : 0)) : groups[t.group]!);

describe('evaluateCompare', () => {
  it('a relation that holds passes; the wrong relation on the same data fails', () => {
    expect(evaluateCompare(spec('control.x - ablated.x >= 0.5'), values, 1, 0).pass).toBe(true);
    expect(evaluateCompare(spec('control.x - ablated.x >= 1.5'), values, 1, 0).pass).toBe(false);
    expect(evaluateCompare(spec('control.x < ablated.x'), values, 1, 0).pass).toBe(false);
    expect(evaluateCompare(spec('ablated.x / control.x < 0.2'), values, 1, 0).pass).toBe(true);
    expect(evaluateCompare(spec('control.x.pass - ablated.x.pass >= 1'), values, 1, 0).pass).toBe(true);
  });

  it('a control against itself never passes "differ", and a strict p fails a relation that holds on too few worms', () => {
    const same = (t: Term) => groups.control!.slice(0, t.group === 'a' ? 8 : 8);
    const r = evaluateCompare(spec('a.x != b.x'), same, 1, 0);
    expect(r.pass).toBe(false);
    expect(r.p).toBe(1);
    const few = (t: Term) => (t.group === 'a' ? [1, 1.1] : [0, 0.1]);
    const strict = evaluateCompare(spec('a.x - b.x >= 0.5', { alpha: 0.01 }), few, 1, 0);
    expect(strict.estimate).toBeCloseTo(1, 12);
    expect(strict.pass).toBe(false);
    expect(strict.detail).toMatch(/p = .* ≥ 0.01/);
  });

  it('the verdict without p is the relation on the estimate, for any groups and threshold', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.double({ min: -200, max: 200, noNaN: true }),
        (a, b, t) => {
          const r = evaluateCompare(spec(`a.x - b.x >= ${t}`), (term) => (term.group === 'a' ? a : b), 7, 0);
          expect(r.pass).toBe(mean(a) - mean(b) >= t);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('no values in a group fails with the reason', () => {
    const r = evaluateCompare(spec('a.x - b.x >= 0'), (t) => (t.group === 'a' ? [1] : [null]), 1, 0);
    expect(r.pass).toBe(false);
    expect(r.detail).toMatch(/no value/);
  });
});
