/**
 * Designs made elsewhere (SALib, pyDOE, a spreadsheet): a CSV file whose header names the swept
 * parameters by dotted path and whose every row is one parameter point.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import { parseSetValue } from '../io/scenarios';
import { splitCsvLine } from './csv-read';
import { SweepError } from './errors';
import { canonicalValue, type ParamValue } from './params';

/** A design given as a table: paths and one row of values per point. */
export interface DesignTable {
  paths: string[];
  rows: ParamValue[][];
}

/** Reads and checks a design CSV; every problem is a one-line SweepError naming the file and line. */
export function readDesignFile(file: string): DesignTable & { sha256: string } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new SweepError(`--design ${file}: cannot be read`);
  }
  const sha256 = createHash('sha256').update(text).digest('hex');
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines.length === 0) throw new SweepError(`--design ${file}: is empty (expected a header of parameter paths and one row per point)`);
  const paths = splitCsvLine(lines[0]).map((p) => p.trim());
  paths.forEach((p, j) => {
    if (p === '') throw new SweepError(`--design ${file}: column ${j + 1} of the header is empty`);
    if (paths.indexOf(p) !== j) throw new SweepError(`--design ${file}: column "${p}" appears twice in the header`);
  });
  const rows = lines.slice(1).map((line, i) => {
    const where = `--design ${file} line ${i + 2}`;
    const cells = splitCsvLine(line);
    if (cells.length !== paths.length) throw new SweepError(`${where}: expected ${paths.length} cells like the header, got ${cells.length}`);
    return cells.map((cell, j) => {
      if (cell.trim() === '') throw new SweepError(`${where}: the value of ${paths[j]} is empty`);
      return canonicalValue(parseSetValue(cell.trim()), `${where}, ${paths[j]}`);
    });
  });
  if (rows.length === 0) throw new SweepError(`--design ${file}: has a header but no rows (one row per parameter point)`);
  return { paths, rows, sha256 };
}

/** A design given from TypeScript as one object per point (every object with the same keys). */
export function designFromObjects(points: ReadonlyArray<Record<string, ParamValue>>): DesignTable {
  if (points.length === 0) throw new SweepError('design: needs at least one point');
  const paths = Object.keys(points[0]);
  const rows = points.map((point, i) => {
    const keys = Object.keys(point);
    if (keys.length !== paths.length || keys.some((k) => !paths.includes(k))) {
      throw new SweepError(`design point ${i}: has fields ${keys.join(', ')}; every point needs exactly ${paths.join(', ')}`);
    }
    return paths.map((p) => canonicalValue(point[p], `design point ${i}, ${p}`));
  });
  return { paths, rows };
}
