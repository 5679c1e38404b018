/**
 * CSV writing: numbers come out exactly as the original rule printed them (12 significant digits,
 * `String(Number(x.toPrecision(12)))`, integers as `String(x)`), from csv.ts's native formatting
 * and from the sweeps' byte builder alike, and documents are laid out cell by cell as before.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { columnsToCsv, formatNumber, rowsToCsv } from '../src/io/csv';
import { CsvBuilder } from '../src/io/csv-builder';
import fc from './helpers/property';

const builder = new CsvBuilder(8);

/** What the sweeps' byte builder writes for x. */
function built(x: number): string {
  builder.reset();
  builder.number(x);
  return builder.toString();
}

/** Both formatters print x as the reference does. */
const same = (x: number) => formatNumber(x) === reference(x) && built(x) === reference(x);

/** The rule the files have always followed. */
function reference(x: number): string {
  if (Number.isInteger(x) || !Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(12)));
}

describe('formatNumber and the byte builder', () => {
  it('prints any double as the reference rule does', () => {
    fc.assert(fc.property(fc.double(), same), { numRuns: 20_000 });
  });

  it('agrees at the edges: powers of ten, carries, exponents, ties, big integers', () => {
    const edges = [0, -0, NaN, Infinity, -Infinity, 1e21, -1e21, 9.999999999999e20, 9.9999999999995e20, 1e-7, 9.99999999999e-8, 1.5e-7, 1e-6, 1.23e-6, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 123456789012345678, 0.1, 0.1 + 0.2, 1 / 3, -2 / 3, 5e-324, Number.MAX_VALUE, 999999999999.5, 999999999999.7, 99999999999.95, 0.5, 12.5, 1234567.0000005];
    for (const x of edges) {
      assert.equal(formatNumber(x), reference(x), String(x));
      assert.equal(built(x), reference(x), String(x));
    }
  });

  it('rounds numbers at a half in the 13th digit as the reference does', () => {
    // d + 0.5 scaled by a power of ten: the exact value sits just above or below the tie.
    const nearTie = fc.tuple(fc.integer({ min: 1e11, max: 1e12 - 1 }), fc.integer({ min: -20, max: 8 }), fc.boolean()).map(([d, e, neg]) => (neg ? -1 : 1) * (d + 0.5) * 10 ** e);
    fc.assert(fc.property(nearTie, same), { numRuns: 20_000 });
  });

  it('prints money-like and share-like values of a run as the reference does', () => {
    const typical = fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.integer({ min: -8, max: 12 })).map(([m, e]) => m * 10 ** e);
    fc.assert(fc.property(typical, same), { numRuns: 20_000 });
  });
});

describe('CSV documents', () => {
  it('lays out columns, rows, quoting and empty cells as before', () => {
    const csv = columnsToCsv({ day: new Float64Array([0, 1]), 'class, id': ['a "b"', 'c'], share: [0.1 + 0.2, 1 / 3] });
    assert.equal(csv, 'day,"class, id",share\n0,"a ""b""",0.3\n1,c,0.333333333333\n');
    assert.equal(rowsToCsv([{ a: 1, b: undefined, c: 'x,y' }, { a: 2.5, b: null, c: 'z' }]), 'a,b,c\n1,,"x,y"\n2.5,,z\n');
    assert.equal(rowsToCsv([]), '');
  });

  it('builds rows as bytes that grow as needed and keep multi-byte text intact', () => {
    const b = new CsvBuilder(4);
    for (let i = 0; i < 1000; i++) {
      b.cell('prover-é, "x"');
      b.comma();
      b.number(i + 0.25);
      b.comma();
      b.cell(undefined);
      b.newline();
    }
    const lines = b.toString().trimEnd().split('\n');
    assert.equal(lines.length, 1000);
    assert.equal(lines[999], '"prover-é, ""x""",999.25,');
  });
});

