/**
 * Prose computed from the run: Markdown whose numbers are the run's values, formatted as reports
 * format them (three significant digits; shares as percentages; durations in s, min, h or days;
 * dollars with k, M, B). A notebook's conclusion written this way cannot drift from its numbers.
 *
 *   prose`Professional GPU operators win ${q.share(proShare)} of all proofs.`
 */
import { formatQuantity, type QuantityKind } from '../report/write/format';
import { requireKernel } from './kernel';

/** A value with how to print it. */
export class Quantity {
  constructor(
    readonly value: number,
    readonly kind: QuantityKind,
  ) {}
  toString(): string {
    return formatQuantity(this.value, this.kind);
  }
}

/** Quantities by kind: `q.share(0.989)` prints "98.9%", `q.hours(0.011)` "39.6 s", `q.usd(5.26e6)` "$5.26M". */
export const q = {
  count: (v: number) => new Quantity(v, 'count'),
  share: (v: number) => new Quantity(v, 'share'),
  usd: (v: number) => new Quantity(v, 'usd'),
  hours: (v: number) => new Quantity(v, 'hours'),
  index: (v: number) => new Quantity(v, 'index'),
};

/**
 * Markdown from a template whose values are the run's: Quantities print in their format, numbers
 * with three significant digits, text as it is. "$" in a printed value is escaped (Jupyter reads
 * "$...$" as math).
 */
export function proseMarkdown(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = (v: unknown) => (v instanceof Quantity ? v.toString() : typeof v === 'number' ? formatQuantity(v, 'count') : String(v));
  return strings.reduce((out, s, i) => out + s + (i < values.length ? text(values[i]).replace(/\$/g, '\\$') : ''), '');
}

/** Shows Markdown computed from the run's values (see proseMarkdown) as a cell output. */
export function prose(strings: TemplateStringsArray, ...values: unknown[]): void {
  requireKernel('prose``').display.markdown(proseMarkdown(strings, ...values));
}
