/** Writing output files so that a failure never leaves a half-written file behind. */
import * as fs from 'fs';
import * as path from 'path';

/** Writes `text` to `file` through a temporary file and a rename (atomic on one file system). */
export function writeFileAtomic(file: string, text: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

/** Writes several files into `dir`, creating it; each file atomically. */
export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return Object.entries(files).map(([name, text]) => {
    const file = path.join(dir, name);
    writeFileAtomic(file, text);
    return file;
  });
}
