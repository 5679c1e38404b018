/**
 * `prover-sim report` as a forum poster meets it: the files, real PNG charts of the right size,
 * links that resolve, numbers that match summary.json, scenario text that never becomes markup,
 * an index.html that draws every chart offline, and a report that still comes out without Chromium.
 * Short runs (60 days, 2-3 seeds) keep the suite fast.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { unzipSync } from 'fflate';
import { launchChromium } from '../src/browser';
import { runSweep } from '../src/experiments';
import { formatQuantity, type QuantityKind } from '../src/report';

const BIN = path.resolve(__dirname, '..', 'bin', 'prover-sim.js');
const EVIL_NAME = '<img src=x onerror=alert(1)>';
const EVIL_LABEL = '<b onmouseover=alert(4)>Rollup team</b>';
const EVIL_DESCRIPTION = '# not a heading <script>alert(2)</script> [click](javascript:alert(3)) **x** | $1 and $2';

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `prover-sim-report-${name}-`));
const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
const json = (dir: string, file: string) => JSON.parse(read(dir, file));

/** Width and height from a PNG's IHDR chunk (after the 8-byte signature). */
function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  assert.deepEqual([...b.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${file}: not a PNG`);
  assert.equal(b.toString('latin1', 12, 16), 'IHDR', `${file}: no IHDR chunk first`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Markdown without code spans and fenced blocks: where text could become markup. */
function outsideCode(md: string): string {
  return md.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, '').replace(/(`+)[\s\S]*?\1/g, '');
}

/** Plain text of escaped Markdown: entities and backslash escapes undone. */
function unescapeMarkdown(text: string): string {
  return text
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The lines of a `## heading` section. */
function section(md: string, heading: string): string[] {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => l === `## ${heading}`);
  assert.ok(start >= 0, `no "## ${heading}" section`);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** Cells of the Markdown table rows in some lines (header and rule skipped). */
function tableRows(lines: string[]): string[][] {
  const rows = lines.filter((l) => l.startsWith('|')).map((l) => l.slice(1, -1).split(/(?<!\\) \| /).map((c) => unescapeMarkdown(c.trim())));
  return rows.slice(2);
}

/** The value a printed number stands for, and how precisely it was printed. */
function parseQuantity(text: string): { value: number; tolerance: number } {
  const m = /^(-)?(\$)?([\d,]*\.?\d+)(k|M|B)?\s*(%|s|min|h|days)?$/.exec(text.trim());
  assert.ok(m, `not a report number: "${text}"`);
  const digits = m[3].replace(/,/g, '');
  const scale = { k: 1e3, M: 1e6, B: 1e9 }[m[4] as 'k' | 'M' | 'B'] ?? 1;
  const unit = ({ '%': 0.01, s: 1 / 3600, min: 1 / 60, days: 24 } as Record<string, number>)[m[5]] ?? 1;
  const decimals = digits.includes('.') ? digits.split('.')[1].length : 0;
  const value = (m[1] ? -1 : 1) * Number(digits) * scale * unit;
  // Half a unit of the last printed digit, or 3 significant digits, whichever is looser.
  return { value, tolerance: Math.max(0.5 * 10 ** -decimals * scale * unit, Math.abs(value) * 5e-3) + 1e-12 };
}

function assertPrinted(text: string, expected: number, what: string) {
  const { value, tolerance } = parseQuantity(text);
  assert.ok(Math.abs(value - expected) <= tolerance, `${what}: printed "${text}" (${value}) but summary.json has ${expected}`);
}

interface MetricStat {
  key: string;
  label: string;
  kind: QuantityKind;
  median: number;
  p5: number;
  p95: number;
  mean: number;
}

/** Relative links (images and others) of a Markdown file, outside code. */
function relativeLinks(md: string): Array<{ image: boolean; target: string }> {
  const out: Array<{ image: boolean; target: string }> = [];
  for (const m of outsideCode(md).matchAll(/(!?)\[(?:[^\]\\]|\\.)*\]\(([^)\s]+)\)/g)) {
    if (!/^[a-z]+:/i.test(m[2])) out.push({ image: m[1] === '!', target: decodeURIComponent(m[2]) });
  }
  return out;
}

