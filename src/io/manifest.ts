/** Provenance of a run's outputs: package version, git commit, resolved parameters, timing. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readGitCommit } from './git';
import { PROJECT_ROOT } from './paths';

export function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The project's git commit ("-dirty" with uncommitted changes), read from .git; "unknown" outside a checkout. */
export function gitCommit(): string {
  return readGitCommit(PROJECT_ROOT) ?? 'unknown';
}

/** Where and with what a command ran (kept out of result rows: it differs between machines). */
export function environmentInfo(): Record<string, string | number> {
  return { node: process.version, platform: `${os.platform()}-${os.arch()}`, host: os.hostname(), cpus: os.cpus().length };
}
