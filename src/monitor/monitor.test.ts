import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Channel, Monitor } from './monitor';

/** Channels that read a scripted value per tick: one of each reduction. */
function scripted(values: readonly number[]) {
  let k = -1;
  const now = () => values[k];
  const channels: Channel[] = [
    { name: 'last', reduce: 'last', read: now },
    { name: 'max', reduce: 'max', read: now },
    { name: 'min', reduce: 'min', read: now },
    { name: 'total', reduce: 'total', read: now },
  ];
  return { channels, next: () => k++ };
}

describe('Monitor', () => {
  it('samples every N ticks: the value at the sample, the peak of the window, the running total', () => {
    const { channels, next } = scripted([1, 5, 2, 0, 3, 4, 9]);
    const m = new Monitor(channels, { every: 3 });
    for (let t = 1; t <= 7; t++) {
      next();
      m.tick(t * 10);
    }
    expect(Array.from(m.times())).toEqual([30, 60]);
    expect(Array.from(m.series('last'))).toEqual([2, 4]);
    expect(Array.from(m.series('max'))).toEqual([5, 4]);
    expect(Array.from(m.series('min'))).toEqual([1, 0]);
    expect(Array.from(m.series('total'))).toEqual([8, 15]);
    m.flush(70); // the seventh tick alone
    expect(Array.from(m.series('max'))).toEqual([5, 4, 9]);
    expect(Array.from(m.series('min'))).toEqual([1, 0, 9]);
    expect(Array.from(m.series('total'))).toEqual([8, 15, 24]);
    m.flush(70); // nothing new: no sample
    expect(m.count).toBe(3);
  });

  it('a sample covering no tick (at attach) holds the current value of a peak channel', () => {
    const { channels, next } = scripted([7, 1]);
    const m = new Monitor(channels);
    next();
    m.sample(0);
    next();
    m.tick(10);
    expect(Array.from(m.series('max'))).toEqual([7, 1]);
    expect(Array.from(m.series('min'))).toEqual([7, 1]);
  });

  it('a ring keeps the latest N samples, oldest first; keeping all grows past its first size', () => {
    let x = 0;
    const ch: Channel[] = [{ name: 'x', reduce: 'last', read: () => x }];
    const ring = new Monitor(ch, { keep: 3 });
    const all = new Monitor(ch, { expect: 1 });
    for (x = 1; x <= 10; x++) {
      ring.tick(x);
      all.tick(x);
    }
    expect(Array.from(ring.series('x'))).toEqual([8, 9, 10]);
    expect([ring.timeAt(0), ring.valueAt(0, 2), ring.latest('x')]).toEqual([8, 10, 10]);
    expect(Array.from(all.series('x'))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    ring.clear();
    expect(ring.count).toBe(0);
    expect(ring.latest('x')).toBeNaN();
  });

  it('stop() detaches it from its host and ignores later ticks', () => {
    let detached = 0;
    const m = new Monitor([{ name: 'one', reduce: 'last', read: () => 1 }]);
    m.attachTo(() => detached++);
    m.tick(1);
    m.stop();
    m.stop();
    m.tick(2);
    expect(detached).toBe(1);
    expect(m.count).toBe(1);
  });

  it('refuses bad options and names unknown channels', () => {
    const ch: Channel[] = [{ name: 'a', reduce: 'last', read: () => 0 }];
    expect(() => new Monitor(ch, { every: 0 })).toThrow(/every = 0 must be a whole number of ticks ≥ 1/);
    expect(() => new Monitor(ch, { keep: 1.5 })).toThrow(/keep = 1.5/);
    expect(() => new Monitor([...ch, ...ch])).toThrow(/channel "a" is asked for twice/);
    expect(() => new Monitor(ch).series('b')).toThrow(/no channel "b"; it records a/);
  });

  it('matches a plain recomputation for any values, interval and ring size (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 12 }),
        (values, every, keep) => {
          const { channels, next } = scripted(values);
          const m = new Monitor(channels, { every, keep });
          values.forEach((_, i) => {
            next();
            m.tick(i);
          });
          const windows: number[][] = [];
          for (let end = every; end <= values.length; end += every) windows.push(values.slice(end - every, end));
          const kept = windows.slice(-keep);
          const first = windows.length - kept.length;
          const totals = windows.map((_, w) => values.slice(0, (w + 1) * every).reduce((a, b) => a + b, 0));
          return (
            m.count === kept.length &&
            kept.every(
              (w, j) =>
                m.valueAt(0, j) === w[w.length - 1] &&
                m.valueAt(1, j) === Math.max(...w) &&
                m.valueAt(2, j) === Math.min(...w) &&
                m.valueAt(3, j) === totals[first + j],
            )
          );
        },
      ),
    );
  });
});
