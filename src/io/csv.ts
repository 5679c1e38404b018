/**
 * CSV writing with a stable number format, so the same run gives byte-identical files.
 *
 * Speed: a number costs one call into the engine's native formatting (`toPrecision`), with no
 * re-parsing; a row is one `join` of its cells and a document one `join` of its rows, written to
 * its file at once. Code that runs per cell is kept to a few operations on purpose: a command
 * formats most of its cells before the engine has optimised anything (measured in `npm run bench`).
 */

/**
 * Numbers with at most 12 significant digits (full precision is noise here); integers as they are.
 * The text is that of `String(Number(x.toPrecision(12)))`: where toPrecision writes plain digits
 * (from 1e-6 up to 1e12) that is its own text without trailing zeros after the point, since a
 * decimal of at most 15 digits is the shortest text of the double nearest to it. Other numbers
 * (exponent notation) take the parse-and-print route.
 */
export function formatNumber(x: number): string {
  if (Number.isInteger(x) || !Number.isFinite(x)) return String(x);
  const text = x.toPrecision(12);
  if (text.indexOf('e') >= 0) return String(Number(text));
  if (text.indexOf('.') < 0) return text;
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48 /* 0 */) end--;
  if (text.charCodeAt(end - 1) === 46 /* . */) end--;
  return end === text.length ? text : text.slice(0, end);
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
  const cols = names.map((name) => columns[name]);
  const n = cols.length ? cols[0].length : 0;
  const lines: string[] = new Array(n + 2);
  lines[0] = names.map(formatText).join(',');
  const cells: string[] = new Array(cols.length);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < cols.length; c++) cells[c] = formatCell(cols[c][r]);
    lines[r + 1] = cells.join(',');
  }
  lines[n + 1] = '';
  return lines.join('\n');
}

/** A CSV document from rows of objects (columns from the first row). */
export function rowsToCsv(rows: Array<Record<string, unknown>>): string {
  if (rows.length === 0) return '';
  const names = Object.keys(rows[0]);
  const lines: string[] = new Array(rows.length + 2);
  lines[0] = names.map(formatText).join(',');
  const cells: string[] = new Array(names.length);
  rows.forEach((row, r) => {
    for (let c = 0; c < names.length; c++) cells[c] = formatCell(row[names[c]]);
    lines[r + 1] = cells.join(',');
  });
  lines[rows.length + 1] = '';
  return lines.join('\n');
}
