import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from './helpers/property';
import { metrics } from '../src/model';

const amounts = fc.array(fc.oneof(fc.integer({ min: 0, max: 50 }), fc.double({ min: 0, max: 1e6, noNaN: true })), { maxLength: 300 });

describe('concentration metrics', () => {
  it('match hand-computed values', () => {
    const desc = [50, 30, 20];
    assert.equal(metrics.nakamotoCoefficient(desc), 2); // 50 is not more than half of 100; 50+30 is
    assert.equal(metrics.nakamotoCoefficient([60, 40]), 1);
    assert.equal(metrics.nakamotoCoefficient([0, 0]), 0);
    assert.ok(Math.abs(metrics.hhi(desc) - 0.38) < 1e-12);
    assert.equal(metrics.hhi([1, 1, 1, 1]), 0.25);
    assert.equal(metrics.gini([5, 5, 5, 5]), 0);
    assert.ok(Math.abs(metrics.gini([0, 0, 0, 12]) - 0.75) < 1e-12); // (n-1)/n for one holder of all
    assert.equal(metrics.entropyBits([1, 1, 1, 1]), 2);
    assert.equal(metrics.topShare(desc), 0.5);
  });

  it('sortAscending sorts like Array#sort (integers and fractions)', () => {
    fc.assert(
      fc.property(amounts, (values) => {
        const a = Float64Array.from(values);
        metrics.sortAscending(a, a.length);
        assert.deepEqual(Array.from(a), [...values].sort((x, y) => x - y));
      }),
    );
  });

  it('nakamotoUnsorted equals the coefficient of the sorted amounts', () => {
    fc.assert(
      fc.property(amounts, (values) => {
        const desc = [...values].sort((x, y) => y - x);
        assert.equal(metrics.nakamotoUnsorted(Float64Array.from(values), values.length), metrics.nakamotoCoefficient(desc));
      }),
    );
  });

  it('concentration() agrees with the single metrics', () => {
    fc.assert(
      fc.property(amounts, (values) => {
        const c = metrics.concentration(values, values.length, new Float64Array(values.length));
        const asc = [...values].sort((x, y) => x - y);
        assert.equal(c.nakamoto, metrics.nakamotoCoefficient([...asc].reverse()));
        assert.ok(Math.abs(c.hhi - metrics.hhi(values)) < 1e-9);
        assert.ok(Math.abs(c.gini - metrics.gini(asc)) < 1e-9);
        assert.ok(Math.abs(c.topShare - metrics.topShare(values)) < 1e-12);
      }),
    );
  });

  it('RollingAmounts sums exactly the last W days', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 10 }), (days, window) => {
        const roll = new metrics.RollingAmounts(6, window);
        const idx = Int32Array.from([0, 1, 2, 3, 4, 5]);
        days.forEach((row, d) => {
          roll.push(idx, 6, Float64Array.from(row));
          for (let i = 0; i < 6; i++) {
            let expected = 0;
            for (let k = Math.max(0, d - window + 1); k <= d; k++) expected += days[k][i];
            assert.ok(Math.abs(roll.sums[i] - expected) < 1e-9);
          }
          const listed = Array.from(roll.holders.subarray(0, roll.holderCount)).sort();
          assert.deepEqual(listed, [0, 1, 2, 3, 4, 5].filter((i) => roll.sums[i] > 0));
        });
      }),
    );
  });
});
