/** Temporary folders for a test file, removed when the file's tests are done. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after } from 'node:test';

const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A new empty folder under the system's temporary folder, named after `label`. */
export function tmpDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `prover-sim-${label}-`));
  made.push(dir);
  return dir;
}
