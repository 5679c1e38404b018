/// <reference lib="dom" />
/**
 * Headless Chromium for chart tests: the system's Chromium (never a downloaded browser), offline.
 * Pages see no network: requests other than file:// are answered locally and recorded, so a test
 * can assert that charts needed nothing from the network.
 */
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from './notebooks';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { findChromium } = require(path.join(ROOT, 'scripts', 'prereqs.js')) as { findChromium: () => string | undefined };

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: install it (apt-get install chromium) or set CHROMIUM_PATH');
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface PageWatch {
  page: Page;
  /** console.error messages and uncaught exceptions. */
  errors: string[];
  /** URLs requested outside file:// (answered with an empty body). */
  networkRequests: string[];
}

/** A new page that records errors and answers every network request with an empty response. */
export async function watchedPage(browser: Browser): Promise<PageWatch> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const watch: PageWatch = { page, errors: [], networkRequests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') watch.errors.push(`console.error: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => watch.errors.push(`uncaught: ${e.message}`));
  await page.route(/^(?!file:)/, (route) => {
    watch.networkRequests.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/javascript', body: '' });
  });
  return watch;
}

export interface DrawnFigure {
  id: string;
  /** The plotly root svg exists. */
  svg: boolean;
  traces: number;
  /** Points of each trace (x, y, z or values, whichever is longest). */
  pointsPerTrace: number[];
  /** Drawn marks in the plot area (trace paths with geometry, heatmap images). */
  marks: number;
  widthPx: number;
}

/**
 * Waits until at least `expected` prover-sim figures are on the page and all of them are drawn (or
 * the timeout: the caller's assertions then say what is missing), then describes them.
 */
export async function drawnFigures(page: Page, { expected = 1, timeoutMs = 20_000 } = {}): Promise<DrawnFigure[]> {
  await page
    .waitForFunction(
      (n) => {
        const figures = Array.from(document.querySelectorAll('.prover-sim-figure'));
        return figures.length >= n && figures.every((d) => d.querySelector('svg.main-svg'));
      },
      expected,
      { timeout: timeoutMs },
    )
    .catch(() => undefined);
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.prover-sim-figure')).map((d) => {
      const data = ((d as unknown as { data?: Array<Record<string, unknown[] | undefined>> }).data ?? []);
      const len = (v: unknown) => (Array.isArray(v) ? v.length : 0);
      // Traces draw paths (lines, areas, bars) inside .trace groups; heatmaps draw an image.
      const marks = Array.from(d.querySelectorAll('.cartesianlayer .trace path, .cartesianlayer .hm image')).filter((el) => el.tagName === 'image' || (el.getAttribute('d') ?? '').length > 4).length;
      return {
        id: d.id,
        svg: d.querySelector('svg.main-svg') !== null,
        traces: data.length,
        pointsPerTrace: data.map((t) => Math.max(len(t.x), len(t.y), len(t.z), len(t.values))),
        marks,
        widthPx: d.getBoundingClientRect().width,
      };
    }),
  );
}
