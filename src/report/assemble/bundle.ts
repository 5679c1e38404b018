/**
 * report.zip: what a forum poster needs in one file to drag into the editor: report.md and the PNG
 * charts it links, at the same relative paths (charts/<id>.png), so the links still resolve when
 * the archive is unpacked. Zipped with fflate (deflate for the text; PNGs are already compressed
 * and are stored as they are).
 */
import * as fs from 'fs';
import * as path from 'path';
import { zipSync, type Zippable } from 'fflate';
import { REPORT_MD } from '../files';

/** A fixed date for every entry, so the same report gives the same archive bytes. */
const ENTRY_DATE = new Date(Date.UTC(2000, 0, 1));

/** The zip archive of report.md (text) and the PNG files (paths relative to the report folder). */
export function reportBundle(reportMd: string, dir: string, pngFiles: readonly string[]): Uint8Array {
  const entries: Zippable = { [REPORT_MD]: [Buffer.from(reportMd, 'utf8'), { level: 9, mtime: ENTRY_DATE }] };
  for (const file of [...pngFiles].sort()) {
    entries[file.split(path.sep).join('/')] = [fs.readFileSync(path.join(dir, file)), { level: 0, mtime: ENTRY_DATE }];
  }
  return zipSync(entries);
}
