/** Numbers as robustness outputs write them for people. */

/** 1234567 -> "1,234,567". */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** An assumption's value: three significant digits, thousands separated ("0.15", "250,000"). */
export function formatValue(x: number): string {
  const r = Number(x.toPrecision(3));
  return Math.abs(r) < 1000 ? String(r) : thousands(Math.round(r));
}
