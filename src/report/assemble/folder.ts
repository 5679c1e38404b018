/**
 * The report folder: what may be written where, and replacing an earlier report in the same folder
 * without touching anything else (a report never deletes a file it did not list in its manifest).
 */
import * as fs from 'fs';
import * as path from 'path';
import { ReportError } from '../errors';

export const REPORT_MANIFEST = 'manifest.json';

/**
 * Checks that `dir` can hold a report: absent, empty, or holding an earlier report (whose files are
 * then removed). A folder with another manifest (a run's or a sweep's) is refused: it would be
 * overwritten.
 */
export function prepareReportFolder(dir: string, sources: readonly string[]): void {
  for (const s of sources) {
    if (path.resolve(s) === path.resolve(dir)) throw new ReportError(`--out ${dir}: is the folder being reported on; choose another --out`);
  }
  if (!fs.existsSync(dir)) return;
  if (!fs.statSync(dir).isDirectory()) throw new ReportError(`--out ${dir}: is a file, not a folder`);
  const manifestFile = path.join(dir, REPORT_MANIFEST);
  if (!fs.existsSync(manifestFile)) return;
  let manifest: { kind?: string; files?: unknown };
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { kind?: string; files?: unknown };
  } catch {
    throw new ReportError(`--out ${dir}: holds a ${REPORT_MANIFEST} that is not a report's; choose another --out`);
  }
  if (manifest.kind !== 'report') throw new ReportError(`--out ${dir}: holds the outputs of ${manifest.kind === 'sweep' ? 'a sweep' : 'a run'} (${REPORT_MANIFEST}); choose another --out`);
  const files = Array.isArray(manifest.files) ? manifest.files.filter((f): f is string => typeof f === 'string') : [];
  const root = path.resolve(dir);
  for (const f of [...files, REPORT_MANIFEST]) {
    const file = path.resolve(root, f);
    // Only paths inside the folder: a hand-edited manifest must not delete anything elsewhere.
    if (file.startsWith(`${root}${path.sep}`)) fs.rmSync(file, { force: true });
  }
  for (const sub of ['charts', 'data']) {
    const d = path.join(root, sub);
    if (fs.existsSync(d) && fs.readdirSync(d).length === 0) fs.rmdirSync(d);
  }
}
