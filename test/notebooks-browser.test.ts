/// <reference lib="dom" />
/**
 * Charts as people see them, in headless Chromium with no network:
 * - each notebook's nbconvert HTML export draws all its charts, with no console errors, and holds
 *   the plotly bundle exactly once;
 * - the HTML of a figure draws however a notebook front end inserts it (a module loader on the
 *   page as in the classic notebook, the figure before the bundle, scripts run before the output
 *   is attached as in JupyterLab, script copies run after the output as in VS Code);
 * - the quick start, run live in the classic notebook server, draws its charts.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { FIGURE_CLASS, figureHtml, plotlyBundleScript, type Figure } from '../src/charts';
import { drawnFigures, launchBrowser, watchedPage } from './support/browser';
import { executedNotebooks, htmlExport, notebookFiles, readNotebook, ROOT } from './support/notebooks';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { jupyterEnv } = require(path.join(ROOT, 'scripts', 'jupyter-env.js')) as { jupyterEnv: () => NodeJS.ProcessEnv };

/** Network requests the nbconvert template itself may make (not ours): its RequireJS and MathJax. */
const TEMPLATE_ASSETS = /require(\.min)?\.js|mathjax/i;

let browser: Browser;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'prover-sim-browser-'));
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('notebook HTML exports in Chromium (offline)', () => {
  for (const file of notebookFiles()) {
    const name = path.basename(file, '.ipynb');
    test(`${name}: every chart is drawn, no console errors`, async () => {
      const run = (await executedNotebooks()).find((r) => r.name === name);
      assert.ok(run?.ok, `${name} did not execute (see the notebooks test)`);
      const html = await htmlExport(run);
      const text = fs.readFileSync(html, 'utf8');
      assert.equal(text.split('* plotly.js v').length - 1, 1, 'the plotly bundle should be in the page exactly once');
      const watch = await watchedPage(browser);
      try {
        await watch.page.goto(`file://${html}`, { waitUntil: 'load' });
        const expected = figureCount(run.executedPath);
        assert.ok(expected > 0, 'no charts in the notebook');
        const figures = await drawnFigures(watch.page, { expected });
        assert.equal(figures.length, expected, 'charts in the page vs chart outputs in the notebook');
        for (const f of figures) {
          assert.ok(f.svg, `chart ${f.id} was not drawn`);
          assert.ok(f.traces > 0, `chart ${f.id} has no traces`);
          assert.ok(f.pointsPerTrace.every((n) => n > 0), `chart ${f.id} has an empty trace: ${f.pointsPerTrace.join(', ')}`);
          assert.ok(f.marks > 0, `chart ${f.id} drew nothing in its plot area`);
          assert.ok(f.widthPx > 300, `chart ${f.id} is ${f.widthPx}px wide`);
        }
        assert.deepEqual(watch.errors, []);
        const foreign = watch.networkRequests.filter((u) => !TEMPLATE_ASSETS.test(u));
        assert.deepEqual(foreign, [], 'charts must not load anything from the network');
      } finally {
        await watch.page.close();
      }
    });
  }
});

/** Chart outputs of an executed notebook. */
function figureCount(executedPath: string): number {
  let n = 0;
  for (const cell of readNotebook(executedPath).cells) {
    for (const o of cell.outputs ?? []) {
      const html = (o.data as Record<string, string | string[]> | undefined)?.['text/html'];
      if (html) n += ([] as string[]).concat(html).join('').split(`class="${FIGURE_CLASS}"`).length - 1;
    }
  }
  return n;
}

const figure: Figure = {
  data: [{ type: 'scatter', mode: 'lines', name: 'a </script><script>window.__injected = 1</script>', x: [0, 1, 2], y: [1, 3, 2] }],
  layout: { title: { text: 'insertion test' }, height: 320 },
};

async function drawsIn(pageHtml: string): Promise<{ drawn: boolean; errors: string[]; injected: boolean }> {
  const file = path.join(tmp, `page-${Math.random().toString(36).slice(2)}.html`);
  fs.writeFileSync(file, pageHtml);
  const watch = await watchedPage(browser);
  try {
    await watch.page.goto(`file://${file}`, { waitUntil: 'load' });
    const figures = await drawnFigures(watch.page, { timeoutMs: 10_000 });
    const injected = await watch.page.evaluate(() => (window as unknown as { __injected?: number }).__injected === 1);
    return { drawn: figures.length === 1 && figures[0].svg && figures[0].marks > 0, errors: watch.errors, injected };
  } finally {
    await watch.page.close();
  }
}

const page = (body: string) => `<!doctype html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`;