/** Opens a page offline (every request other than file:// aborted and recorded) and reads it. */
async function inspectPage(file: string) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    const network: string[] = [];
    const dialogs: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.route(/^(?!file:)/, (route) => {
      network.push(route.request().url());
      return route.abort();
    });
    await page.goto(`file://${file}`);
    await page
      .waitForFunction(() => {
        const figures = Array.from(document.querySelectorAll('.prover-sim-figure'));
        return figures.length > 0 && figures.every((d) => d.querySelector('svg.main-svg g.trace'));
      }, undefined, { timeout: 30_000 })
      .catch(() => undefined);
    // Hovering a legend entry would fire an injected onmouseover.
    await page.mouse.move(300, 300);
    const dom = await page.evaluate(() => ({
      h1: document.querySelector('h1')?.textContent ?? '',
      figures: Array.from(document.querySelectorAll<HTMLElement>('.prover-sim-figure')).map((d) => ({
        id: d.id,
        drawn: d.querySelector('svg.main-svg g.trace') !== null,
        traces: ((d as unknown as { data?: unknown[] }).data ?? []).length,
        // Every line flat (one value throughout): a chart that says nothing a sentence would not.
        flat: (() => {
          const lines = ((d as unknown as { data?: Array<{ type?: string; y?: unknown[] }> }).data ?? [])
            .filter((t) => (t.type ?? 'scatter') === 'scatter' && Array.isArray(t.y))
            .map((t) => (t.y as unknown[]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v)))
            .filter((ys) => ys.length >= 2);
          return lines.length > 0 && lines.every((ys) => ys.every((v) => v === ys[0]));
        })(),
        // Drawn geometry: line and area paths, bars, heatmap images.
        marks: Array.from(d.querySelectorAll('g.trace path, g.trace image')).filter((el) => el.tagName === 'image' || (el.getAttribute('d') ?? '').length > 4).length,
      })),
      injected: document.querySelectorAll('img, body script:not([type]), [onerror], [onmouseover]').length,
      legend: Array.from(document.querySelectorAll('.legendtext')).map((e) => e.textContent ?? ''),
      text: document.body.innerText,
      plotlyBundles: Array.from(document.scripts).filter((s) => (s.textContent ?? '').length > 1_000_000).length,
    }));
    return { dom, errors, network, dialogs };
  } finally {
    await browser.close();
  }
}

