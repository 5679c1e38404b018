/**
 * The last stage of a report: a written report (document, summary, data files) becomes a folder.
 * The charts are rendered to PNG and SVG in headless Chromium (or the report says why not), the
 * document is rendered to report.md (fitted to one forum post) and index.html, report.zip bundles
 * report.md with its PNGs, and everything is written with manifest.json listing every file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CHROMIUM_INSTALL_ALTERNATIVE } from '../../browser/find';
import { writeFileAtomic } from '../../io/files';
import { environmentInfo } from '../../io/manifest';
import type { BuiltReport } from '../write/context';
import { chartsOf, type Inline } from '../write/document';
import { BUNDLE_FILE, INDEX_HTML, REPORT_MD } from '../files';
import { reportBundle } from './bundle';
import { REPORT_MANIFEST } from './folder';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import { renderCharts, type RenderOutcome } from './render-charts';

export type ReportKind = 'scenario' | 'comparison' | 'sweep' | 'answers';

export interface ReportResult {
  outDir: string;
  kind: ReportKind;
  reportMd: string;
  indexHtml: string;
  /** report.zip: report.md and its PNG charts, to drag into a forum post. */
  bundle: string;
  /** Every file written, relative to outDir. */
  files: string[];
  charts: RenderOutcome;
  summary: Record<string, unknown>;
  timings: { simulateMs: number; renderMs: number; totalMs: number };
}

export interface AssembleOptions {
  /** The report folder (absolute; prepared by prepareReportFolder). */
  outDir: string;
  kind: ReportKind;
  /** Render PNG and SVG charts (false: skip the browser). */
  charts: boolean;
  chromiumPath?: string;
  searchDefaultBrowsers?: boolean;
  /** What the report was made from, for the manifest ("(object)" for a scenario object). */
  sources: string[];
  /** The command line as typed (default: the report's own command). */
  command?: string;
  version: string;
  gitCommit: string;
  /** When the report was started (performance.now()), and the time spent simulating. */
  startedMs: number;
  simulateMs: number;
  /** Extra manifest fields (a sweep's manifest). */
  extraManifest?: Record<string, unknown>;
  log: (line: string) => void;
  warn: (line: string) => void;
}

/** Renders the charts, writes report.md, index.html, summary.json, the data files and manifest.json. */
export async function assembleReport(built: BuiltReport, o: AssembleOptions): Promise<ReportResult> {
  const { outDir, log, warn } = o;
  const doc = built.doc;
  const charts = chartsOf(doc);
  fs.mkdirSync(outDir, { recursive: true });
  let rendered: RenderOutcome;
  if (!o.charts) {
    rendered = { rendered: false, files: [], reason: 'chart rendering was turned off (--no-charts)', ms: 0 };
  } else {
    log(`report: rendering ${charts.length} charts to PNG and SVG in headless Chromium`);
    rendered = await renderCharts(outDir, charts, { executablePath: o.chromiumPath, searchDefaults: o.searchDefaultBrowsers });
  }
  if (!rendered.rendered) {
    const notice: Inline[] = [`The charts were not rendered to PNG and SVG: ${rendered.reason}. `];
    if (rendered.installCommand) notice.push('Install a browser with ', { code: rendered.installCommand }, ` (${CHROMIUM_INSTALL_ALTERNATIVE}), then run the command under "Reproduce" again. `);
    notice.push('The interactive charts are in ', { link: 'index.html', href: 'index.html' }, '.');
    doc.notices.push(notice);
    if (o.charts) {
      const install = rendered.installCommand ? `\n  Install a browser with: ${rendered.installCommand}   (${CHROMIUM_INSTALL_ALTERNATIVE})` : '';
      warn(`prover-sim: charts not rendered: ${rendered.reason}.${install}\n  report.md, index.html and the data are written, without PNG/SVG charts.`);
    }
  }

  const missingReason = rendered.installCommand ? 'not rendered (no browser: see the note at the top); the interactive chart is in index.html' : `not rendered (${rendered.reason}); the interactive chart is in index.html`;
  const files: Record<string, string> = {
    [REPORT_MD]: renderMarkdown(doc, { rendered: rendered.rendered, missingReason }),
    [INDEX_HTML]: renderHtml(doc, { rendered: rendered.rendered }),
    'summary.json': `${JSON.stringify(built.summary, null, 2)}\n`,
    ...built.data,
  };
  for (const [name, text] of Object.entries(files)) writeFileAtomic(path.join(outDir, name), text);
  // One file for the forum poster: report.md with the PNGs it links.
  writeFileAtomic(path.join(outDir, BUNDLE_FILE), reportBundle(files[REPORT_MD], outDir, rendered.files.filter((f) => f.endsWith('.png'))));
  const written = [...Object.keys(files), BUNDLE_FILE, ...rendered.files].sort();
  const totalMs = performance.now() - o.startedMs;
  const manifest = {
    tool: 'prover-sim',
    kind: 'report',
    reportKind: o.kind,
    version: o.version,
    gitCommit: o.gitCommit,
    command: o.command ?? built.command,
    reproduce: built.command,
    sources: o.sources,
    masterSeed: built.summary.masterSeed,
    seeds: built.summary.seeds,
    charts: { rendered: rendered.rendered, count: charts.length, browser: rendered.browserVersion, reason: rendered.reason },
    durationMs: { simulate: Math.round(o.simulateMs), render: Math.round(rendered.ms), total: Math.round(totalMs) },
    environment: environmentInfo(),
    files: [...written, REPORT_MANIFEST],
    ...(o.extraManifest ?? {}),
  };
  writeFileAtomic(path.join(outDir, REPORT_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  log(`report: wrote report.md, index.html, report.zip, summary.json, ${rendered.files.length} chart files and ${Object.keys(built.data).length} data files in ${(totalMs / 1000).toFixed(1)} s (simulation ${(o.simulateMs / 1000).toFixed(1)} s, charts ${(rendered.ms / 1000).toFixed(1)} s)`);
  return {
    outDir,
    kind: o.kind,
    reportMd: path.join(outDir, REPORT_MD),
    indexHtml: path.join(outDir, INDEX_HTML),
    bundle: path.join(outDir, BUNDLE_FILE),
    files: manifest.files,
    charts: rendered,
    summary: built.summary,
    timings: { simulateMs: o.simulateMs, renderMs: rendered.ms, totalMs },
  };
}
