/// <reference lib="dom" />
/**
 * The explorer as a reader meets it: a report's index.html opened from disk in Chromium with the
 * network cut off. The reader changes assumptions through the data-param inputs and runs; the
 * data-metric numbers must be exactly those of `prover-sim run` with the command the page prints,
 * the charts redraw, an invalid value shows the schema's message and runs nothing, and the link
 * (URL fragment) brings back the inputs and the numbers. Runs of one year keep it fast; one run of
 * five years logs the in-page time (not asserted: timings are for `npm run bench`).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, watchedPage, type PageWatch } from './support/browser';
import { tmpDir } from './helpers/tmp';
import { explorerNotebookHtml } from '../src/notebook';
import { EXPLORER_PARAMETERS, explorerInputs } from '../src/explorer/params';
import { listPresets, loadScenario } from '../src/io';
import { runSweep } from '../src/experiments';
import { calibrated, provenance } from '../src/model';

const BIN = path.resolve(__dirname, '..', 'bin', 'prover-sim.js');

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** Runs the command the page prints (`npx prover-sim run ...`, simple words only) and reads its summary.json and daily active provers. */
function runPrinted(command: string, out: string): { summary: Record<string, unknown>; activeProvers: number[]; ms: number } {
  // Words as shellQuote writes them: plain, or in single quotes (none of ours holds a quote).
  const words = Array.from(command.matchAll(/'([^']*)'|(\S+)/g), (m) => m[1] ?? m[2]);
  assert.deepEqual(words.slice(0, 3), ['npx', 'prover-sim', 'run'], command);
  const r = cli([...words.slice(2), '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  const [header, ...rows] = fs.readFileSync(path.join(out, 'timeseries.csv'), 'utf8').trim().split('\n');
  const column = header.split(',').indexOf('active_provers');
  const ms = Number(/ran in (\d+) ms/.exec(r.stdout)?.[1]);
  return { summary: readJson(path.join(out, 'summary.json')), activeProvers: rows.map((r) => Number(r.split(',')[column])), ms };
}

/** A data-metric key's value in a run's summary.json (class profits are profitUsdByClass there). */
function cliValue(run: ReturnType<typeof runPrinted>, key: string): unknown {
  if (key === 'activeProversFirstYear') {
    const firstYear = run.activeProvers.slice(0, 365);
    return firstYear.reduce((a, b) => a + b, 0) / firstYear.length;
  }
  if (key.startsWith('profitUsd.')) return (run.summary.profitUsdByClass as Record<string, number>)[key.slice('profitUsd.'.length)];
  return run.summary[key];
}

interface Shown {
  key: string;
  value: number;
  text: string;
}

const shownMetrics = (page: Page): Promise<Shown[]> =>
  page.$$eval('[data-metric]', (cells) => cells.map((c) => ({ key: c.getAttribute('data-metric') ?? '', value: JSON.parse(c.getAttribute('data-value') ?? 'null'), text: c.textContent ?? '' })));

const runCount = (page: Page) => page.getAttribute('[data-explorer-status]', 'data-run');

/** Clicks Run and waits for the run after `before` to be shown. */
async function runAndWait(page: Page, before: string | null): Promise<void> {
  await page.click('[data-action="run"]');
  await page.waitForFunction((n) => document.querySelector('[data-explorer-status]')?.getAttribute('data-run') !== n, before, { timeout: 120_000 });
}

/** The y values of the explorer's active-provers chart, and the run that drew it. */
const activeChart = (page: Page) =>
  page.$eval('#explorer-chart-active-provers', (d) => ({
    run: d.getAttribute('data-run'),
    drawn: d.querySelector('svg.main-svg g.trace') !== null,
    y: ((d as unknown as { data: Array<{ y?: number[] }> }).data ?? []).map((t) => t.y ?? []),
  }));

describe('the explorer in a report\'s index.html (Chromium, offline)', () => {
  let work: string;
  let report: string;
  let browser: Browser;
  let watch: PageWatch;
  let page: Page;
  let sharedUrl = '';
  let sharedMetrics: Shown[] = [];

  before(async () => {
    work = tmpDir('explorer');
    report = path.join(work, 'report');
    const r = cli(['report', 'permissionless-race', '--seeds', '2', '--days', '365', '--seed', '7', '--no-charts', '--out', report]);
    assert.equal(r.code, 0, r.stderr);
    browser = await launchBrowser();
    watch = await watchedPage(browser);
    page = watch.page;
    await page.goto(`file://${path.join(report, 'index.html')}`);
    await page.waitForSelector('[data-param="rewards.feeUsdPerBatch"]');
  });
  after(async () => {
    await browser?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('offers the documented inputs with unit, range, default and source, and a CSP that allows only the Blob worker', async () => {
    const params = await page.$$eval('[data-param]', (inputs) => inputs.map((i) => i.getAttribute('data-param')));
    for (const p of ['rewards.feeUsdPerBatch', 'rewards.redistributionShare', 'costs.hardwareYearlyDecline', 'hardware.asic.availableFromYear', 'behaviour.entryProbabilityPerDay', 'seed']) assert.ok(params.includes(p), `no input for ${p}: ${params.join(', ')}`);
    const help = await page.$eval('[data-param="rewards.redistributionShare"]', (i) => i.parentElement?.querySelector('small')?.textContent ?? '');
    assert.match(help, /unit: share; allowed: at least 0 and at most 1; default 0\.\d+; source: .+/);
    const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.getAttribute('content') ?? '');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /worker-src blob:/);
    assert.doesNotMatch(csp, /unsafe-eval|https?:/);
  });

  it('with the report\'s inputs, gives the report\'s medians exactly', async () => {
    const summary = readJson(path.join(report, 'summary.json'));
    await runAndWait(page, await runCount(page));
    const shown = await shownMetrics(page);
    const metrics = summary.scenarios[0].metrics as Array<{ key: string; median: number }>;
    assert.deepEqual(shown.map((s) => s.key), metrics.map((m) => m.key), 'the report\'s table, row for row');
    for (const m of metrics) assert.equal(shown.find((s) => s.key === m.key)!.value, m.median, m.key);
  });

  it('with rewards.redistributionShare and rewards.feeUsdPerBatch set, shows exactly the summary.json of the CLI command it prints', async () => {
    const before = await activeChart(page);
    await page.fill('[data-param="rewards.redistributionShare"]', '0.45');
    await page.fill('[data-param="rewards.feeUsdPerBatch"]', '31.5');
    await page.fill('[data-control="seeds"]', '1');
    await runAndWait(page, await runCount(page));
    const command = (await page.textContent('[data-explorer-cli]')) ?? '';
    assert.match(command, /^npx prover-sim run permissionless-race --seed \d+ --days 365 --set rewards\.feeUsdPerBatch=31\.5 --set rewards\.redistributionShare=0\.45$/);
    const run = runPrinted(command, path.join(work, 'cli-run'));
    const shown = await shownMetrics(page);
    assert.ok(shown.length >= 20, `${shown.length} headline numbers`);
    for (const s of shown) assert.equal(s.value, cliValue(run, s.key), `${s.key}: page ${s.value}, CLI ${String(cliValue(run, s.key))}`);
    // The printed text is the number, not a stale one.
    assert.ok(shown.every((s) => s.text.trim() !== '' && s.text !== 'n/a'));
    // The chart redrew with the new run's numbers.
    const after = await activeChart(page);
    assert.ok(after.drawn, 'chart not drawn');
    assert.notEqual(after.run, before.run, 'the chart was not drawn again');
    assert.notDeepEqual(after.y, before.y, 'the chart shows the same numbers as before');
    sharedUrl = page.url();
    sharedMetrics = shown;
  });

  it('gives the CLI\'s numbers for a fee that grows with time (a mathjs expression, no eval under the CSP)', async () => {
    await page.fill('[data-param="rewards.feeUsdPerBatch"]', '20 * 1.08^t + 2*exp(-t)');
    await runAndWait(page, await runCount(page));
    const command = (await page.textContent('[data-explorer-cli]')) ?? '';
    assert.ok(command.includes(`'rewards.feeUsdPerBatch=20 * 1.08^t + 2*exp(-t)'`), command);
    const run = runPrinted(command, path.join(work, 'cli-expression'));
    for (const s of await shownMetrics(page)) assert.equal(s.value, cliValue(run, s.key), s.key);
    await page.fill('[data-param="rewards.feeUsdPerBatch"]', '31.5');
  });

  it('shows the schema\'s message next to an invalid value and runs nothing', async () => {
    const runBefore = await runCount(page);
    const tableBefore = await shownMetrics(page);
    await page.fill('[data-param="rewards.redistributionShare"]', '1.5');
    await page.click('[data-action="run"]');
    const message = page.locator('[data-error-for="rewards.redistributionShare"]');
    await message.filter({ hasText: /\S/ }).waitFor({ timeout: 30_000 });
    const cliError = cli(['run', 'permissionless-race', '--days', '365', '--set', 'rewards.redistributionShare=1.5']);
    assert.equal(cliError.code, 2);
    assert.equal(`prover-sim: error: invalid scenario: ${await message.textContent()}`, cliError.stderr.trim(), 'the CLI\'s one-line message');
    assert.equal(await page.getAttribute('[data-param="rewards.redistributionShare"]', 'aria-invalid'), 'true');
    await page.waitForFunction(() => /Not run/.test(document.querySelector('[data-explorer-status]')?.textContent ?? ''));
    await page.waitForTimeout(300);
    assert.equal(await runCount(page), runBefore, 'a run happened');
    assert.deepEqual(await shownMetrics(page), tableBefore, 'the numbers changed');
  });

  it('restores the inputs and the numbers from the link\'s fragment', async () => {
    assert.match(sharedUrl, /#.*rewards\.redistributionShare=0\.45/);
    const again = await watchedPage(browser);
    try {
      await again.page.goto(sharedUrl);
      await again.page.waitForFunction(() => document.querySelector('[data-explorer-status]')?.getAttribute('data-run') === '1', undefined, { timeout: 120_000 });
      assert.equal(await again.page.inputValue('[data-param="rewards.redistributionShare"]'), '0.45');
      assert.equal(await again.page.inputValue('[data-param="rewards.feeUsdPerBatch"]'), '31.5');
      assert.equal(await again.page.inputValue('[data-control="seeds"]'), '1');
      assert.deepEqual(await shownMetrics(again.page), sharedMetrics);
      assert.deepEqual(again.networkRequests, []);
      assert.deepEqual(again.errors, []);
    } finally {
      await again.page.close();
    }
  });

  it('sent no request and logged no error', () => {
    assert.deepEqual(watch.networkRequests, [], 'requests outside file://');
    assert.deepEqual(watch.errors, []);
  });
});

describe('prover-sim explore (Chromium, offline)', () => {
  let work: string;
  let browser: Browser;

  before(async () => {
    work = tmpDir('explore');
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('writes a page without running a report, prints its path, and its five-year run of the default scenario equals the CLI\'s', async () => {
    const out = path.join(work, 'page');
    const r = cli(['explore', '--seeds', '1', '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    const file = path.join(out, 'index.html');
    assert.ok(r.stdout.includes(file), r.stdout);
    assert.deepEqual(fs.readdirSync(out), ['index.html'], 'only the page');
    const { page, networkRequests, errors } = await watchedPage(browser);
    await page.goto(`file://${file}`);
    // The page runs at once; the worker reports its time.
    await page.waitForFunction(() => document.querySelector('[data-explorer-status]')?.getAttribute('data-run') === '1', undefined, { timeout: 120_000 });
    const status = await page.$eval('[data-explorer-status]', (s) => ({ total: s.getAttribute('data-total-ms'), simulate: s.getAttribute('data-simulate-ms') }));
    const command = (await page.textContent('[data-explorer-cli]')) ?? '';
    assert.match(command, /^npx prover-sim run permissionless-race --seed \d+$/);
    const run = runPrinted(command, path.join(work, 'cli'));
    const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
    console.log(`explorer: one five-year run of permissionless-race in the page took ${status.simulate} ms to simulate, ${status.total} ms in all in the worker; the same run by the CLI ${run.ms} ms (page ${(fs.statSync(file).size / 1e6).toFixed(2)} MB, load average ${load})`);
    for (const s of await shownMetrics(page)) assert.equal(s.value, cliValue(run, s.key), s.key);
    assert.deepEqual(networkRequests, []);
    assert.deepEqual(errors, []);
  });

  it('refuses an unknown scenario with one line and exit code 2, writing nothing', () => {
    const out = path.join(work, 'bad');
    const r = cli(['explore', 'no-such-preset', '--out', out]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^prover-sim: error: unknown scenario "no-such-preset": .*\n$/);
    assert.ok(!fs.existsSync(out));
  });
});

describe('the explorer in a notebook output (Chromium, offline)', () => {
  it('two panels on one page each build and run, with ids of their own', async () => {
    const work = tmpDir('explorer-notebook');
    // As a notebook page holds them: plotly once, then each cell's output after it.
    const first = explorerNotebookHtml('permissionless-race', { seeds: 1, days: 60 }, true);
    const second = explorerNotebookHtml('centralized-with-backup', { seeds: 1, days: 60 }, false);
    const file = path.join(work, 'notebook.html');
    fs.writeFileSync(file, `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div class="output">${first}</div><div class="output">${second}</div></body></html>`);
    const browser = await launchBrowser();
    try {
      const { page, networkRequests, errors } = await watchedPage(browser);
      await page.goto(`file://${file}`);
      await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-explorer-status]')).every((s) => s.getAttribute('data-run') === '1') && document.querySelectorAll('[data-explorer-status]').length === 2, undefined, { timeout: 120_000 });
      const ids = await page.$$eval('[id]', (els) => els.map((e) => e.id));
      assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'duplicate ids');
      const governance = await page.$$eval('.prover-sim-explorer', (sections) => sections.map((s) => s.querySelector('[data-param="mechanism.governanceDelayHours"]') !== null));
      assert.deepEqual(governance, [false, true], 'each panel offers its own scenario\'s inputs');
      const cli = await page.$$eval('[data-explorer-cli]', (els) => els.map((e) => e.textContent));
      assert.match(cli[0] ?? '', /^npx prover-sim run permissionless-race --seed \d+ --days 60$/);
      assert.match(cli[1] ?? '', /^npx prover-sim run centralized-with-backup --seed \d+ --days 60$/);
      assert.deepEqual(networkRequests, []);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });
});

describe('the explorer\'s inputs (from the schema declarations)', () => {
  const scenario = (ref: string, set: string[] = []) => loadScenario(ref, { set }).scenario;

  it('every listed parameter is declared by the schema in some preset (a renamed path fails here)', () => {
    const presets = listPresets().map((p) => scenario(p.name));
    for (const p of EXPLORER_PARAMETERS) {
      assert.ok(presets.some((s) => explorerInputs(s, [{ ...p, applies: undefined }]).length === 1), `${p.path}: no preset declares it`);
    }
  });

  it('offers what matters in the scenario: the governance delay or the timeout, whichever opens the backup pool', () => {
    const paths = (s: Parameters<typeof explorerInputs>[0]) => explorerInputs(s).map((i) => i.path);
    assert.ok(paths(scenario('centralized-with-backup')).includes('mechanism.governanceDelayHours'));
    assert.ok(!paths(scenario('centralized-with-backup')).includes('mechanism.timeoutHours'));
    const timeout = paths(scenario('centralized-with-backup', ['mechanism.backupTrigger=timeout']));
    assert.ok(timeout.includes('mechanism.timeoutHours') && !timeout.includes('mechanism.governanceDelayHours'));
    assert.ok(!paths(scenario('permissionless-race')).some((p) => p.startsWith('mechanism.')), 'a race has no delay to set');
  });

  it('reads unit, range, default and source from the declarations and data/calibration', () => {
    const inputs = new Map(explorerInputs(scenario('permissionless-race')).map((i) => [i.path, i]));
    const share = inputs.get('rewards.redistributionShare')!;
    assert.equal(share.unit, 'share');
    assert.equal(share.range, 'at least 0 and at most 1');
    assert.equal(share.defaultValue, String(calibrated('rewards.redistributionShare')));
    assert.equal(share.source, provenance('rewards.redistributionShare'));
    assert.equal(inputs.get('costs.hardwareYearlyDecline')!.range, 'at least 0 and less than 1');
    assert.match(inputs.get('seed')!.range, /^a whole number, at least 0 and at most 4294967295$/);
    assert.match(inputs.get('rewards.feeUsdPerBatch')!.range, /expression of t/);
    const asic = inputs.get('hardware.asic.availableFromYear')!;
    assert.equal(asic.defaultValue, String(calibrated('hardware.kinds.asic.availableFromYear')));
    assert.equal(asic.source, provenance('hardware.kinds.asic.availableFromYear'));
  });
});

describe('the explorer of a sweep report (Chromium, offline)', () => {
  it('starts from the sweep\'s base scenario, written to data/scenario.json, and gives `prover-sim run` of that file', async () => {
    const work = tmpDir('explorer-sweep');
    const sweep = path.join(work, 'sweep');
    await runSweep({ scenario: 'permissionless-race', days: 60, set: ['rewards.feeUsdPerBatch=25'], grid: { 'rewards.redistributionShare': [0, 0.4] }, seeds: 1, out: sweep, workers: 0 });
    const out = path.join(work, 'report');
    const r = cli(['report', sweep, '--no-charts', '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    const base = readJson(path.join(out, 'data', 'scenario.json'));
    assert.equal(base.rewards.feeUsdPerBatch, 25, 'the sweep\'s --set is in its base scenario');
    const browser = await launchBrowser();
    try {
      const { page, networkRequests, errors } = await watchedPage(browser);
      await page.goto(`file://${path.join(out, 'index.html')}`);
      await page.waitForSelector('[data-param="rewards.feeUsdPerBatch"]');
      assert.equal(await page.inputValue('[data-param="rewards.feeUsdPerBatch"]'), '25');
      await page.fill('[data-param="behaviour.entryProbabilityPerDay"]', '0.3');
      await runAndWait(page, await runCount(page));
      const command = (await page.textContent('[data-explorer-cli]')) ?? '';
      assert.match(command, /^npx prover-sim run '<report folder>\/data\/scenario\.json' --seed \d+ --set behaviour\.entryProbabilityPerDay=0\.3$/);
      const run = runPrinted(command.replace("'<report folder>/data/scenario.json'", path.join(out, 'data', 'scenario.json')), path.join(work, 'cli'));
      for (const s of await shownMetrics(page)) assert.equal(s.value, cliValue(run, s.key), s.key);
      assert.deepEqual(networkRequests, []);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });
});
