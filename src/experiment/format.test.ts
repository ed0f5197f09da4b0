import { describe, expect, it } from 'vitest';
import { num } from './format';

describe('num', () => {
  it('three significant digits without trailing zeros; small and huge numbers in e-notation; — for none', () => {
    expect([0.5, 0.8564, 782, 12345.6, 0.0002, 2e-4, 123456.7, -0.0431, 3].map(num)).toEqual([
      '0.5',
      '0.856',
      '782',
      '12300',
      '2e-4',
      '2e-4',
      '1.23e+5',
      '-0.0431',
      '3',
    ]);
    expect([null, undefined, Number.NaN, Number.POSITIVE_INFINITY].map(num)).toEqual(['—', '—', '—', '—']);
  });
});
