/**
 * Making an interrupted sweep's files whole again before --resume appends to them. Runs are
 * appended in order, each batch's daily rows before its summary rows, so after a crash the damage
 * can only be at the end: a torn last line, and daily rows of runs whose summary row never came.
 */
import * as fs from 'fs';
import { leadingInteger, forEachLine } from './csv-read';
import { SweepError } from './errors';
import { inShard, type Shard } from './shard';

const CHUNK_BYTES = 1 << 16;
const NEWLINE = 0x0a;

/**
 * Truncates `file` after its last complete line, then drops complete lines from the end while
 * keep(line) is false; the first line (the header) always stays. Returns the lines dropped.
 */
export function trimTail(file: string, keep: (line: string) => boolean): number {
  const fd = fs.openSync(file, 'r+');
  try {
    const size = fs.fstatSync(fd).size;
    let end = lineStart(fd, size); // everything from here on is a torn line
    let dropped = 0;
    while (end > 0) {
      const start = lineStart(fd, end - 1);
      if (start === 0) break;
      const line = readRange(fd, start, end - 1);
      if (keep(line)) break;
      end = start;
      dropped++;
    }
    if (end !== size) fs.ftruncateSync(fd, end);
    return dropped;
  } finally {
    fs.closeSync(fd);
  }
}

/** Offset of the first byte after the last line break before `end` (0 if there is none). */
function lineStart(fd: number, end: number): number {
  let from = end;
  while (from > 0) {
    const length = Math.min(CHUNK_BYTES, from);
    from -= length;
    const chunk = Buffer.allocUnsafe(length);
    fs.readSync(fd, chunk, 0, length, from);
    const nl = chunk.lastIndexOf(NEWLINE);
    if (nl >= 0) return from + nl + 1;
  }
  return 0;
}

function readRange(fd: number, start: number, end: number): string {
  const buffer = Buffer.allocUnsafe(end - start);
  fs.readSync(fd, buffer, 0, buffer.length, start);
  return buffer.toString('utf8');
}

/** The first line of a file ('' for an empty file). */
export function firstLine(file: string): string {
  let header = '';
  forEachLine(file, (line) => {
    header = line;
    return false;
  });
  return header;
}

/**
 * Which runs runs.csv holds, as a bitmap over the sweep's run indices. Checks that every row is a
 * run of this sweep's shard and that none is there twice.
 */
export function readDoneRuns(file: string, totalRuns: number, shard: Shard): { done: Uint8Array; count: number } {
  const done = new Uint8Array(totalRuns);
  let count = 0;
  forEachLine(file, (line, i) => {
    if (i === 0 || line === '') return;
    const run = leadingInteger(line);
    if (!(run < totalRuns) || !inShard(run, shard)) throw new SweepError(`${file} line ${i + 1}: run ${line.split(',')[0]} is not a run of this sweep`);
    if (done[run]) throw new SweepError(`${file} line ${i + 1}: run ${run} is listed twice`);
    done[run] = 1;
    count++;
  });
  return { done, count };
}
