/** Reading a sweep's CSV tables back as rows of objects (for notebooks and frames). */
import { forEachLine, splitCsvLine } from './csv-read';

export type TableRow = Record<string, number | string>;

/** Cells that look like numbers become numbers; empty cells become NaN in numeric columns' place. */
function cellValue(text: string): number | string {
  if (text === '') return NaN;
  const n = Number(text);
  return Number.isNaN(n) && text !== 'NaN' ? text : n;
}

/**
 * Reads a CSV file written by a sweep (header line, then rows) into objects. `filter` keeps only
 * the rows it accepts, so a notebook can pull one point out of a large daily.csv.
 */
export function readTable(file: string, filter?: (row: TableRow) => boolean): TableRow[] {
  let header: string[] = [];
  const rows: TableRow[] = [];
  forEachLine(file, (line, i) => {
    if (i === 0) {
      header = splitCsvLine(line);
      return;
    }
    if (line === '') return;
    const cells = splitCsvLine(line);
    const row: TableRow = {};
    header.forEach((name, j) => {
      row[name] = cellValue(cells[j] ?? '');
    });
    if (!filter || filter(row)) rows.push(row);
  });
  return rows;
}
