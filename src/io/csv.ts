/** CSV writing with a stable number format, so the same run gives byte-identical files. */

/** Numbers with at most 12 significant digits (full precision is noise here); integers as they are. */
export function formatNumber(x: number): string {
  if (Number.isInteger(x)) return String(x);
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(12)));
}

/** Quotes a text cell when it holds a comma, quote or line break. */
export function formatText(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatCell(value: unknown): string {
  if (typeof value === 'number') return formatNumber(value);
  if (value === undefined || value === null) return '';
  return formatText(String(value));
}

/** A CSV document from named columns of equal length. */
export function columnsToCsv(columns: Record<string, ArrayLike<number | string>>): string {
  const names = Object.keys(columns);
  const n = names.length ? columns[names[0]].length : 0;
  const lines = [names.map(formatText).join(',')];
  for (let r = 0; r < n; r++) lines.push(names.map((c) => formatCell(columns[c][r])).join(','));
  return `${lines.join('\n')}\n`;
}

/** A CSV document from rows of objects (columns from the first row). */
export function rowsToCsv(rows: Array<Record<string, unknown>>): string {
  if (rows.length === 0) return '';
  const names = Object.keys(rows[0]);
  return `${[names.map(formatText).join(','), ...rows.map((row) => names.map((c) => formatCell(row[c])).join(','))].join('\n')}\n`;
}
