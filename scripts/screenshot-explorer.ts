/// <reference lib="dom" />
/**
 * docs/explorer.png, the README's picture of the explorer: a page written by `prover-sim explore`,
 * opened in headless Chromium with the network cut off, two assumptions changed, run, and the
 * panel photographed (inputs, command, table and the first chart). `npm run docs:screenshot`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { launchChromium } from '../src/browser';
import { writeExplorePage } from '../src/explorer/page-file';

const OUT = path.join(__dirname, '..', 'docs', 'explorer.png');

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prover-sim-screenshot-'));
  const browser = await launchChromium();
  try {
    const { file } = writeExplorePage({ scenarios: ['permissionless-race'], out: dir, seeds: 5 });
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1 });
    await page.route(/^(?!file:)/, (route) => route.abort());
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => document.querySelector('[data-explorer-status]')?.getAttribute('data-run') === '1', undefined, { timeout: 120_000 });
    await page.fill('[data-param="rewards.feeUsdPerBatch"]', '30');
    await page.fill('[data-param="rewards.redistributionShare"]', '0.5');
    await page.click('[data-action="run"]');
    await page.waitForFunction(() => document.querySelector('[data-explorer-status]')?.getAttribute('data-run') === '2', undefined, { timeout: 120_000 });
    // The panel down to its first chart: the rest of the charts are the report's, one after another.
    await page.evaluate(() => document.querySelectorAll<HTMLElement>('[data-explorer-charts] figure').forEach((f, i) => { if (i > 0) f.style.display = 'none'; }));
    await page.waitForTimeout(500);
    await page.locator('.prover-sim-explorer').screenshot({ path: OUT });
    process.stdout.write(`wrote ${OUT} (${(fs.statSync(OUT).size / 1024).toFixed(0)} kB)\n`);
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(1);
});
