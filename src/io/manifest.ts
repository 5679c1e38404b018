/** Provenance of a run's outputs: package version, git commit, resolved parameters, timing. */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PROJECT_ROOT } from './paths';

export function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The project's git commit, when it is a git checkout ("unknown" otherwise). */
export function gitCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    return dirty ? `${head}-dirty` : head;
  } catch {
    return 'unknown';
  }
}

/** Where and with what a command ran (kept out of result rows: it differs between machines). */
export function environmentInfo(): Record<string, string | number> {
  return { node: process.version, platform: `${os.platform()}-${os.arch()}`, host: os.hostname(), cpus: os.cpus().length };
}
