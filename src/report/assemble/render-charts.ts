/**
 * PNG and SVG files of a report's charts, drawn by plotly.js in headless Chromium from the very
 * figure specs the HTML page draws live, so the files and the page show the same charts. The page
 * loads plotly from node_modules through a file:// URL and is cut off from the network.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Figure } from '../../charts/figure';
import { DEFAULT_HEIGHT_PX } from '../../charts/theme';
import { BrowserUnavailableError, launchChromium, type FindChromiumOptions } from '../../browser';
import { writeFileAtomic } from '../../io/files';
import type { ReportChart } from '../write/document';

/** Width of every rendered chart in CSS pixels: a forum post's column, roughly. */
export const CHART_WIDTH_PX = 960;
/** PNG pixels per CSS pixel: sharp on high-density screens, still small files. */
export const PNG_SCALE = 2;

/** The size a chart is rendered at (CSS pixels; the PNG is PNG_SCALE times larger). */
export function chartSize(figure: Figure): { width: number; height: number } {
  const h = figure.layout.height;
  return { width: CHART_WIDTH_PX, height: typeof h === 'number' && h > 0 ? Math.round(h) : DEFAULT_HEIGHT_PX };
}

export interface RenderOutcome {
  rendered: boolean;
  /** Files written, relative to the report folder. */
  files: string[];
  /** Why nothing was rendered (no browser, browser failed). */
  reason?: string;
  /** The command that installs a browser, when none was usable. */
  installCommand?: string;
  /** The browser's version, when one ran. */
  browserVersion?: string;
  ms: number;
}

export interface RenderOptions extends FindChromiumOptions {
  /** Longest the whole rendering may take, ms (default 120 s). */
  timeoutMs?: number;
}

/** Renders every chart to charts/<id>.png and charts/<id>.svg under `dir`. Never throws for a missing browser. */
export async function renderCharts(dir: string, charts: readonly ReportChart[], options: RenderOptions = {}): Promise<RenderOutcome> {
  const t0 = performance.now();
  if (charts.length === 0) return { rendered: true, files: [], ms: 0 };
  let browser;
  try {
    browser = await launchChromium(options);
  } catch (err) {
    if (err instanceof BrowserUnavailableError) return { rendered: false, files: [], reason: err.message, installCommand: err.installCommand, ms: performance.now() - t0 };
    throw err;
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'prover-sim-render-'));
  try {
    const browserVersion = browser.version();
    const page = await browser.newPage();
    page.setDefaultTimeout(options.timeoutMs ?? 120_000);
    // Only the page and the plotly bundle, both file:// URLs, may load.
    await page.route(/^(?!file:)/, (route) => route.abort());
    const bundleUrl = pathToFileURL(require.resolve('plotly.js-dist-min')).href;
    const pageFile = path.join(scratch, 'render.html');
    fs.writeFileSync(pageFile, `<!DOCTYPE html><html><head><meta charset="utf-8"><script src="${bundleUrl}"></script></head><body></body></html>`);
    await page.goto(pathToFileURL(pageFile).href);
    const files: string[] = [];
    for (const chart of charts) {
      const { width, height } = chartSize(chart.figure);
      const spec = { data: chart.figure.data, layout: chart.figure.layout, config: { ...(chart.figure.config ?? {}), staticPlot: true } };
      const [png, svg] = await page.evaluate(
        async ([fig, w, h, scale]) => {
          const plotly = (globalThis as unknown as { Plotly: { toImage(f: unknown, o: Record<string, unknown>): Promise<string> } }).Plotly;
          return [await plotly.toImage(fig, { format: 'png', width: w, height: h, scale }), await plotly.toImage(fig, { format: 'svg', width: w, height: h })];
        },
        [spec, width, height, PNG_SCALE] as const,
      );
      writeFileAtomic(path.join(dir, 'charts', `${chart.id}.png`), decodeDataUrl(png));
      writeFileAtomic(path.join(dir, 'charts', `${chart.id}.svg`), decodeDataUrl(svg));
      files.push(`charts/${chart.id}.png`, `charts/${chart.id}.svg`);
    }
    return { rendered: true, files, browserVersion, ms: performance.now() - t0 };
  } finally {
    await browser.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** The bytes of a data: URL (plotly returns base64 PNG and percent-encoded SVG). */
export function decodeDataUrl(url: string): Buffer {
  const comma = url.indexOf(',');
  if (!url.startsWith('data:') || comma < 0) throw new Error(`not a data URL: ${url.slice(0, 40)}`);
  const meta = url.slice(5, comma);
  const body = url.slice(comma + 1);
  return meta.endsWith(';base64') ? Buffer.from(body, 'base64') : Buffer.from(decodeURIComponent(body), 'utf8');
}