describe('prover-sim report <scenario>', () => {
  let work: string;
  let out: string;
  let md: string;
  let summary: { seeds: number[]; masterSeed: number; scenarios: Array<{ label: string; metrics: MetricStat[]; perSeed: unknown[] }>; findings: Array<{ text: string; values: Array<{ value: number; kind: QuantityKind; metric?: string; stat?: keyof MetricStat }> }> };
  let run: ReturnType<typeof cli>;

  before(() => {
    work = tmp('scenario');
    const file = path.join(work, 'evil.json');
    fs.writeFileSync(file, JSON.stringify({ name: EVIL_NAME, description: EVIL_DESCRIPTION, outages: { correlatedEventsPerYear: 1 } }));
    out = path.join(work, 'report');
    run = cli(['report', file, '--seeds', '3', '--days', '60', '--seed', '5', '--set', `provers.classes.0.label=${EVIL_LABEL}`, '--out', out]);
    assert.equal(run.code, 0, run.stderr);
    md = read(out, 'report.md');
    summary = json(out, 'summary.json');
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('writes report.md, index.html, summary.json, manifest.json, charts and data, and prints where', () => {
    for (const f of ['report.md', 'index.html', 'report.zip', 'summary.json', 'manifest.json', 'data/headline.csv', 'data/runs.csv', 'data/daily.csv', 'data/classes.csv', 'data/parameters.csv', 'data/assumptions.csv']) {
      assert.ok(fs.existsSync(path.join(out, f)), `${f} missing`);
    }
    assert.match(run.stdout, new RegExp(`${path.join(out, 'report.md').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
    assert.match(run.stdout, /index\.html/);
    assert.match(run.stdout, /report\.zip/);
    const manifest = json(out, 'manifest.json');
    assert.equal(manifest.kind, 'report');
    assert.equal(manifest.charts.rendered, true);
    assert.deepEqual(manifest.seeds, summary.seeds);
    assert.equal(summary.seeds.length, 3);
    // Every file the manifest lists exists, and every file written is listed.
    const listed = new Set<string>(manifest.files);
    const walk = (d: string): string[] => fs.readdirSync(path.join(out, d), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
    assert.deepEqual(walk('').sort(), [...listed].sort());
    // daily.csv: one row per seed and day.
    assert.equal(read(out, 'data/daily.csv').trim().split('\n').length, 1 + 3 * 60);
  });

  it('renders every chart to a real PNG of the expected size and an SVG', () => {
    const charts = fs.readdirSync(path.join(out, 'charts'));
    const pngs = charts.filter((f) => f.endsWith('.png'));
    assert.ok(pngs.length >= 8, `only ${pngs.length} PNG charts`);
    for (const png of pngs) {
      const { width, height } = pngSize(path.join(out, 'charts', png));
      assert.equal(width, 1920, `${png}: 960 CSS px at scale 2`);
      assert.ok(height >= 400 && height <= 4000, `${png}: height ${height}`);
      assert.ok(fs.statSync(path.join(out, 'charts', png)).size > 10_000, `${png}: suspiciously small (blank?)`);
      // The SVG is the same chart at scale 1: its size is the PNG's halved.
      const svg = read(path.join(out, 'charts'), png.replace(/\.png$/, '.svg'));
      assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      const svgSize = /^<svg[^>]*\swidth="(\d+)"[^>]*\sheight="(\d+)"/.exec(svg);
      assert.ok(svgSize, `${png}: SVG without width and height`);
      assert.deepEqual([Number(svgSize[1]) * 2, Number(svgSize[2]) * 2], [width, height], `${png}: PNG and SVG sizes disagree`);
    }
    // A chart of the default height (440 px) comes out 880 px high.
    assert.equal(pngSize(path.join(out, 'charts', 'active-provers.png')).height, 880);
  });

  it('links every image in report.md to a file that exists, and every other relative link too', () => {
    const links = relativeLinks(md);
    const images = links.filter((l) => l.image);
    assert.ok(images.length >= 8, `${images.length} images`);
    for (const l of links) assert.ok(fs.existsSync(path.join(out, l.target)), `${l.target} does not resolve`);
    for (const l of images) assert.match(l.target, /^charts\/[a-z0-9-]+\.png$/);
  });

  it('prints the headline table from the numbers in summary.json', () => {
    const rows = tableRows(section(md, 'Headline numbers'));
    const metrics = summary.scenarios[0].metrics;
    assert.equal(rows.length, metrics.length, 'one table row per metric of summary.json');
    rows.forEach((cells, i) => {
      const m = metrics[i];
      assert.equal(cells[0], m.label);
      assertPrinted(cells[1], m.median, `${m.key} median`);
      const [p5, p95] = cells[2].split(' to ');
      assertPrinted(p5, m.p5, `${m.key} p5`);
      assertPrinted(p95, m.p95, `${m.key} p95`);
      assert.equal(cells[1], formatQuantity(m.median, m.kind));
    });
  });

  it('writes a summary whose numbers are summary.json\'s statistics', () => {
    const bullets = section(md, 'Summary').filter((l) => l.startsWith('- ')).map((l) => unescapeMarkdown(l.slice(2)));
    assert.equal(bullets.length, summary.findings.length);
    assert.ok(bullets.length >= 4, 'a handful of findings');
    const byKey = new Map(summary.scenarios[0].metrics.map((m) => [m.key, m]));
    summary.findings.forEach((f, i) => {
      assert.equal(bullets[i], f.text);
      // The printed numbers appear in order, each as summary.json's value formatted.
      let from = 0;
      for (const v of f.values) {
        const printed = formatQuantity(v.value, v.kind);
        const at = f.text.indexOf(printed, from);
        assert.ok(at >= 0, `finding ${i}: ${printed} not printed after position ${from}: ${f.text}`);
        from = at + printed.length;
        if (v.metric) {
          const m = byKey.get(v.metric);
          assert.ok(m, `finding ${i}: unknown metric ${v.metric}`);
          assert.equal(v.value, m[v.stat ?? 'median'], `finding ${i}: ${v.metric} ${v.stat}`);
        }
      }
      // No number is printed that the finding does not record (labels such as "30-day" and "5-95%" aside).
      const numbers = f.text.replace(/\d+-day|5-95%|95th|95%|--seeds 20|\(x/g, '').split(EVIL_LABEL).join('').match(/-?\$?\d[\d,]*(\.\d+)?[kMB]?( ?(%|s\b|min|h\b|days))?/g) ?? [];
      assert.ok(numbers.length <= f.values.length, `finding ${i} prints ${numbers.length} numbers, records ${f.values.length}: ${f.text}`);
    });
  });

  it('escapes scenario text in Markdown: it reads as text and never becomes markup', () => {
    const prose = outsideCode(md);
    for (const raw of [EVIL_NAME, '<script>', '<b onmouseover', '](javascript:', '**x**']) assert.ok(!prose.includes(raw), `"${raw}" appears unescaped in report.md`);
    assert.ok(md.startsWith(`# &lt;img src=x onerror=alert(1)&gt;`), md.slice(0, 80));
    assert.ok(prose.includes('&lt;b onmouseover=alert(4)&gt;Rollup team&lt;/b&gt;'));
    assert.ok(prose.includes('\\# not a heading &lt;script&gt;alert(2)&lt;/script&gt; \\[click\\](javascript\\:alert(3)) \\*\\*x\\*\\* \\| \\$1 and \\$2'));
    // No line starts with something the description could have injected (a heading, an HTML block).
    assert.ok(!/^#+ not a heading/m.test(md));
    assert.ok(!/^<(script|img|b)\b/im.test(md));
  });

  it('draws every chart of index.html offline, with no console error, request or dialog, and shows scenario text as text', async () => {
    const html = read(out, 'index.html');
    assert.ok(!html.includes(EVIL_NAME), 'raw scenario name in index.html');
    assert.ok(!/<script[^>]+src=/i.test(html), 'a script loaded from elsewhere');
    // Outside scripts (plotly's bundle holds URLs of its own, never fetched offline: see below).
    assert.ok(!/(href|src)="https?:/i.test(html.replace(/<script[^>]*>[\s\S]*?<\/script>/g, '')), 'a link or source on the network');
    const { dom, errors, network, dialogs } = await inspectPage(path.join(out, 'index.html'));
    assert.deepEqual(network, [], 'requests outside file://');
    assert.deepEqual(errors, [], 'console errors');
    assert.deepEqual(dialogs, [], 'a dialog opened: injected script ran');
    assert.equal(dom.plotlyBundles, 1, 'plotly inlined exactly once');
    const pngs = fs.readdirSync(path.join(out, 'charts')).filter((f) => f.endsWith('.png'));
    assert.equal(dom.figures.length, pngs.length, 'one live chart per rendered chart');
    for (const f of dom.figures) {
      assert.ok(f.drawn, `${f.id} not drawn`);
      assert.ok(f.traces > 0 && f.marks > 0, `${f.id}: ${f.traces} traces, ${f.marks} marks`);
      assert.ok(!f.flat, `${f.id}: every series is flat; a sentence should stand in for the chart`);
    }
    assert.equal(dom.injected, 0, 'an element from scenario text');
    assert.equal(dom.h1, `${EVIL_NAME}: prover-sim report`);
    assert.ok(dom.text.includes(EVIL_DESCRIPTION));
    assert.ok(dom.legend.includes(EVIL_LABEL), `class label not shown as text in the legends: ${dom.legend.join(' | ')}`);
  });

  it('says in one sentence what a chart of flat lines would show, and draws no such chart', () => {
    // The default race pays tokenholders the same share of every batch's fee: a constant per day.
    const perDay = (summary.scenarios[0].metrics.find((m) => m.key === 'tokenholderIncomeUsd')!.median) / 60;
    const sentence = /^Tokenholder income per day: (\S+) on every day of every seed \(3\)\.$/m.exec(unescapeMarkdown(md));
    assert.ok(sentence, 'no sentence for the constant tokenholder income');
    assertPrinted(sentence[1], perDay, 'tokenholder income per day');
    assert.ok(!fs.existsSync(path.join(out, 'charts', 'tokenholder-income.png')), 'a chart of a constant was rendered');
  });

  it('lists only the parameters that differ from the file and links every parameter in data/parameters.csv', () => {
    const params = section(md, 'Parameters');
    assert.equal(tableRows(params).length, 2, 'days and the class label differ');
    assert.ok(relativeLinks(params.join('\n')).some((l) => l.target === 'data/parameters.csv'));
    const csv = read(out, 'data/parameters.csv').trim().split('\n');
    assert.equal(csv[0], 'scenario,parameter,value,unit,preset,preset_value,changed,meaning');
    const changed = csv.slice(1).filter((l) => /,true,/.test(l));
    assert.equal(changed.length, 2);
    assert.ok(csv.length > 100, `${csv.length - 1} parameters in the CSV`);
  });

  it('bundles report.md and the PNGs it links in report.zip', () => {
    const entries = unzipSync(fs.readFileSync(path.join(out, 'report.zip')));
    const pngs = fs.readdirSync(path.join(out, 'charts')).filter((f) => f.endsWith('.png')).map((f) => `charts/${f}`);
    assert.deepEqual(Object.keys(entries).sort(), ['report.md', ...pngs].sort());
    assert.equal(Buffer.from(entries['report.md']).toString('utf8'), md);
    for (const png of pngs) assert.ok(Buffer.from(entries[png]).equals(fs.readFileSync(path.join(out, png))), `${png} differs in the zip`);
    // Every image report.md links is in the archive.
    for (const l of relativeLinks(md).filter((x) => x.image)) assert.ok(l.target in entries, `${l.target} not in report.zip`);
  });

  it('says how to reproduce it: the command, version, commit and seeds', () => {
    const repro = section(md, 'Reproduce').join('\n');
    assert.match(repro, /```sh\nnpx prover-sim report \S+evil\.json --seeds 3 --seed 5 --days 60 --set 'provers\.classes\.0\.label=<b onmouseover=alert\(4\)>Rollup team<\/b>' --out \S+\n```/);
    assert.match(repro, /version `\d+\.\d+\.\d+`, git commit `[0-9a-f]{40}(-dirty)?|unknown`/);
    for (const seed of summary.seeds) assert.ok(repro.includes(String(seed)), `seed ${seed} not listed`);
    // The parameters changed from the file are marked.
    const params = section(md, 'Parameters').join('\n');
    assert.match(params, /differ from file evil\.json/);
    assert.match(params, /`days` \| 60 days \| 1825 days/);
  });

  it('gives the same numbers for the same seeds: one run equals `prover-sim run` with the listed seed', () => {
    const runOut = path.join(work, 'single');
    const r = cli(['run', path.join(work, 'evil.json'), '--days', '60', '--seed', String(summary.seeds[1]), '--out', runOut]);
    assert.equal(r.code, 0, r.stderr);
    const single = json(runOut, 'summary.json');
    const perSeed = summary.scenarios[0].perSeed[1] as Record<string, number>;
    assert.equal(single.proverProfitUsd, perSeed.proverProfitUsd);
    assert.equal(single.maxFinalityDelayHours, perSeed.maxFinalityDelayHours);
  });
});

describe('prover-sim report without Chromium', () => {
  it('says so with the install command, on stderr and in report.md, and still writes HTML, Markdown and data', () => {
    const out = path.join(tmp('nochrome'), 'r');
    const r = cli(['report', 'permissionless-race', '--seeds', '2', '--days', '60', '--out', out], { CHROMIUM_PATH: '/nonexistent/chromium', PROVER_SIM_NO_DEFAULT_CHROMIUM: '1' });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /charts not rendered: no Chromium or Chrome found \(tried: \/nonexistent\/chromium\)/);
    assert.match(r.stderr, /sudo apt-get install -y chromium/);
    const md = read(out, 'report.md');
    assert.match(md.split('\n## ')[0], /> \*\*Note:\*\* The charts were not rendered.*`sudo apt-get install -y chromium`/);
    assert.equal(relativeLinks(md).filter((l) => l.image).length, 0, 'no image links to charts that do not exist');
    for (const l of relativeLinks(md)) assert.ok(fs.existsSync(path.join(out, l.target)), `${l.target} does not resolve`);
    assert.ok(!fs.existsSync(path.join(out, 'charts')));
    for (const f of ['index.html', 'summary.json', 'manifest.json', 'data/daily.csv', 'data/headline.csv']) assert.ok(fs.existsSync(path.join(out, f)), f);
    assert.match(read(out, 'index.html'), /class="prover-sim-figure"/);
    const manifest = json(out, 'manifest.json');
    assert.equal(manifest.charts.rendered, false);
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });

  it('takes the binary from --chromium alone when given', () => {
    const out = path.join(tmp('badpath'), 'r');
    const r = cli(['report', 'permissionless-race', '--seeds', '1', '--days', '30', '--chromium', '/nonexistent/chrome', '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /tried: \/nonexistent\/chrome\)/);
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });
});

describe('prover-sim report: comparisons', () => {
  it('compares mechanisms of one scenario on the same seeds, table from summary.json', () => {
    const out = path.join(tmp('compare'), 'r');
    const r = cli(['report', 'permissionless-race', '--compare', 'mechanism.kind=race,centralized', '--seeds', '2', '--days', '60', '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    const summary = json(out, 'summary.json');
    assert.equal(summary.kind, 'comparison');
    assert.deepEqual(summary.scenarios.map((s: { label: string }) => s.label), ['mechanism.kind=race', 'mechanism.kind=centralized']);
    const md = read(out, 'report.md');
    const rows = tableRows(section(md, 'Headline numbers'));
    assert.equal(rows.length, summary.table.length);
    rows.forEach((cells, i) => {
      summary.scenarios.forEach((s: { metrics: MetricStat[] }, v: number) => {
        const m = s.metrics.find((x) => x.key === summary.table[i])!;
        const [, median, p5, p95] = /^(.*) \((.*) to (.*)\)$/.exec(cells[v + 1]) ?? [];
        assertPrinted(median, m.median, `${m.key} of scenario ${v}`);
        assertPrinted(p5, m.p5, `${m.key} p5 of scenario ${v}`);
        assertPrinted(p95, m.p95, `${m.key} p95 of scenario ${v}`);
      });
    });
    assert.match(section(md, 'What differs between the scenarios').join('\n'), /`mechanism\.kind` \| race \| centralized/);
    assert.ok(fs.existsSync(path.join(out, 'charts', 'comparison.png')));
    assert.equal(pngSize(path.join(out, 'charts', 'comparison.png')).width, 1920);
    for (const l of relativeLinks(md)) assert.ok(fs.existsSync(path.join(out, l.target)), `${l.target} does not resolve`);
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });

  it('compares several named scenarios', () => {
    const out = path.join(tmp('compare2'), 'r');
    const r = cli(['report', 'permissionless-race', 'centralized-with-backup', '--seeds', '2', '--days', '45', '--no-charts', '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    const summary = json(out, 'summary.json');
    assert.deepEqual(summary.scenarios.map((s: { label: string }) => s.label), ['permissionless-race', 'centralized-with-backup']);
    assert.match(read(out, 'report.md'), /^# permissionless-race vs centralized-with-backup/);
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });
});

describe('prover-sim report <sweep folder>', () => {
  it('summarizes a finished sweep from its own points.csv and tornado.csv', async () => {
    const work = tmp('sweep');
    const sweep = path.join(work, 'sweep');
    await runSweep({ scenario: 'permissionless-race', days: 45, grid: { 'rewards.redistributionShare': [0, 0.4], 'behaviour.entryProbabilityPerDay': [0.05, 0.2] }, seeds: 2, out: sweep, workers: 0 });
    const out = path.join(work, 'r');
    const r = cli(['report', sweep, '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    const summary = json(out, 'summary.json');
    assert.equal(summary.kind, 'sweep');
    const md = read(out, 'report.md');
    const rows = tableRows(section(md, 'Headline numbers by parameter point'));
    assert.equal(rows.length, 4);
    rows.forEach((cells, i) => {
      const point = summary.points[summary.table.points[i]];
      assert.equal(cells[0], String(point.point));
      summary.table.metrics.forEach((m: { key: string }, k: number) => {
        const stat = point.metrics[m.key];
        assertPrinted(/^(\S+(?: (?:s|min|h|days))?)/.exec(cells[3 + k])![1], stat.median, `point ${i} ${m.key}`);
      });
    });
    // The table's numbers are the sweep's: points.csv medians.
    const points = read(sweep, 'points.csv').trim().split('\n');
    const header = points[0].split(',');
    const col = header.indexOf('active_provers_last_year_median');
    assert.equal(summary.points[1].metrics.activeProversLastYear.median, Number(points[2].split(',')[col]));
    assert.ok(fs.existsSync(path.join(out, 'data', 'points.csv')));
    assert.ok(relativeLinks(md).filter((l) => l.image).length >= 2, 'tornado and heatmap charts');
    for (const l of relativeLinks(md)) assert.ok(fs.existsSync(path.join(out, l.target)), `${l.target} does not resolve`);
    // A sweep fixed its own seeds: asking for others is an error.
    const bad = cli(['report', sweep, '--seeds', '3', '--out', path.join(work, 'x')]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--seeds: not for a sweep folder/);
    // Writing a report over the sweep itself is refused.
    const over = cli(['report', 'permissionless-race', '--days', '30', '--seeds', '1', '--out', sweep]);
    assert.equal(over.code, 2);
    assert.match(over.stderr, /holds the outputs of a sweep/);
    fs.rmSync(work, { recursive: true, force: true });
  });
});

/** The post limit of a Discourse forum (max_post_length's default). */
const POST_LIMIT = 32_000;

describe('prover-sim report: the largest reports still fit one forum post', () => {
  it('a comparison of every preset: report.md under 32,000 characters, long tables cut with a link to their data', () => {
    const work = tmp('largest');
    const presets = fs.readdirSync(path.resolve(__dirname, '..', 'data', 'scenarios')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    assert.ok(presets.length >= 8, `${presets.length} presets`);
    const out = path.join(work, 'r');
    const r = cli(['report', ...presets, '--seeds', '2', '--days', '45', '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    const md = read(out, 'report.md');
    assert.ok(md.length < POST_LIMIT, `report.md of ${presets.length} scenarios is ${md.length} characters`);
    assert.match(md, /The first \d+ of \d+ rows; all of them in \[data\/[a-z]+\.csv\]/);
    for (const l of relativeLinks(md)) assert.ok(fs.existsSync(path.join(out, l.target)), `${l.target} does not resolve`);
    // The page keeps every row.
    const html = read(out, 'index.html');
    const params = read(out, 'data/parameters.csv');
    assert.ok(params.trim().split('\n').length > 100);
    assert.ok(html.length > md.length);
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('a sweep of three parameters over 60 points: report.md under 32,000 characters', async () => {
    const work = tmp('largest-sweep');
    const sweep = path.join(work, 'sweep');
    await runSweep({
      scenario: 'permissionless-race',
      days: 30,
      grid: { 'rewards.redistributionShare': [0, 0.1, 0.2, 0.3, 0.4], 'behaviour.entryProbabilityPerDay': [0.05, 0.1, 0.2, 0.3], 'finality.deadlineHours': [1, 2, 4] },
      seeds: 2,
      out: sweep,
      workers: 0,
    });
    const out = path.join(work, 'r');
    const r = cli(['report', sweep, '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    const md = read(out, 'report.md');
    assert.ok(md.length < POST_LIMIT, `report.md of a 60-point sweep is ${md.length} characters`);
    assert.ok(fs.existsSync(path.join(out, 'report.zip')));
    for (const l of relativeLinks(md)) assert.ok(fs.existsSync(path.join(out, l.target)), `${l.target} does not resolve`);
    fs.rmSync(work, { recursive: true, force: true });
  });
});

describe('prover-sim report: errors', () => {
  it('answers bad input with one line, exit code 2, and writes nothing', () => {
    const work = tmp('errors');
    const cases: Array<[string[], RegExp]> = [
      [['report', 'no-such-preset'], /unknown scenario "no-such-preset"/],
      [['report', 'permissionless-race', '--compare', 'rewards.redistributionShare=0.1'], /--compare .*at least two values/],
      [['report', 'permissionless-race', 'centralized-with-backup', '--compare', 'days=30,60'], /--compare varies one scenario/],
      [['report', 'permissionless-race', '--set', 'rewards.nope=1'], /unknown field "nope"/],
      [['report', 'permissionless-race', '--seeds', '0'], /--seeds: expected a whole number from 1/],
    ];
    for (const [args, message] of cases) {
      const out = path.join(work, 'never');
      const r = cli([...args, '--out', out]);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.ok(!fs.existsSync(out), `${args.join(' ')} wrote ${out}`);
    }
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('documents its shape in --help', () => {
    const r = cli(['report', '--help']);
    assert.equal(r.code, 0);
    for (const option of ['--seeds', '--seed', '--days', '--set', '--compare', '--no-charts', '--chromium', '--out']) assert.ok(r.stdout.includes(option), option);
    assert.match(r.stdout, /sweep output folder/);
  });
});
