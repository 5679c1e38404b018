/**
 * Numbers as a report prints them: three significant digits (the seeds' spread is wider than that),
 * dollars with k/M/B, shares as percentages, durations in the unit that reads best (s, min, h, days). One format per kind of quantity, so a
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

/** Durations from this many hours up are printed in days (two days read better than "48 h"). */
export const DAYS_FROM_HOURS = 48;

/**
 * A duration given in hours, in the unit that reads best: seconds under a minute, minutes under an
 * hour, hours under two days, days beyond ("8.58 s", "23 min", "2 h", "14 days"); zero is "0 h".
 */
export function formatHours(x: number): string {
  const a = Math.abs(x);
  if (a === 0) return '0 h';
  if (a < 1 / 60) return `${sig3(x * 3600)} s`;
  if (a < 1) return `${sig3(x * 60)} min`;
  if (a < DAYS_FROM_HOURS) return `${sig3(x)} h`;
  return `${sig3(x / 24)} days`;
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
