/**
 * Notebook helpers in plain Node (their behaviour in the kernel: notebook-kernel.test.ts): numbers
 * read as the prose writes them, claims to the stated precision, prose from values, tables that stay
 * within the page, and frames that print as always outside a kernel.
 */
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { describe, test } from 'node:test';
import { dailyFrame } from '../src/frames';
import { loadScenario } from '../src/io';
import { simulate } from '../src/model';
import { ScenarioError } from '../src/model/scenario/validate';
import { claimsMarkdown, proseMarkdown, q, stated, statedNumber, tableHtml } from '../src/notebook';

const near = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-12, `${a} != ${b}`);

describe('numbers as the prose writes them', () => {
  test('value and the precision of the last digit written', () => {
    const cases: Array<[string, number, number]> = [
      ['78%', 0.78, 0.005],
      ['about 78%', 0.78, 0.005],
      ['98.9%', 0.989, 0.0005],
      ['some 35', 35, 0.5],
      ['2.1 million', 2.1e6, 5e4],
      ['$5.26M', 5.26e6, 5e3],
      ['-75,000 USD', -75000, 0.5],
      ['about 150,000 USD', 150000, 0.5],
      ['40 seconds', 40 / 3600, 0.5 / 3600],
      ['2 hours', 2, 0.5],
      ['14 days', 336, 12],
      ['0.6 min', 0.01, 0.05 / 60],
    ];
    for (const [text, value, precision] of cases) {
      const n = statedNumber(text);
      near(n.value, value);
      near(n.precision, precision);
    }
    assert.throws(() => statedNumber('most'), /cannot read a number in "most"/);
  });

  test('a stated number holds within its precision and fails beyond it', () => {
    assert.equal(stated('about 78%', 0.784, 'share')[1], true);
    assert.equal(stated('about 78%', 0.989, 'share')[1], false);
    assert.equal(stated('some 35', 42, 'provers on day 1')[1], false);
    assert.equal(stated('2.1 million', 2.149e6, 'profit')[1], true);
    assert.equal(stated('2.1 million', 2.151e6, 'profit')[1], false);
    assert.equal(stated('78%', NaN, 'share')[1], false);
    assert.match(claimsMarkdown([stated('about 78%', 0.989, 'share')]), /✘ \*\*no longer holds:\*\* share: the text says "about 78%"; this run gives 0\.989 <!-- prover-sim:stated "about 78%" -->/);
  });
});

describe('prose from values', () => {
  test('formats quantities as reports do and escapes dollars for Jupyter\'s math', () => {
    assert.equal(proseMarkdown`win ${q.share(0.98912)} of proofs; p95 ${q.hours(0.011)}; ${q.usd(-75_123)}; ${q.count(7.634)} provers; ${'text'}`, 'win 98.9% of proofs; p95 39.6 s; -\\$75.1k; 7.63 provers; text');
  });
});

describe('tables', () => {
  test('scroll sideways within the page, wrap long headers, show the first and last rows of long tables', () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({ nakamoto_30d_last_year_median: i }));
    const html = tableHtml(rows, 20);
    assert.match(html, /^<div style="max-width:100%;overflow-x:auto">/);
    assert.match(html, /nakamoto_<wbr>30d_<wbr>last_<wbr>year_<wbr>median/);
    assert.match(html, />80 more rows not shown</);
    assert.match(html, />14<\/td><\/tr><tr><td colspan="1"[^>]*>80 more rows not shown<\/td><\/tr><tr><td[^>]*>95</);
    assert.match(html, />99<\/td><\/tr><\/tbody>/);
  });

  test('frames and errors print as always outside a kernel', () => {
    const frame = dailyFrame(simulate(loadScenario('permissionless-race', { days: 5 }).scenario, { seed: 1 }));
    const text = inspect(frame);
    assert.match(text, /DataFrame/);
    assert.doesNotMatch(text, /^DataFrame: 5 rows/);
    const err = new ScenarioError('rewards.redistributionShare: expected a number from 0 to 1');
    assert.match(inspect(err), /\n\s+at /, 'outside a kernel the stack trace stays');
  });
});
