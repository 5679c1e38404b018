/**
 * Small HTML tables in notebook outputs: a danfojs DataFrame's `print()` is plain text that wraps
 * badly; this renders rows or a frame as a compact table with numbers right-aligned.
 */
import { requireKernel } from './kernel';

type Cell = number | string | boolean | null | undefined;

/** A DataFrame-like value (danfojs): column names, row values, and row labels. */
export interface FrameLike {
  columns: string[];
  values: unknown[];
  index?: Array<string | number>;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Numbers to at most 4 significant digits with thousands separators; other cells as text. */
export function formatTableCell(v: Cell): string {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return String(v);
    const abs = Math.abs(v);
    return abs >= 1000 ? Math.round(v).toLocaleString('en-US') : Number(v.toPrecision(4)).toString();
  }
  return v === null || v === undefined ? '' : String(v);
}

/** An HTML table of rows (objects sharing keys) or a DataFrame. */
export function tableHtml(data: ReadonlyArray<Record<string, Cell>> | FrameLike, maxRows = 30): string {
  const { columns, rows } = toRows(data);
  const shown = rows.slice(0, maxRows);
  const head = columns.map((c) => `<th style="text-align:left;padding:2px 10px">${escapeHtml(c)}</th>`).join('');
  const body = shown
    .map((r) => `<tr>${r.map((v) => `<td style="text-align:${typeof v === 'number' ? 'right' : 'left'};padding:2px 10px">${escapeHtml(formatTableCell(v))}</td>`).join('')}</tr>`)
    .join('');
  const more = rows.length > shown.length ? `<p style="color:#777">${rows.length - shown.length} more rows not shown</p>` : '';
  return `<table style="border-collapse:collapse;font-size:13px"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${more}`;
}

function toRows(data: ReadonlyArray<Record<string, Cell>> | FrameLike): { columns: string[]; rows: Cell[][] } {
  if (!Array.isArray(data)) {
    const frame = data as FrameLike;
    const rows = frame.values.map((r) => (Array.isArray(r) ? (r as Cell[]) : [r as Cell]));
    // Row labels matter when they are names (describe(): mean, std, ...), not when they count 0, 1, 2.
    const labelled = frame.index !== undefined && frame.index.some((label, i) => label !== i);
    if (!labelled) return { columns: frame.columns, rows };
    return { columns: ['', ...frame.columns], rows: rows.map((r, i) => [frame.index![i], ...r]) };
  }
  const records = data as ReadonlyArray<Record<string, Cell>>;
  const columns = [...new Set(records.flatMap((r) => Object.keys(r)))];
  return { columns, rows: records.map((r) => columns.map((c) => r[c])) };
}

/** Shows rows or a DataFrame as a table in the notebook. */
export function showTable(data: ReadonlyArray<Record<string, Cell>> | FrameLike, maxRows = 30): void {
  requireKernel('showTable()').display.html(tableHtml(data, maxRows));
}
