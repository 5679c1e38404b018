/** Output files of sweeps and merges, written so that a crash never leaves a half-written one. */
import * as fs from 'fs';

const FLUSH_BYTES = 1 << 20;

/**
 * A file written through a buffer into `<file>.partial` and renamed into place by commit(), so that
 * readers see either no file or the whole file. Memory stays at the buffer's size.
 */
export class AtomicFileWriter {
  private readonly tmp: string;
  private readonly fd: number;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(readonly file: string) {
    this.tmp = `${file}.partial`;
    this.fd = fs.openSync(this.tmp, 'w');
  }

  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= FLUSH_BYTES) this.flush();
  }

  commit(): void {
    this.flush();
    fs.closeSync(this.fd);
    fs.renameSync(this.tmp, this.file);
  }

  /** Closes and deletes the partial file (after an error). */
  abandon(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      // Already closed.
    }
    fs.rmSync(this.tmp, { force: true });
  }

  private flush(): void {
    if (this.pendingLength === 0) return;
    writeAll(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingLength = 0;
  }
}

/** Writes all of `text` at the file's current position (writeSync may write less than asked). */
export function writeAll(fd: number, text: string | Uint8Array): void {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  let offset = 0;
  while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
}
