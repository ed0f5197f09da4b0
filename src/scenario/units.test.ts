import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMs, lengthMm, parseFrequencyHz, parseLength, parseSpeed, parseTimeMs, speedMmPerS } from './units';

const ok = <T>(r: { ok: true; value: T } | { ok: false; error: string }): T => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('time strings', () => {
  it('reads seconds, milliseconds, minutes and bare numbers as ms', () => {
    expect(ok(parseTimeMs('2s'))).toBe(2000);
    expect(ok(parseTimeMs('1500ms'))).toBe(1500);
    expect(ok(parseTimeMs('1.5 s'))).toBe(1500);
    expect(ok(parseTimeMs('0.5min'))).toBe(30_000);
    expect(ok(parseTimeMs(250))).toBe(250);
    expect(ok(parseTimeMs('250'))).toBe(250);
    expect(ok(parseTimeMs('.5s'))).toBe(500);
  });

  it('refuses other units, negative times and non-times with a fix', () => {
    for (const bad of ['2h', '2 seconds', '-1s', 's', '', 'NaN', true, null, [1], { s: 1 }]) {
      const r = parseTimeMs(bad);
      expect(r.ok, String(bad)).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/time|negative/);
    }
    expect(parseTimeMs(Infinity).ok).toBe(false);
  });

  it('property: n ms, n/1000 s and n/60000 min all read as n ms', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_600_000 }), (n) => {
        expect(ok(parseTimeMs(`${n}ms`))).toBe(n);
        expect(ok(parseTimeMs(n))).toBe(n);
        expect(ok(parseTimeMs(`${n / 1000}s`))).toBeCloseTo(n, 6);
        expect(ok(parseTimeMs(`${n / 60000} min`))).toBeCloseTo(n, 6);
      }),
    );
  });

  it('property: any string that is not number+unit is refused, never misread', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseTimeMs(s);
        if (r.ok) expect(s).toMatch(/^\s*[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*(ms|s|min)?\s*$/);
      }),
    );
  });

  it('formats for people', () => {
    expect(formatMs(1500)).toBe('1.5 s');
    expect(formatMs(250)).toBe('250 ms');
  });
});

describe('lengths, speeds, frequencies', () => {
  it('keeps body-length units until the body length is known', () => {
    expect(ok(parseLength('0.5mm'))).toEqual({ value: 0.5, unit: 'mm' });
    expect(ok(parseLength('2bl'))).toEqual({ value: 2, unit: 'bl' });
    expect(ok(parseLength('1 body length'))).toEqual({ value: 1, unit: 'bl' });
    expect(ok(parseLength(0.3))).toEqual({ value: 0.3, unit: 'mm' });
    expect(lengthMm({ value: 2, unit: 'bl' }, 1.1)).toBeCloseTo(2.2);
    expect(ok(parseSpeed('0.1bl/s'))).toEqual({ value: 0.1, unit: 'bl/s' });
    expect(ok(parseSpeed('0.2 mm/s'))).toEqual({ value: 0.2, unit: 'mm/s' });
    expect(speedMmPerS({ value: 0.1, unit: 'bl/s' }, 1)).toBeCloseTo(0.1);
    expect(ok(parseFrequencyHz('0.5Hz'))).toBe(0.5);
    expect(ok(parseFrequencyHz(2))).toBe(2);
  });

  it('refuses wrong units and negative values', () => {
    expect(parseLength('2cm').ok).toBe(false);
    expect(parseLength(-1).ok).toBe(false);
    expect(parseSpeed('3mm').ok).toBe(false);
    expect(parseFrequencyHz('2rpm').ok).toBe(false);
  });
});
