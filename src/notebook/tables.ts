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

/**
 * A header cell that wraps at underscores and dots (long column names such as
 * `nakamoto_30d_last_year_median` would otherwise set the column's width).
 */
const headerText = (c: string) => escapeHtml(c).replace(/([_.])/g, '$1<wbr>');

const CELL = 'padding:2px 10px;border-bottom:1px solid #eee';

/**
 * An HTML table of rows (objects sharing keys) or a DataFrame, inside a box that scrolls sideways
 * when the table is wider than the page. Long tables show their first rows and their last few, with
 * the number of rows left out between them.
 */
export function tableHtml(data: ReadonlyArray<Record<string, Cell>> | FrameLike, maxRows = 30): string {
  const { columns, rows } = toRows(data);
  const tail = rows.length > maxRows ? Math.min(5, Math.floor(maxRows / 3)) : 0;
  const head = rows.length > maxRows ? maxRows - tail : rows.length;
  // Numbers on one line; text (a column's meaning) wraps within a readable width.
  const style = (v: Cell) => (typeof v === 'number' ? `text-align:right;${CELL};white-space:nowrap` : `text-align:left;${CELL};min-width:6em;max-width:40em`);
  const row = (r: Cell[]) => `<tr>${r.map((v) => `<td style="${style(v)}">${escapeHtml(formatTableCell(v))}</td>`).join('')}</tr>`;
  const omitted = rows.length - head - tail;
  const gap = omitted > 0 ? `<tr><td colspan="${columns.length}" style="${CELL};color:#777;text-align:center">${omitted} more rows not shown</td></tr>` : '';
  const body = [...rows.slice(0, head).map(row), gap, ...rows.slice(rows.length - tail).map(row)].join('');
  const headers = columns.map((c) => `<th style="text-align:left;vertical-align:bottom;${CELL};max-width:14em">${headerText(c)}</th>`).join('');
  return `<div style="max-width:100%;overflow-x:auto"><table style="border-collapse:collapse;font-size:13px"><thead><tr>${headers}</tr></thead><tbody>${body}</tbody></table></div>`;
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
