/**
 * Reading the CSV files a sweep writes (and design files users write) line by line, with a fixed
 * buffer, so that reading a daily.csv of millions of rows takes no more memory than a short one.
 */
import * as fs from 'fs';

const CHUNK_BYTES = 1 << 20;
const NEWLINE = 0x0a;

/** Reads a file one line at a time (without the line break; a trailing '\r' is dropped). */
export class LineReader {
  private readonly fd: number;
  private buffer = Buffer.alloc(0);
  private start = 0;
  private position = 0;
  private ended = false;
  /** Byte offset in the file of the line returned last by next(). */
  lineOffset = 0;
  private consumed = 0;

  constructor(readonly file: string) {
    this.fd = fs.openSync(file, 'r');
  }

  /** The next line, or undefined at the end. A last line without a line break is returned too. */
  next(): string | undefined {
    for (;;) {
      const nl = this.buffer.indexOf(NEWLINE, this.start);
      if (nl >= 0) return this.take(nl, nl + 1);
      if (this.ended) return this.start < this.buffer.length ? this.take(this.buffer.length, this.buffer.length) : undefined;
      this.fill();
    }
  }

  close(): void {
    fs.closeSync(this.fd);
  }

  private take(end: number, nextStart: number): string {
    this.lineOffset = this.consumed;
    let line = this.buffer.toString('utf8', this.start, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    this.consumed += nextStart - this.start;
    this.start = nextStart;
    return line;
  }

  private fill(): void {
    const rest = this.buffer.subarray(this.start);
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    const n = fs.readSync(this.fd, chunk, 0, CHUNK_BYTES, this.position);
    this.position += n;
    if (n === 0) this.ended = true;
    this.buffer = Buffer.concat([rest, chunk.subarray(0, n)]);
    this.start = 0;
  }
}

/** Calls `fn` on every line of a file; stops early when `fn` returns false. */
export function forEachLine(file: string, fn: (line: string, index: number) => boolean | void): void {
  const reader = new LineReader(file);
  try {
    for (let i = 0, line = reader.next(); line !== undefined; line = reader.next(), i++) if (fn(line, i) === false) return;
  } finally {
    reader.close();
  }
}

/** Splits one CSV line into cells (RFC 4180 quoting: "a ""quoted"", text"). */
export function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** The first cell of a line as a whole number (the run index of our result rows), or NaN. */
export function leadingInteger(line: string): number {
  const comma = line.indexOf(',');
  const text = comma < 0 ? line : line.slice(0, comma);
  return /^\d+$/.test(text) ? Number(text) : NaN;
}