describe('figure HTML in the ways notebook front ends insert it', () => {
  test('a plain page (nbconvert\'s HTML export): draws; labels cannot inject markup', async () => {
    const r = await drawsIn(page(figureHtml(figure)));
    assert.deepEqual(r, { drawn: true, errors: [], injected: false });
  });

  test('a page with an AMD loader and a global module object (classic notebook): plotly still lands on window', async () => {
    const loader = '<script>window.define=function(){throw new Error("AMD define called")};window.define.amd={};window.module={exports:{}};</script>';
    const r = await drawsIn(page(loader + figureHtml(figure)));
    assert.deepEqual(r, { drawn: true, errors: [], injected: false });
  });

  test('the figure before the bundle: it waits for the bundle', async () => {
    const r = await drawsIn(page(figureHtml(figure, { includePlotly: false }) + plotlyBundleScript()));
    assert.deepEqual(r, { drawn: true, errors: [], injected: false });
  });

  test('scripts re-created inside a detached output, attached later (JupyterLab): draws once attached', async () => {
    // What JupyterLab's HTML renderer does: innerHTML, then a fresh copy of each script.
    const insert = `<script>
      var html = ${JSON.stringify(plotlyBundleScript() + figureHtml(figure, { includePlotly: false })).replace(/</g, '\\u003c')};
      var host = document.createElement('div');
      host.innerHTML = html;
      Array.prototype.slice.call(host.getElementsByTagName('script')).forEach(function (s) {
        var c = document.createElement('script'); c.textContent = s.textContent; s.parentNode.replaceChild(c, s);
      });
      setTimeout(function () { document.body.appendChild(host); }, 300);
    </script>`;
    const r = await drawsIn(page(insert));
    assert.deepEqual(r, { drawn: true, errors: [], injected: false });
  });

  test('scripts re-run as copies appended after the output (VS Code\'s HTML renderer): draws', async () => {
    // What VS Code's built-in renderer does per output: innerHTML into an attached element, then for
    // each script a copy of its text appended at the end and removed again.
    const insert = `<script>
      [${JSON.stringify(plotlyBundleScript()).replace(/</g, '\\u003c')}, ${JSON.stringify(figureHtml(figure, { includePlotly: false })).replace(/</g, '\\u003c')}]
        .forEach(function (html) {
          var output = document.createElement('div');
          output.innerHTML = html;
          document.body.appendChild(output);
          Array.prototype.slice.call(output.getElementsByTagName('script')).forEach(function (s) {
            var copy = document.createElement('script');
            copy.text = s.innerText;
            output.appendChild(copy).parentNode.removeChild(copy);
          });
        });
    </script>`;
    const r = await drawsIn(page(insert));
    assert.deepEqual(r, { drawn: true, errors: [], injected: false });
  });

  test('without the bundle the chart says how to load it', async () => {
    const file = path.join(tmp, 'no-bundle.html');
    fs.writeFileSync(file, page(figureHtml(figure, { includePlotly: false })));
    const watch = await watchedPage(browser);
    try {
      await watch.page.goto(`file://${file}`, { waitUntil: 'load' });
      assert.match(await watch.page.innerText('.prover-sim-figure'), /loadPlotly\(\)/);
      assert.deepEqual(watch.errors, []);
    } finally {
      await watch.page.close();
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

describe('live in the classic notebook server', () => {
  let server: ChildProcess | undefined;
  after(() => {
    server?.kill('SIGTERM');
  });

  test('the quick start runs in the browser and draws its charts', async () => {
    const quick = notebookFiles().find((f) => path.basename(f).startsWith('00-'));
    assert.ok(quick, 'no 00 notebook');
    const headless = (await executedNotebooks()).find((r) => r.name === path.basename(quick, '.ipynb'));
    assert.ok(headless?.ok, 'the quick start did not execute headless');
    // A copy outside the repository, so the server's autosave can never write outputs into notebooks/.
    const dir = fs.mkdtempSync(path.join(tmp, 'live-'));
    const nb = JSON.parse(fs.readFileSync(quick, 'utf8')) as { cells: Array<{ source: string | string[] }> };
    for (const c of nb.cells) c.source = ([] as string[]).concat(c.source).map((l) => l.split("'../dist'").join(JSON.stringify(path.join(ROOT, 'dist')).replace(/"/g, "'")));
    fs.writeFileSync(path.join(dir, 'quick.ipynb'), JSON.stringify(nb));
    const port = await freePort();
    const token = Math.random().toString(36).slice(2);
    const asRoot = process.getuid?.() === 0 ? ['--allow-root'] : [];
    server = spawn('jupyter', ['notebook', '--no-browser', ...asRoot, `--port=${port}`, `--NotebookApp.token=${token}`, `--notebook-dir=${dir}`], { env: jupyterEnv(), stdio: 'ignore' });
    const watch = await watchedPage(browser);
    try {
      const url = `http://127.0.0.1:${port}/notebooks/quick.ipynb?token=${token}`;
      // The page route above answers network requests itself: let the local server through.
      await watch.page.unroute(/^(?!file:)/);
      for (let i = 0; ; i++) {
        try {
          await watch.page.goto(url, { waitUntil: 'load' });
          break;
        } catch (err) {
          if (i > 60) throw err;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
      type J = { Jupyter: { notebook: { kernel?: { is_connected(): boolean }; set_autosave_interval(ms: number): void; execute_all_cells(): void } } };
      await watch.page.waitForFunction(() => (window as unknown as J).Jupyter?.notebook?.kernel?.is_connected() === true, null, { timeout: 30_000 });
      await watch.page.evaluate(() => {
        const nbApi = (window as unknown as J).Jupyter.notebook;
        nbApi.set_autosave_interval(0);
        nbApi.execute_all_cells();
      });
      const expected = figureCount(headless.executedPath);
      const figures = await drawnFigures(watch.page, { expected, timeoutMs: 60_000 });
      assert.equal(figures.length, expected, 'charts drawn live vs in the headless run');
      for (const f of figures) assert.ok(f.svg && f.traces > 0 && f.marks > 0, `chart ${f.id} not drawn: ${JSON.stringify(f)}`);
      // The classic notebook logs its own missing widget extension; only our errors count.
      const ours = watch.errors.filter((e) => !/nbextensions|Failed to load resource/.test(e));
      assert.deepEqual(ours, []);
    } finally {
      await watch.page.close();
    }
  });
});
