/**
 * Numbers as a report prints them: three significant digits (the seeds' spread is wider than that),
 * dollars with k/M/B, shares as percentages, delays in hours. One format per kind of quantity, so a
 * reader (and a test) can parse any printed number back and compare it with summary.json.
 */
import type { QuantityKind } from '../measure/metrics';

export type { QuantityKind };

/**
 * Three significant digits (whole numbers from 1,000 up, with thousands separators), without
 * exponent notation or trailing zeros: 0.0352, 12.3, 2, 1,235.
 */
export function sig3(x: number): string {
  if (x === 0) return '0';
  const rounded = Math.abs(x) >= 1000 ? Math.round(x) : Number(x.toPrecision(3));
  if (Math.abs(rounded) >= 1000) return rounded.toLocaleString('en-US');
  // String(Number) of a 3-digit value has no trailing zeros; small values would use exponents.
  return Math.abs(rounded) >= 1e-6 ? String(rounded) : rounded.toFixed(20).replace(/0+$/, '');
}

export function formatUsd(x: number): string {
  const sign = x < 0 ? '-' : '';
  const a = Math.abs(x);
  if (a >= 1e9) return `${sign}$${sig3(a / 1e9)}B`;
  if (a >= 1e6) return `${sign}$${sig3(a / 1e6)}M`;
  if (a >= 1e4) return `${sign}$${sig3(a / 1e3)}k`;
  return `${sign}$${sig3(a)}`;
}

export function formatShare(x: number): string {
  return `${sig3(100 * x)}%`;
}

/** Delays under an hour in minutes (a proof takes minutes), longer ones in hours. */
export function formatHours(x: number): string {
  return Math.abs(x) < 1 && x !== 0 ? `${sig3(x * 60)} min` : `${sig3(x)} h`;
}

/** A number of the given kind; "n/a" for NaN (no seed had a value). */
export function formatQuantity(x: number, kind: QuantityKind): string {
  if (!Number.isFinite(x)) return 'n/a';
  switch (kind) {
    case 'usd':
      return formatUsd(x);
    case 'share':
      return formatShare(x);
    case 'hours':
      return formatHours(x);
    case 'count':
    case 'index':
      return sig3(x);
  }
}

/** "a to b" for an interval; one value when both ends print the same. */
export function formatRange(low: number, high: number, kind: QuantityKind): string {
  const a = formatQuantity(low, kind);
  const b = formatQuantity(high, kind);
  return a === b ? a : `${a} to ${b}`;
}
